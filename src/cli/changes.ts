// `standpoint changes --since DATE`: new proposals, stances changed by new articles, and the analysts' edits (who changed what).
import type { Command } from 'commander';
import { changesSince } from '../aggregate/changes.js';
import { clip, table } from './report.js';
import { storeCommand, withStore } from './with-store.js';

export function changesCommand(): Command {
  return storeCommand('changes', 'what changed since a date: new proposals, stances that new articles changed, and analysts\' edits with who made them')
    .requiredOption('--since <date>', 'YYYY-MM-DD (midnight UTC) or an ISO time; counts when the store learned it, not the report date')
    .action(async (opts: { db?: string; json?: boolean; since: string }) => {
      const c = await withStore(opts.db, (s) => changesSince(s, opts.since));
      if (opts.json) { process.stdout.write(`${JSON.stringify(c, null, 2)}\n`); return; }
      const out = [`Changes since ${c.since}`];
      out.push('', `New proposals (${c.newProposals.length})`);
      if (c.newProposals.length) out.push(...table([['ID', 'PROPOSAL', 'PROPOSER', 'BODY'], ...c.newProposals.map((p) => [p.id, clip(p.summary, 60), p.proposer ?? '', p.body ?? ''])]));
      out.push('', `Stances changed by new articles (${c.stances.length})`);
      if (c.stances.length) {
        out.push(...table([['PROPOSAL', 'HOLDER', 'WAS', 'NOW', 'SHOWN', 'BY'], ...c.stances.map((s) => [clip(s.proposal, 40), s.name, s.before ?? 'none', s.after ?? 'none', s.shown ?? 'hidden',
          clip(s.articles.map((a) => `${a.source ?? ''} ${a.title ?? a.id}`.trim()).join('; '), 60)])]));
      }
      out.push('', `Analysts' edits (${c.edits.length})`);
      for (const e of c.edits) out.push(`  ${e.edit.createdAt.slice(0, 16).replace('T', ' ')}  edit ${e.edit.id}: ${e.text}${e.edit.note ? ` — ${e.edit.note}` : ''}${e.edit.undoneBy ? ` (undone by ${e.edit.undoneBy})` : ''}`);
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
