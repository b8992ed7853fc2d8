// Walks the PATHs given on the command line and yields their articles (or what went wrong) one at a time, as a stream.
import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../analyze/record.js';
import type { ReadArticle } from './article.js';
import { IngestError, type Where } from './ingest-error.js';
import { parseJsonArticle } from './json-format.js';
import { decodeText, detectFormat, isBinary, SNIFF_BYTES, type InputFormat } from './sniff.js';
import { parseTextArticle } from './text-format.js';

/** One result of reading: an article (with problems that did not stop it) or an input that gave none. */
export type Input =
  | { kind: 'article'; article: Article; problems: IngestError[] }
  | { kind: 'error'; error: IngestError };

export interface ReadInputsOptions {
  /** What `-` reads; process.stdin by default. */
  stdin?: AsyncIterable<Buffer | string>;
  /** The format of `-` when the caller knows it (an HTTP body's content type); sniffed from its content otherwise. */
  stdinFormat?: InputFormat;
}

type Chunks = AsyncIterator<Buffer | string>;

type Parse = (raw: string, where: Where) => ReadArticle;

/** The parser of each whole-file format; HTML's (linkedom and Readability, slow to load) is loaded on the first page. */
const WHOLE_FORMATS: Record<Exclude<InputFormat, 'jsonl'>, () => Parse | Promise<Parse>> = {
  text: () => parseTextArticle,
  json: () => parseJsonArticle,
  html: async () => (await import('./html-format.js')).parseHtmlArticle,
};

/** True for the files a folder walk leaves out: hidden files and gold annotations. */
export function isSkipped(name: string): boolean {
  return name.startsWith('.') || name.endsWith('.gold.json');
}

/**
 * Yields every article of every PATH in order: a file, a folder (read recursively, entries sorted
 * by name, hidden files and `*.gold.json` skipped) or `-` for standard input. Only one file is held
 * in memory at a time, and JSON Lines are read line by line.
 */
export async function* readInputs(paths: readonly string[], options: ReadInputsOptions = {}): AsyncGenerator<Input> {
  const seenFolders = new Set<string>();
  for (const p of paths) {
    if (p === '-') yield* readSource('-', (options.stdin ?? process.stdin)[Symbol.asyncIterator](), options.stdinFormat);
    else yield* readPath(p, seenFolders);
  }
}

const failure = (code: IngestError['code'], message: string, where: Where, cause?: unknown): Input =>
  ({ kind: 'error', error: new IngestError(code, message, where, { cause }) });

async function* readPath(p: string, seenFolders: Set<string>): AsyncGenerator<Input> {
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(p);
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    yield failure(missing ? 'not-found' : 'unreadable', missing ? 'no such file or folder' : `cannot read: ${(err as Error).message}`, { file: p }, err);
    return;
  }
  if (stat.isDirectory()) {
    let names: string[];
    try {
      const real = await fs.promises.realpath(p);
      if (seenFolders.has(real)) return; // a symbolic link back into a folder already read
      seenFolders.add(real);
      names = (await fs.promises.readdir(p)).sort();
    } catch (err) {
      yield failure('unreadable', `cannot read folder: ${(err as Error).message}`, { file: p }, err);
      return;
    }
    for (const name of names) if (!isSkipped(name)) yield* readPath(path.join(p, name), seenFolders);
  } else if (stat.isFile()) {
    yield* readSource(p, fs.createReadStream(p)[Symbol.asyncIterator]());
  } else {
    yield failure('unreadable', 'not a file or folder', { file: p });
  }
}

const toBuffer = (chunk: Buffer | string): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk);

/** Reads one file or standard input: sniffs its first bytes, then parses it in its format. */
async function* readSource(file: string, chunks: Chunks, known?: InputFormat): AsyncGenerator<Input> {
  const where: Where = { file };
  const head: Buffer[] = [];
  let headBytes = 0;
  try {
    // Up to SNIFF_BYTES, but no more than needed to see a first whole line: a pipe of JSON Lines is
    // analysed line by line as it arrives, not after its first 8 KiB.
    while (headBytes < SNIFF_BYTES) {
      const next = await chunks.next();
      if (next.done) break;
      const chunk = toBuffer(next.value);
      head.push(chunk);
      headBytes += chunk.length;
      if (chunk.includes(0x0a)) break;
    }
  } catch (err) {
    yield failure('unreadable', `cannot read: ${(err as Error).message}`, where, err);
    return;
  }
  const start = Buffer.concat(head);
  if (start.length === 0) {
    yield failure('empty', 'empty file', where);
    return;
  }
  const sniffed = start.subarray(0, SNIFF_BYTES);
  if (isBinary(sniffed)) {
    await chunks.return?.();
    yield failure('binary', 'binary file, not text: skipped', where);
    return;
  }
  const format = known ?? detectFormat(file === '-' ? '' : file, decodeText(sniffed));
  try {
    if (format === 'jsonl') {
      yield* readJsonLines(file, start, chunks);
      return;
    }
    const rest: Buffer[] = [start];
    for (let next = await chunks.next(); !next.done; next = await chunks.next()) rest.push(toBuffer(next.value));
    const raw = decodeText(Buffer.concat(rest));
    if (!raw.trim()) {
      yield failure('empty', 'empty file: only white space', where);
      return;
    }
    const { article, problems } = (await WHOLE_FORMATS[format]())(raw, where);
    yield { kind: 'article', article, problems };
  } catch (err) {
    if (err instanceof IngestError) yield { kind: 'error', error: err };
    else yield failure('unreadable', `cannot read: ${(err as Error).message}`, where, err);
  }
}

/** JSON Lines, one article per non-blank line, each line read and yielded before the next. */
async function* readJsonLines(file: string, start: Buffer, chunks: Chunks): AsyncGenerator<Input> {
  const decoder = new TextDecoder('utf-8');
  let pending = '';
  let lineNo = 0;
  let articles = 0;
  function* lines(text: string, final: boolean): Generator<Input> {
    pending += text;
    const parts = pending.split('\n');
    pending = final ? '' : parts.pop()!;
    for (const line of parts) {
      lineNo++;
      if (!line.trim()) continue;
      articles++;
      try {
        yield { kind: 'article', ...parseJsonArticle(line.replace(/\r$/, ''), { file, line: lineNo }) };
      } catch (err) {
        if (!(err instanceof IngestError)) throw err;
        yield { kind: 'error', error: err };
      }
    }
  }
  yield* lines(decoder.decode(start, { stream: true }), false);
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    yield* lines(decoder.decode(toBuffer(next.value), { stream: true }), false);
  }
  yield* lines(decoder.decode(), true);
  if (articles === 0) yield failure('empty', 'empty file: no JSON lines', { file });
}
