// The analyst's edits folded into one state (pure): which proposals were merged, split off or renamed, and each stance set, added, deleted or moved.
import type { StanceLabel } from '../analyze/record.js';
import type { EditRow } from '../store/store.js';

/** A stance as an analyst may set it: the record's three labels and `abstain` (counted as undecided where only three exist). */
export type AnalystStance = StanceLabel | 'abstain';
export const ANALYST_STANCES: readonly AnalystStance[] = ['support', 'oppose', 'undecided', 'abstain'];

/** The record's three labels: `abstain` counts as undecided. */
export const threeLabel = (s: AnalystStance): StanceLabel => (s === 'abstain' ? 'undecided' : s);

/** A position's key: a proposal and a holder. */
export interface StanceKey { proposalId: string; holder: string }
export const pairKey = (proposalId: string, holder: string) => `${proposalId}\u0000${holder}`;

/** What the `after` of each action holds. */
export interface SetStanceAfter extends StanceKey { stance: AnalystStance }
export interface AddStanceAfter extends StanceKey {
  stance: AnalystStance;
  articleId: string | null;
  start: number | null;
  end: number | null;
  evidence: string;
  date: string | null;
}
export interface MergeAfter { into: string; from: string }
export interface SplitAfter { from: string; proposal: string; name: string; observations: number[] }
export interface RenameAfter { name: string }

/** The analyst's own stance on a position: the last `set-stance` or `add-stance` that holds. */
export interface AnalystEntry {
  stance: AnalystStance;
  edit: EditRow;
  /** The evidence an `add-stance` gave (the last one). */
  added: AddStanceAfter | null;
}

export class EditState {
  /** Merged-away proposal → the one it was merged into (one step; `resolve` follows the chain). */
  readonly mergedInto = new Map<string, string>();
  /** Observation id → the proposal a split moved it to. */
  readonly splitTo = new Map<number, string>();
  /** Proposals an active split created, and the split edits. */
  readonly created = new Map<string, EditRow>();
  /** Proposals an undone split created: not shown. */
  readonly hidden = new Set<string>();
  /** Position key (proposals resolved) → the key a reassignment moved it to. */
  readonly reassigned = new Map<string, StanceKey>();
  readonly deleted = new Map<string, EditRow>();
  readonly analyst = new Map<string, AnalystEntry>();
  readonly renamed = new Map<string, { name: string; edit: EditRow }>();
  /** Proposals whose positions are worked out from observations (merged, split, reassigned to or from). */
  readonly touched = new Set<string>();
  /** The edits that hold (not undone, not undos), oldest first. */
  readonly active: EditRow[];

  constructor(readonly edits: EditRow[]) {
    this.active = edits.filter((e) => e.action !== 'undo' && e.undoneBy === null).sort((a, b) => a.id - b.id);
    for (const e of edits) {
      if (e.action === 'split-proposal' && e.undoneBy !== null) this.hidden.add((e.after as SplitAfter).proposal);
    }
    for (const e of this.active) {
      if (e.action === 'merge-proposals') { const m = e.after as MergeAfter; this.mergedInto.set(m.from, m.into); }
      if (e.action === 'split-proposal') {
        const s = e.after as SplitAfter;
        this.created.set(s.proposal, e);
        for (const id of s.observations) this.splitTo.set(id, s.proposal);
      }
    }
    // Position edits, keyed by their proposals as merged now (a later merge carries them along).
    const key = (k: StanceKey) => pairKey(this.resolve(k.proposalId), k.holder);
    for (const e of this.active) {
      switch (e.action) {
        case 'set-stance':
        case 'add-stance': {
          const a = e.after as SetStanceAfter;
          const k = key(a);
          this.deleted.delete(k);
          const before = this.analyst.get(k);
          this.analyst.set(k, { stance: a.stance, edit: e, added: e.action === 'add-stance' ? (e.after as AddStanceAfter) : before?.added ?? null });
          break;
        }
        case 'delete-stance': {
          const k = key(e.after as StanceKey);
          this.analyst.delete(k);
          this.deleted.set(k, e);
          break;
        }
        case 'reassign-stance': {
          const from = e.before as StanceKey;
          const to = e.after as StanceKey;
          this.reassigned.set(key(from), { proposalId: this.resolve(to.proposalId), holder: to.holder });
          this.touched.add(this.resolve(from.proposalId));
          this.touched.add(this.resolve(to.proposalId));
          break;
        }
        case 'merge-proposals': {
          const m = e.after as MergeAfter;
          this.touched.add(this.resolve(m.into));
          break;
        }
        case 'split-proposal': {
          const s = e.after as SplitAfter;
          this.touched.add(this.resolve(s.from));
          this.touched.add(this.resolve(s.proposal));
          break;
        }
        case 'rename-proposal':
          this.renamed.set(this.resolve(e.target), { name: (e.after as RenameAfter).name, edit: e });
          break;
        default:
          break;
      }
    }
  }

  /** The proposal a stored proposal is shown as: itself, or the one it was merged into. */
  resolve(id: string): string {
    let out = id;
    for (let i = 0; i < 50 && this.mergedInto.has(out); i++) out = this.mergedInto.get(out)!;
    return out;
  }

  /** True when a stored proposal is not shown on its own (merged into another, or created by an undone split). */
  isHidden(id: string): boolean { return this.mergedInto.has(id) || (this.hidden.has(id) && !this.created.has(id)); }

  /** The position a stored (proposal, holder) counts for, reassignments followed; `observationId` for a split's moves. */
  effective(proposalId: string, holder: string, observationId?: number): StanceKey {
    let p = this.resolve((observationId !== undefined ? this.splitTo.get(observationId) : undefined) ?? proposalId);
    let h = holder;
    for (let i = 0; i < 20; i++) {
      const to = this.reassigned.get(pairKey(p, h));
      if (!to) break;
      p = this.resolve(to.proposalId);
      h = to.holder;
    }
    return { proposalId: p, holder: h };
  }

  /** The stored proposals whose observations may count for `id`: those merged into it, split sources, reassignment sources. */
  sourcesOf(id: string, allMerged: Iterable<string> = this.mergedInto.keys()): Set<string> {
    const out = new Set<string>([id]);
    for (let round = 0; round < 5; round++) {
      const size = out.size;
      for (const m of allMerged) if (out.has(this.resolve(m))) out.add(m);
      for (const [p, e] of this.created) if (out.has(this.resolve(p))) out.add((e.after as SplitAfter).from);
      for (const [k, to] of this.reassigned) if (out.has(this.resolve(to.proposalId))) out.add(k.split('\u0000')[0]);
      if (out.size === size) break;
    }
    return out;
  }
}
