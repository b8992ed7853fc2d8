// Which stances of an analysis record the official scorer (../shared/eval/score.mjs) counts right, wrong or neither.
// The scorer is a script, not a module, so its matching is replicated here line for line (proposals matched by the
// largest overlap of a mention with a gold anchor, holders by whom the actor represents); scripts/calibration.mjs
// checks the counts against the scorer's on every run.

const overlap = (a, b) => Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));

function spansOf(text, needle) {
  const out = [];
  if (!needle || !text) return out;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) out.push({ start: i, end: i + needle.length });
  return out;
}

/** The key a stance counts for: whom the actor represents (records without the field: a person's country or organisation). */
export function holderKey(actor) {
  if (!actor) return null;
  if ('represents' in actor) return actor.represents ?? actor.key ?? null;
  if (actor.kind === 'person' || actor.key?.startsWith('person:')) {
    if (actor.country) return `country:${actor.country}`;
    if (actor.organization) return `org:${actor.organization}`;
  }
  return actor.key ?? null;
}

/** Predicted proposal id → the gold key whose anchor one of its mentions overlaps most (the first such, on ties). */
export function proposalKeys(record, gold) {
  const text = record.article?.text ?? '';
  const goldProps = gold.proposals.map((p) => ({ ...p, spans: p.anchors.flatMap((a) => spansOf(text, a)) }));
  const keys = new Map();
  for (const pp of record.proposals ?? []) {
    let best = null;
    let bestOverlap = 0;
    for (const gp of goldProps) {
      for (const m of pp.mentions ?? []) for (const s of gp.spans) {
        const ov = overlap(m, s);
        if (ov > bestOverlap) { bestOverlap = ov; best = gp; }
      }
    }
    if (best) keys.set(pp.id, best.key);
  }
  return keys;
}

/**
 * Each stance of the record with its triple as the scorer writes it and its outcome: 'right' (the scorer's true
 * positive), 'wrong' (its false positive) or 'neither' (an optional stance, or one on an optional proposal). The scorer
 * counts a triple once however many stances give it; each stance is listed here. A gold file without proposals scores
 * no stances: null.
 */
export function stanceOutcomes(record, gold) {
  if (!Array.isArray(gold.proposals)) return null;
  const keys = proposalKeys(record, gold);
  const actors = new Map((record.actors ?? []).map((a) => [a.id, a]));
  const optionalProps = new Set(gold.proposals.filter((p) => p.optional).map((p) => p.key));
  const optionalTriples = new Set(gold.stances.filter((s) => s.optional).map((s) => `${s.holder}|${s.proposal}|${s.stance}`));
  const goldTriples = new Set(gold.stances.filter((s) => !s.optional && !optionalProps.has(s.proposal)).map((s) => `${s.holder}|${s.proposal}|${s.stance}`));
  return (record.stances ?? []).map((stance) => {
    const key = keys.get(stance.proposal);
    const holder = holderKey(actors.get(stance.holder));
    const triple = key && holder ? `${holder}|${key}|${stance.stance}` : `?|${stance.holder}|${stance.proposal}|${stance.stance}`;
    let outcome = 'wrong';
    if (goldTriples.has(triple)) outcome = 'right';
    else if (optionalTriples.has(triple) || optionalProps.has(triple.split('|')[1])) outcome = 'neither';
    return { stance, triple, outcome };
  });
}
