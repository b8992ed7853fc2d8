// Walks the PATHs given on the command line and yields their articles (or what went wrong) one at a time, as a stream.
import fs from 'node:fs';
import path from 'node:path';
import type { Article } from '../analyze/record.js';
import type { ReadArticle } from './article.js';
import { IngestError, type Where } from './ingest-error.js';
import { parseJsonArticle } from './json-format.js';
import { MAX_INPUT_BYTES } from './limits.js';
import { bomEncoding, decode, decodeText, detectFormat, isBinary, SNIFF_BYTES, type InputFormat } from './sniff.js';
import { parseTextArticle } from './text-format.js';

/** One result of reading: an article (with problems that did not stop it) or an input that gave none. */
export type Input =
  | { kind: 'article'; article: Article; problems: IngestError[] }
  | { kind: 'error'; error: IngestError };

export interface ReadInputsOptions {
  /** What `-` reads; process.stdin by default. */
  stdin?: AsyncIterable<Buffer | string>;
  /** The most bytes an article input (a file, a JSON line) may have; MAX_INPUT_BYTES by default. */
  maxInputBytes?: number;
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
 * in memory at a time, and JSON Lines are read line by line. A file or line of more than `maxInputBytes`
 * is reported (`too-large`) and skipped without being held.
 */
export async function* readInputs(paths: readonly string[], options: ReadInputsOptions = {}): AsyncGenerator<Input> {
  const seenFolders = new Set<string>();
  const cap = options.maxInputBytes ?? MAX_INPUT_BYTES;
  for (const p of paths) {
    if (p === '-') yield* readSource('-', (options.stdin ?? process.stdin)[Symbol.asyncIterator](), cap);
    else yield* readPath(p, seenFolders, cap);
  }
}

const failure = (code: IngestError['code'], message: string, where: Where, cause?: unknown): Input =>
  ({ kind: 'error', error: new IngestError(code, message, where, { cause }) });

async function* readPath(p: string, seenFolders: Set<string>, cap: number): AsyncGenerator<Input> {
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
    for (const name of names) if (!isSkipped(name)) yield* readPath(path.join(p, name), seenFolders, cap);
  } else if (stat.isFile()) {
    yield* readSource(p, fs.createReadStream(p)[Symbol.asyncIterator](), cap);
  } else {
    yield failure('unreadable', 'not a file or folder', { file: p });
  }
}

/** An input whose bytes were all in its first chunk. */
const NO_MORE: Chunks = { next: () => Promise.resolve({ done: true, value: undefined }) };

const toBuffer = (chunk: Buffer | string): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk) : chunk);

const mib = (bytes: number): string => (bytes % (1024 * 1024) === 0 ? `${bytes / (1024 * 1024)} MiB` : `${bytes.toLocaleString('en')} bytes`);

/** The text of bytes, with a warning when their encoding had to be guessed. */
function decodeWithWarning(bytes: Uint8Array, where: Where): { text: string; problems: IngestError[] } {
  const { text, guess } = decode(bytes);
  return { text, problems: guess ? [new IngestError('encoding', guess, where)] : [] };
}

/** Reads one file or standard input: sniffs its first bytes, then parses it in its format. */
async function* readSource(file: string, chunks: Chunks, cap: number): AsyncGenerator<Input> {
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
  const format = detectFormat(file === '-' ? '' : file, decodeText(sniffed));
  try {
    // JSON Lines are split into lines as bytes; UTF-16 (rare) is decoded whole first (the cap then holds for the whole file) and split as UTF-8.
    if (format === 'jsonl' && !bomEncoding(start)) {
      yield* readJsonLines(file, start, chunks, cap);
      return;
    }
    const bytes = await readWhole(start, chunks, cap);
    if (bytes === null) {
      yield failure('too-large', `more than ${mib(cap)}, the most an article input may have: skipped`, where);
      return;
    }
    const { text: raw, problems: decoding } = decodeWithWarning(bytes, where);
    if (format === 'jsonl') {
      yield* readJsonLines(file, Buffer.from(raw), NO_MORE, cap);
      return;
    }
    if (!raw.trim()) {
      yield failure('empty', 'empty file: only white space', where);
      return;
    }
    const { article, problems } = (await WHOLE_FORMATS[format]())(raw, where);
    yield { kind: 'article', article, problems: [...decoding, ...problems] };
  } catch (err) {
    if (err instanceof IngestError) yield { kind: 'error', error: err };
    else yield failure('unreadable', `cannot read: ${(err as Error).message}`, where, err);
  }
}

/** The rest of an input after its first bytes, joined once; null (and the input left unread) past `cap` bytes. */
async function readWhole(start: Buffer, chunks: Chunks, cap: number): Promise<Buffer | null> {
  const parts: Buffer[] = [start];
  let size = start.length;
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) {
    const chunk = toBuffer(next.value);
    size += chunk.length;
    if (size > cap) break;
    parts.push(chunk);
  }
  if (size > cap) {
    await chunks.return?.();
    return null;
  }
  return Buffer.concat(parts, size);
}

/** A line of an input as bytes (without its line feed), or the size of a line longer than the cap, which is not kept. */
type Line = { bytes: Buffer; tooLong?: undefined } | { tooLong: number };

/**
 * Splits an input into lines as it arrives, in time linear in its size: a line's chunks are collected and
 * joined once. A line longer than `cap` bytes is counted to its end but not held.
 */
async function* byteLines(start: Buffer, chunks: Chunks, cap: number): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let size = 0;
  let tooLong = false;
  function* split(chunk: Buffer): Generator<Line> {
    let from = 0;
    for (let nl = chunk.indexOf(0x0a); nl !== -1; nl = chunk.indexOf(0x0a, from)) {
      const piece = chunk.subarray(from, nl);
      size += piece.length;
      if (tooLong || size > cap) yield { tooLong: size };
      else yield { bytes: parts.length ? Buffer.concat([...parts, piece], size) : piece };
      parts = [];
      size = 0;
      tooLong = false;
      from = nl + 1;
    }
    const rest = chunk.subarray(from);
    size += rest.length;
    if (size > cap) {
      tooLong = true;
      parts = [];
    } else if (rest.length) parts.push(rest);
  }
  yield* split(start);
  for (let next = await chunks.next(); !next.done; next = await chunks.next()) yield* split(toBuffer(next.value));
  if (tooLong) yield { tooLong: size };
  else if (size > 0) yield { bytes: Buffer.concat(parts, size) };
}

/** JSON Lines, one article per non-blank line, each line read and yielded before the next; each line decoded on its own. */
async function* readJsonLines(file: string, start: Buffer, chunks: Chunks, cap: number): AsyncGenerator<Input> {
  let lineNo = 0;
  let articles = 0;
  for await (const line of byteLines(start, chunks, cap)) {
    const where: Where = { file, line: ++lineNo };
    if (line.tooLong !== undefined) {
      articles++;
      yield failure('too-large', `a line of ${line.tooLong.toLocaleString('en')} bytes, more than ${mib(cap)}, the most an article input may have: skipped`, where);
      continue;
    }
    const { text, problems: decoding } = decodeWithWarning(line.bytes, where);
    if (!text.trim()) continue;
    articles++;
    try {
      const { article, problems } = parseJsonArticle(text.replace(/\r$/, ''), where);
      yield { kind: 'article', article, problems: [...decoding, ...problems] };
    } catch (err) {
      if (!(err instanceof IngestError)) throw err;
      yield { kind: 'error', error: err };
    }
  }
  if (articles === 0) yield failure('empty', 'empty file: no JSON lines', { file });
}
