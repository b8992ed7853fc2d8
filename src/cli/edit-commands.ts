// `standpoint stance add`, `proposal merge|split|rename`, `undo EDIT_ID` and `edits`: the analyst's editing commands and the audit log.
import { Command, InvalidArgumentError } from 'commander';
import { addStance, mergeProposals, renameProposal, splitProposal, undoEdit } from '../aggregate/edit-actions.js';
import { ANALYST_STANCES } from '../aggregate/edit-state.js';
import { authorOf, describeResult, idArg, printEdit, whoOptions } from './correct.js';
import { clip, table } from './report.js';
import { storeCommand, withStore } from './with-store.js';

const whole = (v: string) => {
  if (!/^\d{1,9}$/.test(v)) throw new InvalidArgumentError('a whole number');
  return Number(v);
};

const who = (opts: { author?: string; note?: string }) => ({ author: authorOf(opts), note: opts.note ?? null });

export function stanceCommand(): Command {
  const add = whoOptions(storeCommand('add', 'add a stance the machine missed, with its evidence (an article and a span or quoted text, or quoted text alone)')
    .requiredOption('--proposal <id>', 'the proposal')
    .requiredOption('--holder <key>', 'who holds the stance (country:ISO3, org:KEY, person:slug)')
    .requiredOption('--stance <stance>', ANALYST_STANCES.join(', '))
    .option('--article <id>', 'the article the evidence is in')
    .option('--start <n>', 'the evidence span\'s first character in the article (UTF-16 offset)', whole)
    .option('--end <n>', 'the evidence span\'s end (exclusive)', whole)
    .option('--text <quote>', 'the evidence as quoted text (found in --article when given)')
    .option('--date <YYYY-MM-DD>', 'the stance\'s date (default: the article\'s)'))
    .action(async (opts: { db?: string; json?: boolean; proposal: string; holder: string; stance: string; article?: string; start?: number; end?: number; text?: string; date?: string; note?: string; author?: string }) => {
      const r = await withStore(opts.db, (s) => addStance(s, {
        proposalId: opts.proposal, holder: opts.holder, stance: opts.stance, articleId: opts.article ?? null, start: opts.start ?? null, end: opts.end ?? null,
        text: opts.text ?? null, date: opts.date ?? null,
      }, who(opts)));
      printEdit(opts.json, r, describeResult(r));
    });
  return new Command('stance').description('edit stances: `stance add` (see also `correct STANCE_ID`)').addCommand(add);
}

export function proposalCommand(): Command {
  const merge = whoOptions(storeCommand('merge', 'merge the second proposal into the first: one entry with both\'s stances, kept for later articles of either')
    .argument('<id>', 'the proposal that stays')
    .argument('<other>', 'the proposal merged into it'))
    .action(async (into: string, from: string, opts: { db?: string; json?: boolean; note?: string; author?: string }) => {
      const r = await withStore(opts.db, (s) => mergeProposals(s, { into, from }, who(opts)));
      printEdit(opts.json, r, `edit ${r.edit.id}: ${from} merged into ${r.proposal.id} "${r.proposal.summary}" (${r.proposal.articles} article(s)); undo with \`standpoint undo ${r.edit.id}\``);
    });
  const split = whoOptions(storeCommand('split', 'split observations off a proposal into a new one (their ids: `standpoint stances ID --history`)')
    .argument('<id>', 'the proposal')
    .requiredOption('--observations <ids>', 'observation ids, comma-separated', (v) => v.split(',').map((x) => idArg('an observation id')(x.trim())))
    .option('--name <name>', 'the new proposal\'s name (default: the old name, marked as split)'))
    .action(async (id: string, opts: { db?: string; json?: boolean; observations: number[]; name?: string; note?: string; author?: string }) => {
      const r = await withStore(opts.db, (s) => splitProposal(s, { proposalId: id, observations: opts.observations, name: opts.name }, who(opts)));
      printEdit(opts.json, r, `edit ${r.edit.id}: ${opts.observations.length} observation(s) split off ${id} into ${r.proposal.id} "${r.proposal.summary}"; undo with \`standpoint undo ${r.edit.id}\``);
    });
  const rename = whoOptions(storeCommand('rename', 'rename a proposal (the machine\'s name is kept beside it)')
    .argument('<id>', 'the proposal')
    .argument('<name>', 'its new name'))
    .action(async (id: string, name: string, opts: { db?: string; json?: boolean; note?: string; author?: string }) => {
      const r = await withStore(opts.db, (s) => renameProposal(s, { proposalId: id, name }, who(opts)));
      printEdit(opts.json, r, `edit ${r.edit.id}: ${r.proposal.id} is now "${r.proposal.summary}" (machine: "${r.proposal.machineSummary ?? ''}"); undo with \`standpoint undo ${r.edit.id}\``);
    });
  return new Command('proposal').description('edit proposals: merge, split, rename').addCommand(merge).addCommand(split).addCommand(rename);
}

export function undoCommand(): Command {
  return whoOptions(storeCommand('undo', 'revert one edit (the undo is audited too)')
    .argument('<edit-id>', 'the EDIT_ID shown by `standpoint edits`', idArg('an EDIT_ID')))
    .action(async (id: number, opts: { db?: string; json?: boolean; note?: string; author?: string }) => {
      const e = await withStore(opts.db, (s) => undoEdit(s, { editId: id }, who(opts)));
      printEdit(opts.json, e, `edit ${e.id}: undid edit ${id} (by ${e.author} at ${e.createdAt})`);
    });
}

export function editsCommand(): Command {
  return storeCommand('edits', 'the audit log: every analyst edit, oldest first, with author, time, note, and whether it was undone')
    .option('--since <date>', 'only edits made on or after this date (YYYY-MM-DD or an ISO time)')
    .action(async (opts: { db?: string; json?: boolean; since?: string }) => {
      const list = await withStore(opts.db, (s) => s.edits(opts.since ? { since: opts.since } : {}));
      if (opts.json) { process.stdout.write(`${JSON.stringify(list, null, 2)}\n`); return; }
      if (!list.length) { process.stdout.write('No edits yet.\n'); return; }
      const rows = list.map((e) => [String(e.id), e.createdAt.slice(0, 19).replace('T', ' '), e.author, e.action, e.target, clip(JSON.stringify(e.after) ?? '', 70),
        e.undoneBy === null ? '' : `undone by ${e.undoneBy}`, clip(e.note ?? '', 40)]);
      process.stdout.write(`${table([['EDIT_ID', 'WHEN', 'AUTHOR', 'ACTION', 'TARGET', 'AFTER', 'STATE', 'NOTE'], ...rows]).join('\n')}\n`);
    });
}
