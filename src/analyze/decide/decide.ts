// Stage: the stance of each party on each proposal, decided by a learned model over the rule readings and the context.
import { asObjectList, objectList, type Doc, type Stance } from '../doc.js';
import type { StanceLabel } from '../record.js';
import type { Stage } from '../stage.js';
import { LinearModel, type LinearModelFile } from './linear-model.js';
import { pairsOf, type Pair } from './pairs.js';
import { foundByPhrase } from '../phrases/phrases.js';
import file from './stance-model.json' with { type: 'json' };

export const STANCE_CLASSES = ['none', 'support', 'oppose', 'undecided'] as const;
/** Below this probability of some stance, a pair gets none (chosen on held-out folds when the model is trained). */
const DEFAULT_MIN_PROBABILITY = 0.5;

let model: LinearModel | null = null;
let minProbability = DEFAULT_MIN_PROBABILITY;
/** The same, for a proposal no trigger word named (found by the phrases stage): it needs surer evidence. */
let minProbabilityPhrase = DEFAULT_MIN_PROBABILITY;
let loaded = false;

/** Replaces the shipped model (training and evaluation on held-out folds use this); null goes back to the rules alone. */
export function useStanceModel(next: LinearModelFile | null): void {
  model = next ? new LinearModel(next) : null;
  minProbability = Number(process.env.SP_T ?? NaN) || (next?.settings?.minProbability ?? DEFAULT_MIN_PROBABILITY);
  minProbabilityPhrase = Number(process.env.SP_TP ?? NaN) || (next?.settings?.minProbabilityPhrase ?? minProbability);
  loaded = true;
}

function current(): LinearModel | null {
  if (!loaded) useStanceModel((file as LinearModelFile).classes.length ? (file as LinearModelFile) : null);
  return model;
}

export const decide: Stage = {
  name: 'decide',
  reads: ['tokens', 'sentences', 'actors', 'quotes', 'proposals', 'stances'],
  adds: ['stances', 'proposals'],
  run(doc: Doc) {
    const m = current();
    if (m) doc.stances = decided(doc, m, pairsOf(doc));
    pruneProposals(doc);
  },
};

/** The stances the model gives the pairs: the likeliest stance where it is likely enough. */
function decided(doc: Doc, m: LinearModel, pairs: Pair[]): Stance[] {
  const out = objectList<Stance>();
  for (const pair of pairs) {
    const p = m.probabilities(pair.features);
    let best = 1;
    for (let c = 2; c < p.length; c++) if (p[c] > p[best]) best = c;
    let label = m.classes[best] as StanceLabel;
    if (p[best] < (foundByPhrase(doc.proposals[pair.proposal]) ? minProbabilityPhrase : minProbability)) {
      if (process.env.SP_UNION !== '1' || !pair.rules.length || p[0] > Number(process.env.SP_NONE ?? 0.95)) continue;
      label = pair.rules[0].stance;
    }
    const rule = pair.rules.find((r) => r.stance === label) ?? pair.rules[0];
    const sentence = pair.sentence === null ? null : doc.sentences[pair.sentence];
    const evidence = rule?.evidence ?? (sentence ? { start: sentence.start, end: sentence.end } : null);
    if (!evidence) continue;
    out.push({
      holder: rule?.holder ?? pair.holder, proposal: pair.proposal, stance: label, condition: rule?.condition ?? null,
      confidence: Math.round(p[best] * 1000) / 1000, date: null, evidence, quote: rule?.quote ?? pair.quote, when: rule?.when ?? null,
    });
  }
  return out;
}

/** Drops the proposals nobody takes a position on and renumbers the stances' proposals. */
export function pruneProposals(doc: Doc): void {
  const used = new Set(doc.stances.map((s) => s.proposal));
  const renumber = new Map<number, number>();
  const kept = doc.proposals.filter((_, i) => {
    if (!used.has(i)) return false;
    renumber.set(i, renumber.size);
    return true;
  });
  doc.proposals = asObjectList(kept);
  const renumbered = objectList<Stance>();
  for (const s of doc.stances) renumbered.push({ ...s, proposal: renumber.get(s.proposal)! });
  doc.stances = renumbered.sort((a, b) => a.proposal - b.proposal || a.evidence.start - b.evidence.start);
}
