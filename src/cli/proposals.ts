// `standpoint proposals` and `standpoint stances PROPOSAL_ID`: the proposals on the table and who stands where.
import { Command } from 'commander';
import { proposalHistory } from '../aggregate/editorial-view.js';
import { threeLabel } from '../aggregate/edit-state.js';
import { editState, positionsOf, proposalSummaries, viewProposal } from '../aggregate/positions.js';
import { EXIT_FAILURE } from './exit-codes.js';
import { clip, table } from './report.js';
import { storeCommand, withStore } from './with-store.js';

const intArg = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a whole number: ${v}`);
  return n;
};

export function proposalsCommand(): Command {
  return storeCommand('proposals', 'list proposals, most recent activity first, with each holder\'s current stance')
    .option('--search <text>', 'only proposals whose summary or key contains this text')
    .option('--limit <n>', 'at most this many proposals', intArg, 100)
    .option('--offset <n>', 'skip this many proposals', intArg, 0)
    .action(async (opts: { db?: string; json?: boolean; search?: string; limit: number; offset: number }) => {
      const [list, stored] = await withStore(opts.db, async (s) => {
        const found = await proposalSummaries(s, { q: opts.search, limit: opts.limit, offset: opts.offset });
        return [found, found.length ? found.length : (await s.counts()).proposals] as const;
      });
      if (opts.json) { process.stdout.write(`${JSON.stringify(list, null, 2)}\n`); return; }
      if (!list.length) {
        // "Nothing stored" only when nothing is: a search or an offset past the end says so instead.
        process.stdout.write(!stored ? 'No proposals stored yet: run `standpoint ingest PATH...` first.\n'
          : opts.search ? `No proposal matches "${opts.search}" (${stored} stored; \`standpoint search\` also looks in quotes and articles).\n`
            : `No proposals past --offset ${opts.offset} (${stored} stored).\n`);
        return;
      }
      const out: string[] = [];
      for (const p of list) {
        // Abstentions count as undecided among the record's three labels (and are named apart).
        const count = (st: string) => p.stances.filter((s) => threeLabel(s.stance) === st).length;
        const abstain = p.stances.filter((s) => s.stance === 'abstain').length;
        out.push(`${p.id}  ${p.summary}`);
        out.push(`  proposer ${p.proposer ?? 'unknown'} · body ${p.body ?? 'unknown'} · ${p.articles} article(s) · ${p.firstSeen ?? '?'} → ${p.lastSeen ?? '?'} · support ${count('support')} / oppose ${count('oppose')} / undecided ${count('undecided')}${abstain ? ` (${abstain} abstain)` : ''}`);
        out.push('');
      }
      process.stdout.write(out.join('\n'));
    });
}

export function stancesCommand(): Command {
  return storeCommand('stances', 'the holders of one proposal and their current stances (or every observation with --history)')
    .argument('<proposal-id>', 'a proposal id from `standpoint proposals`')
    .option('--history', 'every dated observation, oldest first, instead of the current stances')
    .action(async (id: string, opts: { db?: string; json?: boolean; history?: boolean }) => {
      await withStore(opts.db, async (store) => {
        const state = await editState(store);
        const proposal = await viewProposal(store, id, state);
        if (!proposal) {
          process.stderr.write(`standpoint stances: no proposal with id ${id}\n`);
          process.exitCode = EXIT_FAILURE;
          return;
        }
        if (opts.history) {
          const { history: obs, analyst } = await proposalHistory(store, proposal.id, state);
          if (opts.json) { process.stdout.write(`${JSON.stringify({ proposal, observations: obs, analyst }, null, 2)}\n`); return; }
          process.stdout.write(`${proposal.id}  ${proposal.summary}\n`);
          const rows = [
            ...obs.map((o) => [String(o.id), o.date ?? '?', o.holder, o.actor === o.holder ? '' : o.actor, `${o.stance} (machine)${o.deleted ? ' deleted' : ''}`, o.confidence.toFixed(2), `“${clip(o.evidence, 90)}”`]),
            ...analyst.map((a) => [`edit ${a.editId}`, a.date, a.holder, '', `${a.stance} (analyst ${a.author})`, '', a.evidence ? `“${clip(a.evidence, 90)}”` : a.note ?? '']),
          ];
          process.stdout.write(`${table([['OBS_ID', 'DATE', 'HOLDER', 'SAID BY', 'STANCE', 'CONF', 'EVIDENCE'], ...rows]).join('\n')}\n`);
          return;
        }
        const positions = await positionsOf(store, [proposal.id], state);
        if (opts.json) { process.stdout.write(`${JSON.stringify({ proposal, stances: positions }, null, 2)}\n`); return; }
        process.stdout.write(`${proposal.id}  ${proposal.summary}\n  proposer ${proposal.proposer ?? 'unknown'} · body ${proposal.body ?? 'unknown'} · ${proposal.articles} article(s)\n`);
        const rows = positions.map((p) => [String(p.id), p.name, p.holder, p.corrected ? `${p.stance} (corrected; machine: ${p.machineStance ?? 'none'})` : p.stance,
          p.confidence.toFixed(2), p.date ?? '?', String(p.observations), `“${clip(p.quote ?? p.evidence, 80)}”`]);
        process.stdout.write(`${table([['STANCE_ID', 'HOLDER', 'KEY', 'STANCE', 'CONF', 'DATE', 'OBS', 'EVIDENCE'], ...rows]).join('\n')}\n`);
      });
    });
}
