// `standpoint export`: the store's proposals, stances, observations, quotes, actors or articles as JSON Lines or CSV.
import { once } from 'node:events';
import fs from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { EXPORTS, exportRows, writeRows, type ExportWhat } from '../aggregate/export-rows.js';
import { dbOption, withStore } from './with-store.js';

export { EXPORTS, exportRows, writeRows, type ExportWhat };

export function exportCommand(): Command {
  return new Command('export')
    .description('export the store as JSON Lines or CSV')
    .addOption(dbOption())
    .requiredOption('--what <what>', `what to export: ${EXPORTS.join(', ')}`, (v) => {
      if (!(EXPORTS as readonly string[]).includes(v)) throw new InvalidArgumentError(`one of ${EXPORTS.join(', ')}`);
      return v;
    })
    .option('--format <format>', 'jsonl or csv', (v) => {
      if (v !== 'jsonl' && v !== 'csv') throw new InvalidArgumentError('jsonl or csv');
      return v;
    }, 'jsonl')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: { db?: string; what: ExportWhat; format: 'jsonl' | 'csv'; out?: string }) => {
      const fd = opts.out ? fs.openSync(opts.out, 'w') : null;
      // Standard output waits for a slow reader (a pipe): the pages are read no faster than written.
      const write = (s: string) => (fd === null ? process.stdout.write(s) || once(process.stdout, 'drain') : fs.writeSync(fd, s));
      try {
        const n = await withStore(opts.db, (store) => writeRows(exportRows(store, opts.what), opts.format, write));
        if (opts.out) process.stderr.write(`exported ${n} ${opts.what} to ${opts.out}\n`);
      } finally {
        if (fd !== null) fs.closeSync(fd);
      }
    });
}
