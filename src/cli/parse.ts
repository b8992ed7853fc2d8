// `standpoint parse [--conllu] [--json] PATH`: the dependency parse of a text file (or of a CoNLL-U file's words), as CoNLL-U.
import fs from 'node:fs';
import { Command } from 'commander';
import { readConllu, writeConllu, type ConlluSentence } from '../analyze/parse/conllu.js';

export interface ParseOptions { conllu?: boolean; json?: boolean }

/** Reads PATH (or standard input for `-`), parses it and returns what to print. */
export async function runParse(path: string, options: ParseOptions, stdin: AsyncIterable<Buffer | string> = process.stdin): Promise<string> {
  let text: string;
  try {
    if (path === '-') {
      const chunks: Buffer[] = [];
      for await (const c of stdin) chunks.push(typeof c === 'string' ? Buffer.from(c) : c);
      text = Buffer.concat(chunks).toString('utf8');
    } else text = fs.readFileSync(path, 'utf8');
  } catch (err) {
    throw new Error(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`, { cause: err });
  }
  const where = path === '-' ? '<stdin>' : path;
  const { docSentences, parseConlluSentences, parseText } = await import('../analyze/parse/sentences.js');
  let sentences: ConlluSentence[];
  if (options.conllu) {
    let read: ConlluSentence[];
    try {
      read = readConllu(text);
    } catch (err) {
      throw new Error(`${where}: ${(err as Error).message}`, { cause: err });
    }
    sentences = parseConlluSentences(read);
  } else sentences = docSentences(parseText(text));
  if (!options.json) return writeConllu(sentences);
  return sentences.map((s, k) => `${JSON.stringify({
    sentence: k + 1,
    words: s.words.map((w) => ({ id: w.id, form: w.form, upos: w.upos, head: w.head, deprel: w.deprel })),
  })}\n`).join('');
}

export function parseCommand(): Command {
  return new Command('parse')
    .description('parse a text into Universal Dependencies trees and print them as CoNLL-U')
    .argument('<path>', 'a UTF-8 text file (or a CoNLL-U file with --conllu), or - for standard input')
    .option('--conllu', "read a CoNLL-U file and parse its own words (its sentences and tokens kept), to score against its trees")
    .option('--json', 'print one JSON line per sentence ({sentence, words: [{id, form, upos, head, deprel}]}) instead of CoNLL-U')
    .addHelpText('after', `
Output columns: ID FORM LEMMA(wink-nlp's; _ with --conllu) UPOS(wink-nlp's tag) XPOS(_) FEATS(_) HEAD DEPREL DEPS(_) MISC.
Without --conllu the text is split into sentences and tokens as the analyser does; MISC marks SpaceAfter=No.
The parser: greedy arc-eager with averaged perceptrons, trained on the UD English Web Treebank (see README).`)
    .action(async (path: string, opts: ParseOptions) => {
      process.stdout.write(await runParse(path, opts));
    });
}
