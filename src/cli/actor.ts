// `standpoint actor KEY`: what the store knows of a person, country or organisation, and their positions.
import type { Command } from 'commander';
import { EXIT_FAILURE } from './exit-codes.js';
import { clip, table } from './report.js';
import { storeCommand, withStore } from './with-store.js';

export function actorCommand(): Command {
  return storeCommand('actor', 'one actor: name, role, whom they represent, aliases, positions and quotes')
    .argument('<key>', 'an actor key such as person:kajsa-ollongren, country:EST or org:NATO')
    .action(async (key: string, opts: { db?: string; json?: boolean }) => {
      await withStore(opts.db, async (store) => {
        const actor = await store.actor(key);
        if (!actor) {
          process.stderr.write(`standpoint actor: no actor with key ${key}\n`);
          process.exitCode = EXIT_FAILURE;
          return;
        }
        // A country's or organisation's positions include those its people took for it.
        const held = await store.observations(actor.kind === 'person' ? { actor: key } : { holder: key });
        const quotes = await store.quotes({ speaker: key, limit: 50 });
        const roles = actor.kind === 'person' ? await store.roles(key) : [];
        const proposals = new Map((await Promise.all([...new Set(held.map((o) => o.proposalId))].map((id) => store.proposal(id)))).filter((p) => p).map((p) => [p!.id, p!]));
        if (opts.json) {
          process.stdout.write(`${JSON.stringify({ actor, roles, observations: held, quotes }, null, 2)}\n`);
          return;
        }
        const out = [`${actor.name} (${actor.key}, ${actor.kind})`];
        if (actor.role) out.push(`  role: ${actor.role}`);
        if (actor.represents && actor.represents !== actor.key) out.push(`  speaks for: ${actor.represents}`);
        if (actor.aliases.length) out.push(`  also called: ${actor.aliases.join(', ')}`);
        if (roles.length) {
          out.push('', 'Roles as reported');
          out.push(...table([['DATE', 'ROLE', 'FOR', 'ARTICLE'], ...roles.map((r) => [r.date ?? '?', r.role ?? '', r.represents ?? '', r.articleId])]));
        }
        if (held.length) {
          out.push('', 'Positions');
          out.push(...table([['DATE', 'PROPOSAL', 'STANCE', 'EVIDENCE'], ...held.map((o) => [o.date ?? '?', `${o.proposalId} ${clip(proposals.get(o.proposalId)?.summary ?? '', 40)}`, o.stance, `“${clip(o.evidence, 70)}”`])]));
        }
        if (quotes.length) {
          out.push('', 'Quotes');
          for (const q of quotes) out.push(`  “${clip(q.text, 120)}” (${q.articleId})`);
        }
        process.stdout.write(`${out.join('\n')}\n`);
      });
    });
}
