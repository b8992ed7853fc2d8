import { describe, expect, it } from 'vitest';
import type { StanceLabel } from '../analyze/record.js';
import { currentOf, emptyState, foldObservation, HALF_LIFE_DAYS, STANCE_ORDER, type Current, type Observed } from './current-stance.js';

const obs = (stance: StanceLabel, confidence: number, date: string | null, articleId: string, evidenceStart = 0): Observed => ({
  stance, confidence, date, condition: null, articleId, evidence: `${stance} in ${articleId}`, evidenceStart, quote: null,
});

const fold = (list: Observed[]) => currentOf(list.reduce(foldObservation, emptyState()));

function* permutations<T>(list: T[]): Generator<T[]> {
  if (list.length <= 1) { yield list; return; }
  for (let i = 0; i < list.length; i++) {
    for (const rest of permutations([...list.slice(0, i), ...list.slice(i + 1)])) yield [list[i], ...rest];
  }
}

/** The definition written out directly, as it was before it became a fold: weights relative to the newest dated observation. */
function reference(list: Observed[]): { stance: StanceLabel; confidence: number; latest: Omit<Observed, 'stance'>; tie: boolean } {
  const day = (d: string | null) => (d ? Date.parse(d) / 86_400_000 : null);
  const dated = list.map((o) => day(o.date)).filter((d): d is number => d !== null);
  const newest = dated.length ? Math.max(...dated) : null;
  const weight = new Map<StanceLabel, number>();
  let total = 0;
  for (const o of list) {
    const d = day(o.date);
    const w = Math.max(o.confidence, 0.01) * 0.5 ** ((newest === null || d === null ? 0 : newest - d) / HALF_LIFE_DAYS);
    weight.set(o.stance, (weight.get(o.stance) ?? 0) + w);
    total += w;
  }
  const ranked = [...weight].sort((a, b) => b[1] - a[1]);
  const [stance, w] = ranked[0];
  const tie = ranked.length > 1 && ranked[0][1] - ranked[1][1] < 1e-6 * total;
  const mine = list.filter((o) => o.stance === stance);
  const { stance: _, ...latest } = [...mine].sort((a, b) => (day(b.date) ?? -Infinity) - (day(a.date) ?? -Infinity) || b.confidence - a.confidence
    || a.articleId.localeCompare(b.articleId) || a.evidenceStart - b.evidenceStart)[0];
  return { stance, confidence: (w / total) * (mine.reduce((n, o) => n + o.confidence, 0) / mine.length), latest, tie };
}

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (s * 1664525 + 1013904223) >>> 0; return s / 2 ** 32; };
}

describe('the current-stance fold', () => {
  const sample = [
    obs('support', 0.7, '2025-03-10', 'a1'),
    obs('oppose', 0.6, '2025-03-10', 'a1', 40),
    obs('oppose', 0.9, '2025-03-02', 'a2'),
    obs('undecided', 0.4, null, 'a3'),
    obs('support', 0.3, '2025-03-20', 'a4'),
    obs('oppose', 0.9, '2025-03-02', 'a0'), // ties a2 on date and confidence: the smaller article id is "latest"
    obs('support', 0.3, '2025-03-20', 'a4', 12), // ties on date, confidence and article: the earlier evidence
  ];

  it('gives the same stance, confidence and evidence whatever the order the observations come in', () => {
    const first = fold(sample)!;
    let n = 0;
    for (const order of permutations(sample)) {
      const got = fold(order)!;
      expect({ ...got, confidence: 0 }).toEqual({ ...first, confidence: 0 });
      expect(Math.abs(got.confidence - first.confidence)).toBeLessThan(1e-12);
      n++;
    }
    expect(n).toBe(5040);
    expect(first).toMatchObject({ stance: 'support', observations: 7, latest: { articleId: 'a4', evidenceStart: 0, date: '2025-03-20' } });
    expect(fold([sample[2], sample[5]])!.latest.articleId).toBe('a0');
    expect(fold([sample[5], sample[2]])!.latest.articleId).toBe('a0');
  });

  it('is the recency- and confidence-weighted definition: the newest dated observation is the anchor, undated ones count as of it', () => {
    const next = random(7);
    const stances: StanceLabel[] = ['support', 'oppose', 'undecided'];
    let compared = 0;
    for (let round = 0; round < 300; round++) {
      const list = Array.from({ length: 1 + Math.floor(next() * 12) }, (_, i) => obs(
        stances[Math.floor(next() * 3)], Math.round(next() * 100) / 100,
        next() < 0.2 ? null : new Date(Date.UTC(2025, 0, 1 + Math.floor(next() * 120))).toISOString().slice(0, 10), `a${Math.floor(next() * 5)}`, i));
      const want = reference(list);
      if (want.tie) continue; // the written-out definition left ties to reading order; the fold's rule is tested below
      compared++;
      const got = fold(list) as Current;
      expect(got.stance, JSON.stringify(list)).toBe(want.stance);
      expect(Math.abs(got.confidence - want.confidence)).toBeLessThan(1e-9);
      expect(got.latest).toEqual(want.latest);
      expect(got.observations).toBe(list.length);
    }
    expect(compared).toBeGreaterThan(250);
  });

  it('breaks an exact tie by a fixed stance order, and keeps observations far apart in time', () => {
    const tie = [obs('oppose', 0.8, '2025-01-05', 'b'), obs('support', 0.8, '2025-01-05', 'a'), obs('undecided', 0.8, '2025-01-05', 'c')];
    for (const order of permutations(tie)) expect(fold(order)!.stance).toBe(STANCE_ORDER[0]);
    expect(fold([obs('oppose', 0.5, '2025-01-05', 'b'), obs('undecided', 0.5, null, 'a')])!.stance).toBe('oppose');
    // Ten years between them: the old weight underflows to (almost) nothing but never to NaN.
    const far = fold([obs('oppose', 1, '2015-01-01', 'old'), obs('support', 0.02, '2025-01-01', 'new')])!;
    expect(far).toMatchObject({ stance: 'support', observations: 2 });
    expect(far.confidence).toBeCloseTo(0.02, 9);
  });

  it('is pure: folding leaves the state it was given as it was', () => {
    const state = [sample[0], sample[2]].reduce(foldObservation, emptyState());
    const before = JSON.stringify(state);
    foldObservation(state, obs('oppose', 0.9, '2025-06-01', 'later'));
    expect(JSON.stringify(state)).toBe(before);
    expect(currentOf(emptyState())).toBeNull();
    expect(JSON.parse(before)).toEqual(state); // the state survives the JSON a position row keeps it in
  });
});
