// The page's only source of data: the JSON API, with its one error shape turned into an Error the pages show.

export class ApiFailure extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

async function handle<T>(res: Response): Promise<T> {
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new ApiFailure(res.status, body?.error?.code ?? 'internal', body?.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}

export const get = <T>(path: string, params: Record<string, string | string[] | undefined> = {}): Promise<T> => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) for (const one of Array.isArray(v) ? v : v ? [v] : []) q.append(k, one);
  const qs = q.toString();
  return fetch(`${path}${qs ? `?${qs}` : ''}`, { headers: { accept: 'application/json' } }).then((r) => handle<T>(r));
};

export const TOKEN_KEY = 'standpoint-token';
export const token = () => sessionStorage.getItem(TOKEN_KEY) ?? '';

export const post = <T>(path: string, body: unknown): Promise<T> =>
  fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token()}` }, body: JSON.stringify(body) }).then((r) => handle<T>(r));

export interface StanceSummary { id: number; holder: string; name: string; stance: string; machineStance: string | null; date: string | null; confidence: number; observations: number; evidence: string; corrected: boolean }
export interface Badge { body: string; date: string; status: string; members: number; blockers: Array<{ key: string; name: string }> }
export interface ProposalSummary {
  id: string; summary: string; proposer: string | null; body: string | null; articles: number; firstSeen: string | null; lastSeen: string | null;
  stances: StanceSummary[]; outlook?: Badge | null; machineSummary?: string; mergedFrom?: string[]; splitFrom?: string;
}
export interface AnalystMark { editId: number; action: string; author: string; note: string | null; createdAt: string }
export interface Position extends StanceSummary {
  proposal: string; condition: string | null; quote: string | null; article: string | null;
  correction: { note: string | null; author: string; createdAt: string } | null; analyst: AnalystMark | null;
}
export interface Observation {
  id?: number; proposalId: string; holder: string; actor: string; stance: string; condition: string | null; confidence: number; date: string | null; articleId: string;
  evidence: string; quote: string | null; deleted?: boolean; movedFrom?: { proposalId: string; holder: string } | null;
}
/** An analyst's stance in a proposal's timeline. */
export interface AnalystEvent { editId: number; action: string; holder: string; stance: string; date: string; author: string; note: string | null; evidence: string | null }
/** One audited edit. */
export interface Edit { id: number; action: string; target: string; before: unknown; after: unknown; author: string; note: string | null; createdAt: string; undoneBy: number | null; text?: string }
export interface ArticleRow { id: string; date: string | null; title: string | null; url: string | null; source: string | null; file: string | null; language: string; copyOf: string | null }
export interface Outlook {
  body: string; date: string; rule: string; members: number; status: string; support: string[]; oppose: string[]; undecided: string[]; abstain: string[];
  unknown: string[]; blockers: string[]; needs: string[]; names: Record<string, string>; notes: string[]; nonMembers: Array<{ key: string; stance: string }>;
  unknownSeats: number; conditions?: Record<string, string>;
}
/** A holder's observations of a proposal on its chart: [date, stance, how many], and whether an analyst deleted its stance. */
export interface ChartRow { holder: string; deleted: boolean; points: Array<[date: string | null, stance: string, observations: number]> }
export interface ProposalPage {
  /** The newest observations (oldest first), how many there are in all, and every one of them as a chart point. */
  proposal: ProposalSummary; stances: Position[]; history: Observation[]; historyTotal: number; chart: ChartRow[]; quotes: Array<{ holder: string; actor: string; text: string; date: string | null; articleId: string }>;
  outlook: { outlook: Outlook; conditions: Record<string, string> } | null; outlookError: { code: string; message: string } | null;
  /** The latest reported vote that decided it, or null. */
  decided?: { outcome: 'adopted' | 'rejected'; date: string | null; for: number | null; against: number | null; abstain: number | null; unanimous: boolean; articleId: string; title: string | null; evidence: string } | null;
  articles: ArticleRow[]; names: Record<string, string>; analyst: AnalystEvent[]; edits: Edit[]; redirectedFrom?: string;
}
export interface Span { start: number; end: number }
export interface AnalysisRecord {
  article: ArticleRow & { text: string };
  actors: Array<{ id: string; key: string; kind: string; name: string; role: string | null; represents: string | null; mentions: Span[] }>;
  quotes: Array<{ id: string; kind: string; start: number; end: number; text: string; speaker: string | null }>;
  proposals: Array<{ id: string; summary: string; proposer: string | null; body: string | null; mentions: Span[] }>;
  stances: Array<{ holder: string; proposal: string; stance: string; condition: string | null; confidence: number; date: string | null; evidence: Span; quote: string | null }>;
}
