// Tells what an input is from its name and first bytes: binary or text, its encoding, and which article format.
import path from 'node:path';

export type InputFormat = 'text' | 'json' | 'jsonl' | 'html';

/** How many leading bytes are looked at to tell binary from text and one format from another. */
export const SNIFF_BYTES = 8192;

const BY_EXTENSION: Record<string, InputFormat> = {
  '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'json', '.html': 'html', '.htm': 'html', '.xhtml': 'html',
};

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** The UTF-16 encoding a byte-order mark names, if the input starts with one. */
export function bomEncoding(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le';
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be';
  return null;
}

/**
 * True when the bytes are not text: a NUL byte (outside UTF-16), or many control characters or
 * invalid UTF-8 sequences. `head` is the start of the input; a sequence cut at its end is not counted.
 */
export function isBinary(head: Uint8Array): boolean {
  if (head.length === 0 || bomEncoding(head)) return false;
  if (head.includes(0)) return true;
  const text = new TextDecoder('utf-8').decode(head.subarray(0, head.length >= SNIFF_BYTES ? head.length - 3 : head.length));
  let odd = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c === 0xfffd || (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) || c === 0x7f) odd++;
  }
  return odd > Math.max(2, text.length * 0.1);
}

/** Windows-1252's characters for bytes 0x80–0x9F (Latin-1 for the rest); undefined bytes stay as they are. */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function decodeWindows1252(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')
    .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]);
}

/** How an input's bytes were read: `utf-8-cut` is UTF-8 whose last character was cut off, `utf-8-loose` UTF-8 with stray bytes. */
export type TextEncoding = Encoding | 'utf-8-cut' | 'utf-8-loose' | 'windows-1252';

/** The text of an input and how it was read; `guess` says what was guessed (and lost), for a warning, when it was not plain UTF-8 or UTF-16. */
export interface Decoded { text: string; encoding: TextEncoding; guess: string | null }

const GUESSES: Partial<Record<TextEncoding, string>> = {
  'utf-8-cut': 'ends in the middle of a UTF-8 character (cut off?): that character was dropped',
  'utf-8-loose': 'not valid UTF-8: the bytes that are not were replaced by U+FFFD',
  'windows-1252': 'not valid UTF-8: read as Windows-1252',
};

/** Strict UTF-8, shared: decoding whole inputs (not streams) leaves it with no state. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes an input: UTF-16 when it starts with a byte-order mark, else UTF-8 (BOM dropped); UTF-8 cut
 * in its last character loses that character; mostly UTF-8 with a few stray bytes stays UTF-8 (they
 * become U+FFFD); no UTF-8 sequence at all means a legacy code page, read as Windows-1252.
 */
export function decode(bytes: Uint8Array): Decoded {
  const bom = bomEncoding(bytes);
  const as = (text: string, encoding: TextEncoding): Decoded => ({ text, encoding, guess: GUESSES[encoding] ?? null });
  if (bom) return as(new TextDecoder(bom).decode(bytes), bom);
  try {
    return as(UTF8.decode(bytes), 'utf-8'); // drops a UTF-8 BOM
  } catch {
    // Every character whole but the last: decoding as a stream (a decoder of its own) leaves an incomplete last character out.
    try {
      return as(new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true }), 'utf-8-cut');
    } catch {
      // Invalid before the end too.
    }
    const loose = new TextDecoder('utf-8').decode(bytes);
    return /[\u0080-\ufffc]/.test(loose) ? as(loose, 'utf-8-loose') : as(decodeWindows1252(bytes), 'windows-1252');
  }
}

/** The text of `decode`, without saying how it was read. */
export const decodeText = (bytes: Uint8Array): string => decode(bytes).text;

/** The format by extension (.json, .jsonl/.ndjson, .html/.htm), else by content (standard input, .txt, no extension). */
export function detectFormat(name: string, head: string): InputFormat {
  const byExt = BY_EXTENSION[path.extname(name).toLowerCase()];
  if (byExt) return byExt;
  const start = head.trimStart();
  if (/^<(!doctype html|html[\s>]|head[\s>]|body[\s>]|\?xml[^>]*>\s*<(!doctype )?html)/i.test(start) || /^<!--/.test(start) && /<html[\s>]/i.test(start)) {
    return 'html';
  }
  if (start.startsWith('{')) {
    if (!start.includes('\n')) return 'jsonl'; // one object on one line (or longer than the sniffed head)
    const firstLine = start.split('\n', 1)[0].trim();
    try {
      JSON.parse(firstLine);
      return 'jsonl'; // a complete object on its first line: one article per line
    } catch {
      return 'json';
    }
  }
  return 'text';
}
