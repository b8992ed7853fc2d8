// A stored proposal's outlook: its holders' current stances before the body it names (or another) on a date; used by the CLI and the API.
import { editState, positionsOf, viewProposal, type Position } from '../aggregate/positions.js';
import type { ProposalRow, Store } from '../store/store.js';
import { bodyOfProposal, type BodyName } from './body-name.js';
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
}

const today = () => new Date().toISOString().slice(0, 10);

/** The outlook from positions already read; fails with `no-body` when neither the proposal nor the options name a body. */
export function outlookOfPositions(
  proposal: Pick<ProposalRow, 'id' | 'body' | 'proposer' | 'lastSeen'>, positions: Array<Pick<Position, 'holder' | 'stance' | 'condition'>>, options: ProposalOutlookOptions = {},
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

/** A stored proposal's outlook, or null when there is no proposal with that id. */
export async function proposalOutlook(store: Store, id: string, options: ProposalOutlookOptions = {}): Promise<(ProposalOutlook & { proposal: ProposalRow }) | null> {
  const state = await editState(store);
  const proposal = await viewProposal(store, id, state);
  if (!proposal) return null;
  return { proposal, ...outlookOfPositions(proposal, await positionsOf(store, [proposal.id], state), options) };
}
