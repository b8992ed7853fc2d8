// Stage: which proposals the article reports positions on, and the stance of each party on each of them, decided by
// two learned models over the rule readings and the context.
import { asObjectList, objectList, type Doc, type Proposal, type Stance } from '../doc.js';
import { clauseOf } from '../proposals/clauses.js';
import type { StanceLabel } from '../record.js';
import type { Stage } from '../stage.js';
import { calibratedConfidence, type ConfidenceKind } from './calibration.js';
import { LinearModel, type LinearModelFile } from './linear-model.js';
import { pairsOf, type Pair } from './pairs.js';
import { proposalFeatures } from './proposal-features.js';
import { foundByPhrase } from '../phrases/phrases.js';
import stanceFile from './stance-model.json' with { type: 'json' };
import proposalFile from './proposal-model.json' with { type: 'json' };

export const STANCE_CLASSES = ['none', 'support', 'oppose', 'undecided'] as const;
export const PROPOSAL_CLASSES = ['other', 'proposal'] as const;

/**
 * The thresholds of the decisions. A stance the rules did not read, or one on a proposal only the phrase model found,
 * is given when the model finds it more likely right than wrong, and only on a proposal more likely than not to be
 * one the article reports positions on: precision first, since every stance is shown to analysts as a finding. On a
 * proposal the model is sure of (0.7), a trigger word named, the bar is lower (0.3): there the stances the rules
 * miss are most often real ones. (Leave-one-story-out, all sets: stances F1 0.388 with one bar at 0.5, 0.412 with
 * every bar at 0.3 but proposals' precision falling from 0.83 to 0.73; `npm run train` prints the thresholds with the
 * best pair-level F1 too, about 0.2, which give more wrong stances than analysts should sift.)
 */
export const SETTINGS: DecisionSettings = { minProbability: 0.5, minProbabilityPhrase: 0.5, minProposal: 0.5, sureProposal: 0.7, minProbabilitySure: 0.3 };

export interface DecisionSettings {
  /** Below this probability of its likeliest stance, a pair gets none. */
  minProbability: number;
  /** The same, on a proposal no trigger word named (found by the phrases stage). */
  minProbabilityPhrase: number;
  /** Below this probability of being a proposal the article reports positions on, a proposal gets no stance. */
  minProposal: number;
  /** From this probability of being such a proposal (one a trigger word named), the bar is minProbabilitySure. */
  sureProposal: number;
  minProbabilitySure: number;
}

/** A reading of the rules stays unless the model is at least this sure the pair takes no position. */
export const RULE_OVERRULED_AT = 0.95;

interface Models { stance: LinearModel | null; proposal: LinearModel | null; settings: DecisionSettings }
let models: Models | null = null;

const usable = (f: LinearModelFile | null): f is LinearModelFile => f !== null && f.classes.length > 0;

/**
 * Replaces the shipped models (training and held-out evaluation use this). A null stance model leaves the rules'
 * readings as they are; a null proposal model lets every proposal take stances.
 */
export function useDecisionModels(stance: LinearModelFile | null, proposal: LinearModelFile | null): void {
  const s = stance?.settings ?? {};
  models = {
    stance: usable(stance) ? new LinearModel(stance) : null,
    proposal: usable(proposal) ? new LinearModel(proposal) : null,
    settings: {
      minProbability: s.minProbability ?? SETTINGS.minProbability,
      minProbabilityPhrase: s.minProbabilityPhrase ?? SETTINGS.minProbabilityPhrase,
      minProposal: s.minProposal ?? SETTINGS.minProposal,
      sureProposal: s.sureProposal ?? SETTINGS.sureProposal,
      minProbabilitySure: s.minProbabilitySure ?? SETTINGS.minProbabilitySure,
    },
  };
}

function current(): Models {
  if (!models) useDecisionModels(stanceFile as LinearModelFile, proposalFile as LinearModelFile);
  return models!;
}

export const decide: Stage = {
  name: 'decide',
  reads: ['tokens', 'sentences', 'actors', 'quotes', 'proposals', 'stances'],
  adds: ['stances', 'proposals'],
  run(doc: Doc) {
    const m = current();
    if (m.stance) {
      const probabilities = proposalProbabilities(doc, m.proposal);
      doc.stances = decided(doc, m.stance, m.settings, pairsOf(doc, probabilities), probabilities);
    }
    pruneProposals(doc);
  },
};

/** Each proposal's probability of being one the article reports positions on; null without a proposal model. */
export function proposalProbabilities(doc: Doc, model: LinearModel | null): number[] | null {
  return model ? proposalFeatures(doc).map((f) => model.probabilities(f)[1]) : null;
}

/**
 * Whether the model alone decides the stances on a proposal, the rules' readings only among its inputs: one the phrase
 * model found, or a verb phrase (its readings come from the governing word alone, "agreed to", not from a cue).
 */
export const modelDecides = (p: Proposal): boolean => foundByPhrase(p) || clauseOf(p) !== null;

/** The likeliest stance of a pair and its probability, or class 0 (none) when it is below the threshold. */
export function decision(p: Float64Array, minProbability: number): [number, number] {
  let best = 1;
  for (let c = 2; c < p.length; c++) if (p[c] > p[best]) best = c;
  return p[best] >= minProbability ? [best, p[best]] : [0, p[0]];
}

/** A pair's stance (index into the classes), the raw probability its confidence is mapped from, and which kind that is. */
export interface GivenStance { label: number; raw: number; kind: ConfidenceKind }

/**
 * The stance a pair gets from its probabilities, or null for none. The thresholds act on the raw probabilities; only
 * the confidence shown is calibrated. `ruleClass` is the class of the rules' first reading (null: none), `phrase`
 * whether only the phrase model found the proposal, `proposal` its probability of being one the article reports
 * positions on (null: no proposal model).
 */
export function givenStance(p: Float64Array, ruleClass: number | null, phrase: boolean, proposal: number | null, settings: DecisionSettings): GivenStance | null {
  if (ruleClass !== null && !phrase) {
    // A reading of the rules on a proposal a trigger word named stands unless the model is sure there is none.
    if (p[0] >= RULE_OVERRULED_AT) return null;
    return { label: ruleClass, raw: 1 - p[0], kind: 'rule' }; // the model's probability that the pair takes a position
  }
  // Elsewhere (no reading of the rules, or a proposal only the phrase model found) the model decides alone.
  if (proposal !== null && proposal < settings.minProposal) return null;
  const threshold = phrase ? settings.minProbabilityPhrase
    : proposal !== null && proposal >= settings.sureProposal ? settings.minProbabilitySure : settings.minProbability;
  const [c, probability] = decision(p, threshold);
  return c === 0 ? null : { label: c, raw: probability, kind: 'model' };
}

/** The stances the model gives the pairs, and the rules' readings it does not overrule. */
function decided(doc: Doc, m: LinearModel, settings: DecisionSettings, pairs: Pair[], proposals: number[] | null): Stance[] {
  const out = objectList<Stance>();
  for (const pair of pairs) {
    const ruleClass = pair.rules.length ? m.classes.indexOf(pair.rules[0].stance) : null;
    const phrase = modelDecides(doc.proposals[pair.proposal]);
    const given = givenStance(m.probabilities(pair.features), ruleClass, phrase, proposals ? proposals[pair.proposal] : null, settings);
    if (!given) continue;
    const label = m.classes[given.label] as StanceLabel;
    const confidence = calibratedConfidence(given.kind, given.raw);
    const rule = pair.rules.find((r) => r.stance === label) ?? pair.rules[0];
    const sentence = pair.sentence === null ? null : doc.sentences[pair.sentence];
    const evidence = rule?.evidence ?? (sentence ? { start: sentence.start, end: sentence.end } : null);
    if (!evidence) continue;
    out.push({
      holder: rule?.holder ?? pair.holder, proposal: pair.proposal, stance: label, condition: rule?.condition ?? null,
      confidence: Math.round(confidence * 1000) / 1000, date: null, evidence, quote: rule?.quote ?? pair.quote, when: rule?.when ?? null,
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
