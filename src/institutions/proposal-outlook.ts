// A stored proposal's outlook: its holders' current stances before the body it names (or another) on a date; used by the CLI and the API.
import { decisionsOf, type StoredDecision } from '../aggregate/decisions.js';
import { editState, positionsOf, viewProposal, type Position } from '../aggregate/positions.js';
import type { ProposalRow, Store } from '../store/store.js';
import { bodyOfProposal, type BodyName } from './body-name.js';
import type { OutlookStance } from './holder-key.js';
import { outlook, type Outlook } from './outlook.js';
import { OutlookError } from './outlook-error.js';

export interface ProposalOutlookOptions {
  /** The body and rule instead of the proposal's own. */
  body?: BodyName;
  /** The date whose membership counts; default the proposal's last report, else today. */
  at?: string;
  /** Stances set by hand (what-if), by holder key. */
  overrides?: Record<string, string>;
}

export interface ProposalOutlook {
  outlook: Outlook;
  /** Conditions attached to current stances, by holder key. */
  conditions: Record<string, string>;
  /** The latest reported vote that decided it (adopted or failed, when, by what vote), or null when none is reported. */
  decided?: StoredDecision | null;
}

const today = () => new Date().toISOString().slice(0, 10);

/** The outlook from positions already read; fails with `no-body` when neither the proposal nor the options name a body. */
export function outlookOfPositions(
  proposal: Pick<ProposalRow, 'id' | 'body' | 'proposer' | 'lastSeen'>, positions: Array<{ holder: string; stance: OutlookStance; condition: string | null }>, options: ProposalOutlookOptions = {},
): ProposalOutlook {
  const body = options.body ?? bodyOfProposal(proposal.body);
  if (!body) throw new OutlookError('no-body', `proposal ${proposal.id} names no deciding body this command knows (${proposal.body ?? 'none found'})`);
  const conditions: Record<string, string> = {};
  for (const p of positions) if (p.condition) conditions[p.holder] = p.condition;
  const result = outlook({
    body, date: options.at ?? proposal.lastSeen?.slice(0, 10) ?? today(),
    stances: positions.map((p) => ({ holder: p.holder, stance: p.stance })), overrides: options.overrides ?? {}, proposer: proposal.proposer,
  });
  return { outlook: result, conditions };
}

/**
 * Positions as a reported vote leaves them: a member the vote names as abstaining abstained (its stance reads
 * undecided); the members the count settles, though no article names them, stand where the vote put them.
 */
export function withDecision(
  positions: ReadonlyArray<{ holder: string; stance: OutlookStance; condition: string | null }>, decided: StoredDecision | null,
): Array<{ holder: string; stance: OutlookStance; condition: string | null }> {
  const out = positions.map((p) => ({ holder: p.holder, stance: p.stance, condition: p.condition }));
  if (!decided) return out;
  const abstained = new Set(decided.abstaining);
  for (const p of out) if (p.stance === 'undecided' && abstained.has(p.holder)) p.stance = 'abstain';
  const named = new Set(out.map((p) => p.holder));
  for (const v of decided.inferred) if (!named.has(v.holder)) out.push({ holder: v.holder, stance: v.stance, condition: null });
  return out;
}

/** A stored proposal's outlook, or null when there is no proposal with that id. */
export async function proposalOutlook(store: Store, id: string, options: ProposalOutlookOptions = {}): Promise<(ProposalOutlook & { proposal: ProposalRow }) | null> {
  const state = await editState(store);
  const proposal = await viewProposal(store, id, state);
  if (!proposal) return null;
  const [decided] = await decisionsOf(store, proposal.id);
  const positions = withDecision(await positionsOf(store, [proposal.id], state), decided ?? null);
  return { proposal, ...outlookOfPositions(proposal, positions, options), decided: decided ?? null };
}
