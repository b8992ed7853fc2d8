// `standpoint check`'s work: the store's own checks, then every article whole, and its rows as its record gives them.
import type { AnalysisRecord } from '../analyze/record.js';
import { decisionRows } from '../store/decision-rows.js';
import type { DecisionRow, ObservationRow, StoredArticle, Store } from '../store/store.js';
import { fingerprint, signatureHex } from './near-duplicates.js';

/** Articles read per page (each with its text). */
const PAGE = 100;

/** What a problem's line shows of a value. */
const shown = (v: unknown) => JSON.stringify(v)?.slice(0, 60) ?? 'nothing';

/**
 * Every problem of the store, one line each ("article ID: what"): the database's own checks and the kept stances and counts
 * (Store.integrity), then each article: its text against its content hash and signature, its record (it parses, and agrees
 * with its row), and its quotes, mentions, observations and decisions against what its record gives (as planArticle wrote them).
 */
export async function* checkStore(store: Store, options: { pageSize?: number; onArticle?: () => void } = {}): AsyncGenerator<string> {
  yield* await store.integrity();
  for (let after: string | null = null; ;) {
    let page: Awaited<ReturnType<Store['storedArticles']>>;
    try {
      page = await store.storedArticles(after, options.pageSize ?? PAGE);
    } catch (err) {
      yield `database: the articles ${after === null ? '' : `after ${String(JSON.parse(after))} `}cannot be read: ${(err as Error).message}`;
      return;
    }
    for (const a of page.rows) {
      options.onArticle?.();
      for (const p of articleProblems(a)) yield `article ${a.row.id}: ${p}`;
    }
    if (page.next === null) return;
    after = page.next;
  }
}

/** What is wrong with one stored article (nothing when it is whole). */
export function articleProblems(a: StoredArticle): string[] {
  const out: string[] = [];
  const print = fingerprint(a.text);
  // An altered text: its rows, cut from the text as it was, would only say so again.
  const altered = print.contentHash !== a.contentHash;
  if (altered) out.push('its text does not match its content hash: the text was altered');
  else if (signatureHex(print.signature) !== a.signature) out.push('its text does not match its near-duplicate signature');
  if (!a.record) return [...out, `its record does not parse (${a.recordError})`];
  const r = a.record;
  const article = r.article;
  for (const f of ['id', 'date', 'title', 'url', 'source', 'file', 'language'] as const) {
    if ((article[f] ?? null) !== (a.row[f] ?? null)) out.push(`its record has ${f} ${shown(article[f])}, its row ${shown(a.row[f])}`);
  }
  if (article.text !== a.text) out.push('the text inside its record differs from its text');
  if (altered) return out;
  out.push(...rowsProblems('quote', expectedQuotes(r), a.quotes.map((q) => ({ ...q, articleId: undefined })), (q) => String(q.localId)));
  const proposalOf = new Map<string, Set<string>>();
  for (const m of a.mentions) {
    const local = m.localId.split('.')[0];
    proposalOf.set(local, (proposalOf.get(local) ?? new Set()).add(m.proposalId));
  }
  for (const [local, ids] of proposalOf) if (ids.size > 1) out.push(`the mentions of its proposal ${local} name ${ids.size} stored proposals`);
  out.push(...rowsProblems('mention', expectedMentions(r), a.mentions.map((m) => ({ ...m, articleId: undefined, proposalId: undefined })), (m) => String(m.localId)));
  out.push(...observationProblems(r, a.observations, (local) => [...(proposalOf.get(local) ?? [])][0]));
  const decision = (d: DecisionRow): Row => ({ ...d, articleId: undefined, inferred: JSON.stringify(d.inferred), abstaining: JSON.stringify(d.abstaining) });
  out.push(...rowsProblems('decision', decisionRows(r, (local) => [...(proposalOf.get(local) ?? [])][0]).map(decision), a.decisions.map(decision), (d) => String(d.localId)));
  return out;
}

type Row = Record<string, unknown>;

/** Rows against those expected, matched by a key: one line for each missing, unexpected or differing row. */
function rowsProblems(kind: string, want: Row[], got: Row[], key: (r: Row) => string): string[] {
  const out: string[] = [];
  const stored = new Map(got.map((r) => [key(r), r]));
  for (const w of want) {
    const g = stored.get(key(w));
    stored.delete(key(w));
    if (!g) { out.push(`its record's ${kind} ${key(w)} has no row`); continue; }
    const differ = Object.keys(w).filter((f) => (w[f] ?? null) !== (g[f] ?? null));
    if (differ.length) out.push(`its ${kind} ${key(w)} differs from its record in ${differ.map((f) => `${f} (${shown(g[f])}, record ${shown(w[f])})`).join(', ')}`);
  }
  for (const k of stored.keys()) out.push(`its ${kind} ${k} is not in its record`);
  return out;
}

/** The key a stance counts for: whom the actor represents, else the actor itself (as record-article.ts has it). */
const holderKey = (a: { key: string; represents: string | null }) => a.represents ?? a.key;

const actorKeys = (r: AnalysisRecord) => new Map(r.actors.map((x) => [x.id, x]));

function expectedQuotes(r: AnalysisRecord): Row[] {
  const actors = actorKeys(r);
  return r.quotes.map((q) => ({
    localId: q.id, kind: q.kind, text: q.text, speaker: (q.speaker && actors.get(q.speaker)?.key) ?? null, start: q.start, end: q.end,
  }));
}

function expectedMentions(r: AnalysisRecord): Row[] {
  const text = r.article.text;
  return r.proposals.flatMap((p) => p.mentions.map((m, i) => ({
    localId: `${p.id}.${i}`, summary: p.summary, text: text.slice(m.start, m.end), start: m.start, end: m.end,
  })));
}

/**
 * Each observation row against the record's stances: every row is one of them (holder, actor, stance, confidence,
 * condition, date, evidence, quote and, where the mentions tell it, proposal), and every stance has its row.
 */
function observationProblems(r: AnalysisRecord, rows: ObservationRow[], proposalOf: (local: string) => string | undefined): string[] {
  const actors = actorKeys(r);
  const text = r.article.text;
  const want = r.stances.flatMap((s) => {
    const holder = actors.get(s.holder);
    if (!holder || !r.proposals.some((p) => p.id === s.proposal)) return [];
    return [{
      proposalId: proposalOf(s.proposal), holder: holderKey(holder), actor: holder.key, stance: s.stance, condition: s.condition,
      confidence: s.confidence, date: s.date ?? r.article.date, evidence: text.slice(s.evidence.start, s.evidence.end),
      evidenceStart: s.evidence.start, evidenceEnd: s.evidence.end,
      quote: s.quote ? r.quotes.find((q) => q.id === s.quote)?.text ?? null : null,
    }];
  });
  const name = (o: { holder: string; proposalId?: string; evidenceStart: number }) => `of ${o.holder} on ${o.proposalId ?? '?'} (evidence at ${o.evidenceStart})`;
  const out: string[] = [];
  for (const o of rows) {
    const same = want.some((w) => (Object.keys(w) as Array<keyof typeof w>).every((f) => (f === 'proposalId' && w[f] === undefined) || w[f] === o[f]));
    if (!same) out.push(`its observation ${name(o)} is not what its record says`);
  }
  for (const w of want) {
    if (!rows.some((o) => o.holder === w.holder && o.evidenceStart === w.evidenceStart && (w.proposalId === undefined || o.proposalId === w.proposalId))) {
      out.push(`its record's stance ${name(w)} has no observation row`);
    }
  }
  return out;
}
