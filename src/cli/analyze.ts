// `standpoint analyze [--json] PATH...`: analyse articles and print their records or a readable report.
import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { analyze } from '../analyze/index.js';
import { parseTextArticle } from '../ingest/text-format.js';

function* files(p: string): Generator<string> {
  const st = fs.statSync(p);
  if (st.isDirectory()) {
    for (const e of fs.readdirSync(p).sort()) yield* files(path.join(p, e));
  } else if (/\.txt$/.test(p) || !p.includes('.gold.')) yield p;
}

export function analyzeCommand(): Command {
  return new Command('analyze')
    .description('analyse articles and print one analysis record per article')
    .option('--json', 'print analysis records as JSON Lines')
    .argument('<paths...>', 'files or folders')
    .action((paths: string[], opts: { json?: boolean }) => {
      for (const p of paths) {
        for (const f of files(p)) {
          if (!f.endsWith('.txt')) continue;
          const { record, warnings } = analyze(parseTextArticle(fs.readFileSync(f, 'utf8'), f));
          for (const w of warnings) process.stderr.write(`${f}: ${w}\n`);
          if (opts.json) process.stdout.write(JSON.stringify(record) + '\n');
          else process.stdout.write(`${f}: ${record.proposals.length} proposals, ${record.stances.length} stances\n`);
        }
      }
    });
}
