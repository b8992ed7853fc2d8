// Whether a proposal in a new article is one already known: same content, compatible proposer and body, close in time.
import type { ProposalRow } from '../store/store.js';

const STOP = new Set([
  'a', 'an', 'the', 'of', 'on', 'in', 'for', 'to', 'over', 'by', 'with', 'and', 'or', 'its', 'their', 'his', 'her', 'from',
  'into', 'at', 'as', 'that', 'this', 'be', 'is', 'are', 'new', 'any', 'such', 'proposed', 'proposal', 'idea', 'plan',
]);
/** Words that say what kind of thing is proposed but not which one: they count for less. */
const GENERIC = new Set(['resolution', 'draft', 'un', 'unsc', 'security', 'council', 'nato', 'eu', 'package', 'deal', 'call', 'demand', 'mission', 'transfer', 'send', 'supply', 'bid', 'join']);

/** Days between a report and the known proposal's first or last report beyond which they are not taken to be one
 * proposal; an accession or a sanctions regime can stay on the table for a year while reports keep coming. */
export const MAX_GAP_DAYS = 365;
/** The least weighted share of the smaller proposal's terms that the other must contain. */
export const MATCH_THRESHOLD = 0.6;

/** A light stem: plural and agent/gerund endings off, so "peacekeepers" and "peacekeeping" meet. */
export function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  const m = /^(.{5,}?)(ings|ing|ers|er)$/.exec(w);
  if (m) return m[1];
  return w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/** The content words of a proposal's key and summary, lower-case and singular. */
export function proposalTerms(key: string, summary: string): string[] {
  const words = `${key.replace(/-/g, ' ')} ${summary}`.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ').split(/\s+/).filter((w) => w && !STOP.has(w)).map(stem);
  return [...new Set(words)];
}

const weight = (t: string) => (GENERIC.has(t) ? 0.3 : 1);

function days(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / 86_400_000;
}

export interface ProposalCandidate {
  terms: string[];
  proposer: string | null;
  body: string | null;
  date: string | null;
}

/** How well a new proposal matches a known one, 0..1; 0 when proposer, body or time rule it out. */
export function matchScore(p: ProposalCandidate, known: Pick<ProposalRow, 'terms' | 'proposer' | 'body' | 'firstSeen' | 'lastSeen'>): number {
  if (p.proposer && known.proposer && p.proposer !== known.proposer) return 0;
  if (p.body && known.body && p.body !== known.body) return 0;
  if (p.date && known.firstSeen && known.lastSeen) {
    const gap = p.date < known.firstSeen ? days(p.date, known.firstSeen) : p.date > known.lastSeen ? days(p.date, known.lastSeen) : 0;
    if (gap > MAX_GAP_DAYS) return 0;
  }
  const a = new Set(p.terms);
  const b = new Set(known.terms);
  let shared = 0;
  let specificShared = 0;
  for (const t of a) if (b.has(t)) { shared += weight(t); if (!GENERIC.has(t)) specificShared++; }
  if (specificShared === 0) return 0;
  const total = (s: Set<string>) => [...s].reduce((n, t) => n + weight(t), 0);
  const smaller = Math.min(total(a), total(b));
  return smaller ? shared / smaller : 0;
}

/** The best known proposal for a new one, or null when none reaches the threshold. */
export function bestMatch<T extends Pick<ProposalRow, 'terms' | 'proposer' | 'body' | 'firstSeen' | 'lastSeen'>>(p: ProposalCandidate, known: T[]): T | null {
  let best: T | null = null;
  let bestScore = MATCH_THRESHOLD;
  for (const k of known) {
    const s = matchScore(p, k);
    if (s >= bestScore) { best = k; bestScore = s; }
  }
  return best;
}
