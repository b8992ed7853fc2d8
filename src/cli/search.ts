// `standpoint search QUERY`: proposals, quotes and articles holding the words, the matches marked «…», narrowed by filters.
import type { Command } from 'commander';
import { dateArg, usage } from './arg-parsers.js';
import { searchView, type SearchFilters } from '../aggregate/search-view.js';
import { parseHolderKey, parseStance } from '../institutions/index.js';
import { marked } from '../store/search-query.js';
import { clip } from './report.js';
import { storeCommand, withStore } from './with-store.js';

interface SearchOptions { db?: string; json?: boolean; actor?: string; body?: string; stance?: string; since?: string; until?: string; source?: string; limit: number }

/** A deciding body's key as proposals store it: `NATO`, `nato` and `org:nato` are `org:NATO`. */
export const bodyKeyOf = (v: string) => {
  const t = v.trim();
  if (!/^([a-z]+:)?[A-Za-z0-9-]+$/i.test(t)) throw new Error(`bad body "${v}": expected a key such as org:NATO, or NATO`);
  const i = t.indexOf(':');
  return i < 0 ? `org:${t.toUpperCase()}` : `${t.slice(0, i).toLowerCase()}:${t.slice(i + 1).toUpperCase()}`;
};
const limitArg = usage((v) => {
  if (!/^\d+$/.test(v) || Number(v) < 1 || Number(v) > 1000) throw new Error(`bad limit "${v}": expected a whole number from 1 to 1000`);
  return Number(v);
});

export function searchCommand() {
  return storeCommand('search', 'full-text search over proposals, quotes and articles, the matched words marked «…»; filters narrow every kind of hit')
    .argument('<query>', 'words (all must match, plural or singular), "a phrase", a OR b, -word to leave out')
    .option('--actor <key>', 'only what concerns this holder or speaker (country:NLD or NLD, org:EU, person:slug)', usage(parseHolderKey))
    .option('--body <key>', 'only proposals decided by this body (org:NATO or NATO), and quotes and articles mentioning one', usage(bodyKeyOf))
    .option('--stance <stance>', 'only proposals where a holder (the --actor) stands so now, corrections applied, and quotes and articles reporting it: support, oppose, undecided or abstain', usage(parseStance))
    .option('--since <date>', 'only what is dated on or after this day (YYYY-MM-DD)', dateArg)
    .option('--until <date>', 'only what is dated on or before this day (YYYY-MM-DD)', dateArg)
    .option('--source <source>', 'only articles from this source (outlet), and what they report; case does not matter')
    .option('--limit <n>', 'at most this many hits of each kind (1–1000)', limitArg, 20)
    .action(async (query: string, opts: SearchOptions, command: Command) => {
      if (opts.since && opts.until && opts.since > opts.until) command.error(`error: --since ${opts.since} is after --until ${opts.until}`, { exitCode: 2 });
      const filters: SearchFilters = Object.fromEntries((['actor', 'body', 'stance', 'since', 'until', 'source'] as const)
        .filter((k) => opts[k] !== undefined).map((k) => [k, opts[k]]));
      const view = await withStore(opts.db, (store) => searchView(store, query, filters, opts.limit));
      if (opts.json) { process.stdout.write(`${JSON.stringify(view, null, 2)}\n`); return; }
      const name = (key: string | null) => (key ? view.names[key] ?? key : 'unknown');
      const out: string[] = [];
      const more = (yes: boolean) => (yes ? ` (more: raise --limit ${opts.limit})` : '');
      if (view.proposals.length) {
        out.push(`Proposals${more(view.more.proposals)}`);
        for (const p of view.proposals) {
          out.push(`  ${p.id}  ${marked(p.summary)}`);
          out.push(`    proposer ${name(p.proposer)} · body ${p.body ?? 'unknown'} · ${p.articles} article(s) · ${p.firstSeen ?? '?'} → ${p.lastSeen ?? '?'}`);
        }
        out.push('');
      }
      if (view.quotes.length) {
        out.push(`Quotes${more(view.more.quotes)}`);
        for (const q of view.quotes) {
          out.push(`  “${clip(marked(q.text), 240)}”`);
          out.push(`    ${name(q.speaker)} · ${q.date ?? 'date unknown'}${q.source ? ` · ${q.source}` : ''} · article ${q.articleId}${q.title ? ` (${clip(q.title, 60)})` : ''}`);
        }
        out.push('');
      }
      if (view.articles.length) {
        out.push(`Articles${more(view.more.articles)}`);
        for (const a of view.articles) {
          out.push(`  ${a.id}  ${a.date ?? 'date unknown'}${a.source ? ` · ${a.source}` : ''}  ${a.title ? marked(a.title) : '(no title)'}`);
          out.push(`    ${clip(marked(a.snippet), 300)}`);
        }
        out.push('');
      }
      out.push(view.message);
      process.stdout.write(`${out.join('\n')}\n`);
    });
}
