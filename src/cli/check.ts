// `standpoint check`: whether the store is sound (the database's own checks, every article whole, the kept counts right).
import { Command } from 'commander';
import { checkStore } from '../aggregate/check-store.js';
import { EXIT_FAILURE } from './exit-codes.js';
import { storeCommand, withStore } from './with-store.js';

export function checkCommand(): Command {
  return storeCommand('check', 'check the store: the database\'s integrity, every article whole (its text, record and rows agree), the kept stances and counts')
    .addHelpText('after', `
Exits 0 when the store is sound; 1 with one line per problem ("article ID: what is wrong"), or when the store cannot be
opened (a missing or 0-byte file is not created). SQLite stores get PRAGMA integrity_check and foreign_key_check too.`)
    .action(async (opts: { db?: string; json?: boolean }) => {
      const problems: string[] = [];
      let articles = 0;
      const found = (line: string) => {
        problems.push(line);
        if (!opts.json) process.stdout.write(`${line}\n`);
      };
      try {
        await withStore(opts.db, async (store) => {
          for await (const line of checkStore(store, { onArticle: () => { articles++; } })) found(line);
        }, { create: false });
      } catch (err) {
        found(`store: cannot be read: ${(err as Error).message}`);
      }
      if (opts.json) process.stdout.write(`${JSON.stringify({ sound: problems.length === 0, articles, problems }, null, 2)}\n`);
      else process.stdout.write(problems.length ? `${problems.length} problem(s) in ${articles} article(s) checked\n` : `sound: ${articles} article(s) checked\n`);
      if (problems.length) process.exitCode = EXIT_FAILURE;
    });
}
