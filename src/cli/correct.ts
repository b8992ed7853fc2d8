// `standpoint correct STANCE_ID --stance S`: an analyst's label that overrides the machine's and survives re-ingest.
import os from 'node:os';
import { InvalidArgumentError, type Command } from 'commander';
import type { StanceLabel } from '../analyze/record.js';
import { storeCommand, withStore } from './with-store.js';

const STANCES: StanceLabel[] = ['support', 'oppose', 'undecided'];

export function correctCommand(): Command {
  return storeCommand('correct', 'record an analyst\'s stance for a holder on a proposal; the machine\'s label is kept beside it')
    .argument('<stance-id>', 'the STANCE_ID shown by `standpoint stances PROPOSAL_ID`', (v) => {
      if (!/^\d+$/.test(v)) throw new InvalidArgumentError('a STANCE_ID is a whole number');
      return Number(v);
    })
    .requiredOption('--stance <stance>', `the correct stance: ${STANCES.join(', ')}`, (v) => {
      if (!STANCES.includes(v as StanceLabel)) throw new InvalidArgumentError(`one of ${STANCES.join(', ')}`);
      return v;
    })
    .option('--note <text>', 'why: kept with the correction')
    .option('--author <name>', 'who corrects (default: $STANDPOINT_AUTHOR or the login name)')
    .action(async (id: number, opts: { db?: string; json?: boolean; stance: StanceLabel; note?: string; author?: string }) => {
      const author = opts.author ?? process.env.STANDPOINT_AUTHOR ?? os.userInfo().username;
      const c = await withStore(opts.db, (s) => s.addCorrection({ stanceId: id, stance: opts.stance, note: opts.note ?? null, author }));
      if (opts.json) process.stdout.write(`${JSON.stringify(c)}\n`);
      else process.stdout.write(`corrected stance ${c.stanceId}: ${c.holder} on ${c.proposalId} is now ${c.stance} (by ${c.author} at ${c.createdAt})\n`);
    });
}
