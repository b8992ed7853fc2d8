// Tells what an input is from its name and first bytes: binary or text, its encoding, and which article format.
import path from 'node:path';

export type InputFormat = 'text' | 'json' | 'jsonl' | 'html';

/** How many leading bytes are looked at to tell binary from text and one format from another. */
export const SNIFF_BYTES = 8192;

const BY_EXTENSION: Record<string, InputFormat> = {
  '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'json', '.html': 'html', '.htm': 'html', '.xhtml': 'html',
};

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be';

function bomEncoding(head: Uint8Array): Encoding | null {
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
  let out = '';
  for (const b of bytes) out += b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : String.fromCharCode(b);
  return out;
}

/**
 * Decodes a whole input: UTF-16 when it starts with a byte-order mark, else UTF-8 (BOM dropped),
 * else Windows-1252 for the older pages and files that are not valid UTF-8.
 */
export function decodeText(bytes: Uint8Array): string {
  const bom = bomEncoding(bytes);
  if (bom) return new TextDecoder(bom).decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes); // drops a UTF-8 BOM
  } catch {
    // Mostly UTF-8 with a few stray bytes stays UTF-8; no UTF-8 sequence at all means a legacy code page.
    const loose = new TextDecoder('utf-8').decode(bytes);
    return /[\u0080-\ufffc]/.test(loose) ? loose : decodeWindows1252(bytes);
  }
}

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
