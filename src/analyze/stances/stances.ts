// Stage: the position of each holder on each proposal (support, oppose, undecided), with condition and evidence.
import type { Doc, Stance } from '../doc.js';
import type { Stage } from '../stage.js';
import { CUES, NOUN_CUES, type Cue } from './cues.js';
import { stanceContext, type StanceContext } from './context.js';
import { findHolders, isPassive } from './holders.js';
import { polarity } from './negation.js';
import { findTarget } from './targets.js';
import { conditionNear, isConditionCue } from './conditions.js';
import { proposerStances, settle } from './settle.js';

export const stances: Stage = {
  name: 'stances',
  reads: ['tokens', 'sentences', 'actors', 'quotes', 'proposals'],
  adds: ['stances', 'proposals'],
  run(doc: Doc) {
    const ctx = stanceContext(doc);
    const found = [...cueStances(ctx), ...proposerStances(ctx)];
    settle(doc, found);
  },
};

const NOUN_BEFORE = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'my', 'your', "'s", 'this', 'that', 'any', 'no', 'little', 'much', 'more', 'full', 'strong', 'broad', 'clear', 'firm', 'unanimous', 'wide']);

/** Stances read off cue words: "X rejected the plan", "the plan, which X called premature", "X abstained". */
function cueStances(ctx: StanceContext): Stance[] {
  const { doc, words, proposalAt } = ctx;
  const out: Stance[] = [];
  const suppressed = new Uint8Array(words.length);
  for (let i = 0; i < words.length; i++) {
    if (suppressed[i]) continue;
    let m = CUES.matchAt(words, i);
    if (!m) continue;
    let cue: Cue = m.entry;
    if (cue.type === 'verb' && i > 0 && NOUN_BEFORE.has(words[i - 1].norm)) {
      const n = NOUN_CUES.matchAt(words, i);
      if (!n) { i = m.last; continue; }
      m = n;
      cue = n.entry;
    }
    const { first, last } = m;
    i = last;
    if (cue.type !== 'eval' && proposalAt[first] >= 0) continue; // a modifier inside a proposal's name ("the proposed embargo")
    const range = ctx.sentences.get(words[first].sentence)!;
    if (words[range.last].norm === '?') continue;
    const passive = cue.type === 'verb' && isPassive(ctx, first);
    if (passive && isConditionCue(ctx, first)) continue;
    const target = findTarget(ctx, first, last, cue, passive);
    if (!target) continue;
    if (cue.control) for (let k = last + 1; k <= target.word; k++) suppressed[k] = 1;
    const pol = polarity(ctx, first, cue);
    if (cue.negOnly && !pol.negated) continue;
    const label = pol.negated ? cue.negated : cue.label;
    const holders = findHolders(ctx, first, last, cue, target.word);
    if (!holders) continue;
    const proposal = doc.proposals[target.proposal];
    if (cue.proposes && label === 'support' && proposal.proposer === null && holders.actors.length === 1) proposal.proposer = holders.actors[0];
    const confidence = cue.weight
      * (target.via === 'object' ? 1 : target.via === 'before' ? 0.85 : 0.7)
      * (holders.via === 'list' || holders.via === 'possessor' ? 0.9 : 1)
      * (pol.hedged ? 0.8 : 1) * (pol.negated ? 0.9 : 1);
    const evidence = { start: words[range.first].start, end: words[range.last].end };
    for (const holder of holders.actors) {
      out.push({
        holder, proposal: target.proposal, stance: label, condition: conditionNear(ctx, first), confidence,
        date: null, evidence, quote: holders.quote,
      });
    }
  }
  return out;
}
