// `standpoint analyze [--json] PATH...`: analyse articles and print their records (JSON Lines) or a readable report.
import { Command } from 'commander';
import type { AnalysisResult } from '../analyze/index.js';
import { MAX_ANALYSED_CHARS } from '../analyze/limits.js';
import { MAX_INPUT_BYTES } from '../ingest/limits.js';
import type { AnalysisRecord, Article } from '../analyze/record.js';
import type { Input, ReadInputsOptions } from '../ingest/read-inputs.js';
import { inOrder } from '../workers/in-order.js';
import { AnalyzerPool } from '../workers/pool.js';
import { workersOption } from './workers-option.js';
import { EXIT_FAILURE, EXIT_OK } from './exit-codes.js';
import { Progress } from './progress.js';
import { renderReport, sourceLabel } from './report.js';

export interface AnalyzeOptions {
  json?: boolean;
  /** Worker threads; 1 (the default here) analyses in this thread. */
  workers?: number;
}

/** An article's record as printed (JSON line or readable report), with the analyser's warnings. */
interface Printed { text: string; warnings: string[] }

export interface AnalyzeIo extends ReadInputsOptions {
  write(text: string): void;
  progress: Progress;
  /** The analyser; `analyze` of src/analyze/index.ts unless a test gives another. */
  analyze?: (article: Article) => AnalysisResult;
}

/** Analyses every article of `paths`, printing records as they are done; returns the exit code. */
export async function runAnalyze(paths: string[], options: AnalyzeOptions, io: AnalyzeIo): Promise<number> {
  const render = (record: AnalysisRecord) => (options.json ? `${JSON.stringify(record)}\n` : `${renderReport(record)}\n`);
  let inputs = 0;
  let failed = 0;
  const workers = options.workers ?? 1;
  const pool = workers > 1 && !io.analyze ? new AnalyzerPool(workers) : null;
  // With worker threads, this thread only reads and prints: it does not load the analyser. For --json a worker
  // also serialises the record (as JSON.stringify here would), so that this thread only writes text.
  const here = pool ? null : io.analyze ?? (await import('../analyze/index.js')).analyze;
  const asText = ({ record, warnings }: AnalysisResult): Printed => ({ text: render(record), warnings });
  const run = (article: Article): Promise<Printed> => {
    if (!pool) return Promise.resolve().then(() => asText(here!(article)));
    if (options.json) return pool.analyzeJson(article).then(({ json, warnings }) => ({ text: `${json}\n`, warnings }));
    return pool.analyze(article).then(asText);
  };
  const start = (input: Input) => (input.kind === 'article' ? run(input.article) : Promise.resolve(null));
  try {
    const { readInputs } = await import('../ingest/read-inputs.js'); // language detection's data: only for commands that read
    for await (const { item: input, result: settled } of inOrder(readInputs(paths, io), start, { window: pool ? workers * 4 : 1 })) {
      inputs++;
      if (input.kind === 'error') {
        failed++;
        io.progress.message(input.error.describe('error'));
        io.progress.tick(true);
        continue;
      }
      const { article, problems } = input;
      const where = sourceLabel(article.file, article.id);
      for (const p of problems) io.progress.message(`${where}: ${p.level}: ${p.message}`);
      if (!settled.ok || !settled.value) {
        // A stage's own failure is a warning inside analyze(); this is the analyser failing as a whole.
        failed++;
        io.progress.message(`${where}: error: analysis failed: ${settled.ok ? 'no result' : settled.error.message}`);
        io.progress.tick(true);
        continue;
      }
      const { text, warnings } = settled.value;
      for (const w of warnings) io.progress.message(`${where}: warning: ${w}`);
      io.write(text);
      // Read but not analysed in full: the exit code says so, the record is still printed.
      const incomplete = problems.some((p) => p.level === 'error') || article.language !== 'en' || article.text.length > MAX_ANALYSED_CHARS;
      if (incomplete) failed++;
      io.progress.tick(incomplete);
    }
  } finally {
    await pool?.close();
  }
  io.progress.clear();
  if (inputs === 0) {
    io.progress.message(`standpoint analyze: no articles found in ${paths.join(' ')}`);
    return EXIT_FAILURE;
  }
  if (failed > 0) {
    io.progress.message(`standpoint analyze: ${failed} of ${inputs} inputs had problems (see above)`);
    return EXIT_FAILURE;
  }
  return EXIT_OK;
}

export function analyzeCommand(): Command {
  return new Command('analyze')
    .description('analyse news articles: who proposed what, who stands where on it, who said what')
    .argument('<paths...>', 'article files, folders (read recursively) or - for standard input')
    .option('--json', 'print one analysis record per article as JSON Lines (spec: standpoint.analysis/1)')
    .addOption(workersOption())
    .addHelpText('after', `
Formats, told apart by extension and content: text with an optional " date YYYY-MM-DD " header,
.json (one article) and .jsonl (one per line) shaped {id?, date?, title?, url?, source?, text},
and .html pages (main text, title and date from the page).
Folders are read recursively in name order, skipping hidden files and *.gold.json.
With --workers N (default: one per core), articles are analysed in N worker threads and printed in input order.
Articles longer than ${MAX_ANALYSED_CHARS.toLocaleString('en')} characters are analysed up to there, with a warning;
a file or JSON line of more than ${MAX_INPUT_BYTES / (1024 * 1024)} MiB is reported and skipped.
Text that is not UTF-8 is read as Windows-1252, and control characters such as NUL are removed, with warnings.

Exit codes: 0 all analysed; 1 some input could not be read or was not analysed in full
(empty, binary, broken JSON, unknown date, not English, cut at the cap); 2 usage error.`)
    .action(async (paths: string[], opts: AnalyzeOptions) => {
      process.exitCode = await runAnalyze(paths, opts, {
        write: (text) => process.stdout.write(text),
        progress: new Progress(),
      });
    });
}
