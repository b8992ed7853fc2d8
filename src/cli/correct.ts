// `standpoint correct STANCE_ID …`: set a stance (abstain included), delete it, or reassign it to another holder or proposal; audited and undoable.
import os from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import { deleteStance, reassignStance, setStance, type EditResult } from '../aggregate/edit-actions.js';
import { ANALYST_STANCES } from '../aggregate/edit-state.js';
import { EXIT_USAGE } from './exit-codes.js';
import { storeCommand, withStore } from './with-store.js';

/** A positive whole number argument (STANCE_ID, EDIT_ID, observation id). */
export const idArg = (what: string) => (v: string) => {
  if (!/^[1-9]\d{0,15}$/.test(v)) throw new InvalidArgumentError(`${what} is a positive whole number`);
  return Number(v);
};

/** Who edits: --author, else $STANDPOINT_AUTHOR, else the login name. */
export const authorOf = (opts: { author?: string }) => opts.author ?? process.env.STANDPOINT_AUTHOR ?? os.userInfo().username;

/** Adds --note and --author to an editing command. */
export const whoOptions = (c: Command) => c
  .option('--note <text>', 'why: kept with the edit')
  .option('--author <name>', 'who edits (default: $STANDPOINT_AUTHOR or the login name)');

/** Prints an edit: JSON, or one line. */
export function printEdit(json: boolean | undefined, out: unknown, line: string): void {
  process.stdout.write(json ? `${JSON.stringify(out)}\n` : `${line}\n`);
}

export function describeResult(r: EditResult): string {
  const s = r.stance;
  const what = s ? `${s.holder} on ${s.proposal} is now ${s.stance} (machine: ${s.machineStance ?? 'none'}; STANCE_ID ${s.id})` : 'the stance no longer shows';
  return `edit ${r.edit.id} (${r.edit.action} by ${r.edit.author} at ${r.edit.createdAt}): ${what}; undo with \`standpoint undo ${r.edit.id}\``;
}

interface CorrectOptions { db?: string; json?: boolean; stance?: string; delete?: boolean; holder?: string; proposal?: string; of?: string; note?: string; author?: string }

export function correctCommand(): Command {
  return whoOptions(storeCommand('correct', 'edit one stance: set it (support, oppose, undecided, abstain), delete it, or reassign it to another holder or proposal; audited and undoable')
    .argument('<stance-id>', 'the STANCE_ID shown by `standpoint stances PROPOSAL_ID`', idArg('a STANCE_ID'))
    .option('--stance <stance>', `set the stance: ${ANALYST_STANCES.join(', ')} (abstain counts as undecided where only three labels exist)`, (v) => {
      if (!(ANALYST_STANCES as readonly string[]).includes(v)) throw new InvalidArgumentError(`one of ${ANALYST_STANCES.join(', ')}`);
      return v;
    })
    .option('--delete', 'delete a wrong stance (it no longer shows or counts; undo brings it back)')
    .option('--holder <key>', 'reassign the stance to this holder (country:ISO3, org:KEY, person:slug)')
    .option('--proposal <id>', 'reassign the stance to this proposal')
    .option('--of <key>', 'check first that the stance is this holder\'s: a mistyped STANCE_ID then fails instead of editing another holder'))
    .action(async (id: number, opts: CorrectOptions) => {
      const who = { author: authorOf(opts), note: opts.note ?? null };
      const actions = [opts.stance !== undefined, !!opts.delete, !!(opts.holder || opts.proposal)].filter(Boolean).length;
      if (actions !== 1) {
        process.stderr.write('standpoint correct: give exactly one of --stance S, --delete, or --holder KEY / --proposal ID (reassign)\n');
        process.exitCode = EXIT_USAGE;
        return;
      }
      const r = await withStore(opts.db, (s) => opts.stance !== undefined
        ? setStance(s, { stanceId: id, stance: opts.stance, expectHolder: opts.of }, who)
        : opts.delete ? deleteStance(s, { stanceId: id, expectHolder: opts.of }, who)
          : reassignStance(s, { stanceId: id, holder: opts.holder, proposalId: opts.proposal, expectHolder: opts.of }, who));
      printEdit(opts.json, r, describeResult(r));
    });
}
