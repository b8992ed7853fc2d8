// A holder's current stance on a proposal as a fold over its observations: the one definition, kept by the store at write time.
import type { StanceLabel } from '../analyze/record.js';
import type { ObservationRow } from './store.js';

/** An observation this many days older than the newest one counts half as much. */
export const HALF_LIFE_DAYS = 7;

/** The order in which equal weights are won: fixed, so that the result never depends on the order observations are read in. */
export const STANCE_ORDER: readonly StanceLabel[] = ['support', 'oppose', 'undecided'];

/** Weights closer than this share of the total are a tie (sums in another order differ in their last bits). */
const TIE = 1e-9;

/** What a position shows of the observation that stands for its stance. */
export type Evidence = Pick<ObservationRow, 'date' | 'confidence' | 'condition' | 'articleId' | 'evidence' | 'evidenceStart' | 'quote'>;

/** What the fold reads of an observation. */
export type Observed = Evidence & Pick<ObservationRow, 'stance'>;

/** The observations of one stance, summed. */
export interface Tally {
  count: number;
  /** Sum of confidences (for the mean). */
  confidence: number;
  /** Sum of the dated observations' weights relative to the state's anchor: max(confidence, 0.01) × 0.5^((d − anchor) / 7). */
  dated: number;
  /** Sum of the undated observations' weights, max(confidence, 0.01): they count as of the newest date. */
  undated: number;
  /** The newest observation of this stance (same day: the more confident; then the smaller article id, then the earlier evidence). */
  latest: Evidence;
}

/** Everything the current stance needs of a (proposal, holder)'s observations, in constant space. */
export interface StanceState {
  /** The day number (days since 1970) of the newest dated observation, or null if none is dated. */
  anchor: number | null;
  tallies: Partial<Record<StanceLabel, Tally>>;
}

export interface Current {
  stance: StanceLabel;
  /** Before rounding: the stance's share of the weight times its mean confidence. */
  confidence: number;
  observations: number;
  latest: Evidence;
}

export const emptyState = (): StanceState => ({ anchor: null, tallies: {} });

/** Days since 1970 of a date, or null when there is none (or it cannot be read): such observations count as of the newest. */
export function dayOf(date: string | null): number | null {
  if (!date) return null;
  const t = Date.parse(date) / 86_400_000;
  return Number.isFinite(t) ? t : null;
}

/** True when `b` is a better "latest" than `a`: a total order, so the choice is the same in any reading order. */
function newer(a: Evidence, b: Evidence): boolean {
  const da = dayOf(a.date) ?? Number.NEGATIVE_INFINITY;
  const db = dayOf(b.date) ?? Number.NEGATIVE_INFINITY;
  if (db !== da) return db > da;
  if (b.confidence !== a.confidence) return b.confidence > a.confidence;
  if (b.articleId !== a.articleId) return b.articleId < a.articleId;
  return b.evidenceStart < a.evidenceStart;
}

const decay = (days: number) => 0.5 ** (days / HALF_LIFE_DAYS);

/** Adds one observation to the state (pure: returns a new state, O(1)). */
export function foldObservation(state: StanceState, o: Observed): StanceState {
  const d = dayOf(o.date);
  let anchor = state.anchor;
  let tallies = state.tallies;
  if (d !== null && (anchor === null || d > anchor)) {
    // A newer date: the dated weights so far were relative to the older anchor, so they shrink by the gap.
    const scale = anchor === null ? 1 : decay(d - anchor);
    tallies = Object.fromEntries(Object.entries(tallies).map(([s, t]) => [s, { ...t, dated: t.dated * scale }]));
    anchor = d;
  }
  const w = Math.max(o.confidence, 0.01) * (d === null ? 1 : decay(anchor! - d));
  const evidence: Evidence = {
    date: o.date, confidence: o.confidence, condition: o.condition, articleId: o.articleId,
    evidence: o.evidence, evidenceStart: o.evidenceStart, quote: o.quote,
  };
  const t = tallies[o.stance];
  const next: Tally = t
    ? {
        count: t.count + 1, confidence: t.confidence + o.confidence,
        dated: d === null ? t.dated : t.dated + w, undated: d === null ? t.undated + w : t.undated,
        latest: newer(t.latest, evidence) ? evidence : t.latest,
      }
    : { count: 1, confidence: o.confidence, dated: d === null ? 0 : w, undated: d === null ? w : 0, latest: evidence };
  return { anchor, tallies: { ...tallies, [o.stance]: next } };
}

/** The current stance of a state: the stance with the most weight (ties: STANCE_ORDER), or null before any observation. */
export function currentOf(state: StanceState): Current | null {
  let total = 0;
  let observations = 0;
  for (const t of Object.values(state.tallies)) { total += t.dated + t.undated; observations += t.count; }
  let best: { stance: StanceLabel; weight: number; tally: Tally } | null = null;
  for (const stance of STANCE_ORDER) {
    const t = state.tallies[stance];
    if (!t) continue;
    const weight = t.dated + t.undated;
    if (!best || weight - best.weight > TIE * total) best = { stance, weight, tally: t };
  }
  if (!best) return null;
  return { stance: best.stance, confidence: (best.weight / total) * (best.tally.confidence / best.tally.count), observations, latest: best.tally.latest };
}
