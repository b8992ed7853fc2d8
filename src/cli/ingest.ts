// `standpoint ingest [--db URL] PATH...`: analyse articles and store them, learning people as it goes.
import type { Command } from 'commander';
import { analyze, MAX_ANALYSED_CHARS } from '../analyze/index.js';
import { KnowledgeBuilder } from '../analyze/knowledge.js';
import { recordArticle } from '../aggregate/record-article.js';
import { readInputs, type ReadInputsOptions } from '../ingest/read-inputs.js';
import type { Store } from '../store/store.js';
import { EXIT_FAILURE, EXIT_OK } from './exit-codes.js';
import { Progress } from './progress.js';
import { sourceLabel } from './report.js';
import { storeCommand, withStore } from './with-store.js';

export interface IngestSummary { new: number; known: number; copies: number; failed: number; seconds: number; peakMemoryMb: number }

export interface IngestIo extends ReadInputsOptions { progress: Progress }

/** Reads, analyses and stores every article of `paths`; a bad input is reported and the batch goes on. */
export async function runIngest(store: Store, paths: string[], io: IngestIo): Promise<IngestSummary> {
  const started = Date.now();
  const knowledge = new KnowledgeBuilder();
  for (const p of await store.people()) knowledge.add(p);
  const sum: IngestSummary = { new: 0, known: 0, copies: 0, failed: 0, seconds: 0, peakMemoryMb: 0 };
  for await (const input of readInputs(paths, io)) {
    if (input.kind === 'error') {
      sum.failed++;
      io.progress.message(input.error.describe('error'));
      io.progress.tick(true);
      continue;
    }
    const { article, problems } = input;
    const where = sourceLabel(article.file, article.id);
    for (const p of problems) io.progress.message(`${where}: warning: ${p.message}`);
    try {
      const { record, warnings } = analyze(article, knowledge);
      for (const w of warnings) io.progress.message(`${where}: warning: ${w}`);
      const status = await recordArticle(store, record);
      if (status === 'new') {
        sum.new++;
        for (const a of record.actors) {
          if (a.kind !== 'person') continue;
          const words = a.name.split(/\s+/);
          knowledge.add({ key: a.key, name: a.name, role: a.role, country: a.country, organization: a.organization, represents: a.represents, aliases: words.length > 1 ? [words[words.length - 1]] : [] });
        }
      } else if (status === 'copy') sum.copies++;
      else sum.known++;
      io.progress.tick(article.text.length > MAX_ANALYSED_CHARS);
    } catch (err) {
      sum.failed++;
      io.progress.message(`${where}: error: not stored: ${(err as Error).message}`);
      io.progress.tick(true);
    }
  }
  io.progress.clear();
  sum.seconds = (Date.now() - started) / 1000;
  sum.peakMemoryMb = Math.round(process.resourceUsage().maxRSS / 1024);
  return sum;
}

export function ingestCommand(): Command {
  return storeCommand('ingest', 'analyse articles and store them: proposals, stances and people gathered across articles')
    .argument('<paths...>', 'article files, folders (read recursively) or - for standard input (same formats as analyze)')
    .addHelpText('after', `
The same content again is recognised and changes nothing ("known"); a near-duplicate (a wire story
republished with small edits) is stored as a copy of its original and not counted as a second source.
Each article is written in one transaction: an interrupted batch can simply be run again.

Exit codes: 0 all stored or known; 1 some input failed (reported on standard error); 2 usage error.`)
    .action(async (paths: string[], opts: { db?: string; json?: boolean }) => {
      const sum = await withStore(opts.db, (store) => runIngest(store, paths, { progress: new Progress({ verb: 'ingested' }) }));
      if (opts.json) process.stdout.write(`${JSON.stringify(sum)}\n`);
      else process.stdout.write(`ingested: ${sum.new} new, ${sum.known} already known, ${sum.copies} near-duplicate copies, ${sum.failed} failed (${sum.seconds.toFixed(1)} s)\n`);
      process.exitCode = sum.failed ? EXIT_FAILURE : EXIT_OK;
    });
}
