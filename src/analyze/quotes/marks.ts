// Finds spans between quotation marks (“ ” " ‘ ’ ' « » „) in one pass over the text, paragraph by paragraph.
import { objectList } from '../doc.js';
import type { Span } from '../record.js';

export interface MarkedSpan extends Span {
  /** Offset of the opening mark, and of the closing mark (-1 when the paragraph ends first). */
  open: number;
  close: number;
  /** The paragraph (line) holding the span. */
  para: Span;
  /** Pieces of one quote running over several paragraphs share a chain number. */
  chain: number;
  single: boolean;
}

const QUOTE_CHAR = /[“”„«»"‘’']/g;
const DOUBLE_OPEN = new Set(['“', '„', '«']);
const DOUBLE_CLOSE = new Set(['”', '»']);
const isSpace = (c: string | undefined) => c === undefined || c === ' ' || c === '\n' || c === '\t' || c === '\r' || c === '\u00a0' || (c > '\u2000' && /\s/.test(c));
const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);
const OPENERS_BEFORE = new Set(['(', '[', '{', '—', '–', '-', '“', '"', ':', '/']);
const isOpeningMark = (c: string | undefined) => c !== undefined && (DOUBLE_OPEN.has(c) || c === '"' || c === '‘' || c === "'");
/** The character at i, or undefined outside the text (checked: a read past the end makes V8 drop the compiled code). */
const charAt = (text: string, i: number): string | undefined => (i >= 0 && i < text.length ? text[i] : undefined);

/** Trims whitespace inside a span; returns null when nothing but whitespace is left. */
function trimmed(text: string, start: number, end: number): Span | null {
  while (start < end && isSpace(text[start])) start++;
  while (end > start && isSpace(text[end - 1])) end--;
  return end > start ? { start, end } : null;
}

export function findMarkedSpans(text: string): MarkedSpan[] {
  const out = objectList<MarkedSpan>();
  let nextChain = 0;
  let carried = -1; // chain of a quote the previous paragraph left open, -2 for a mark ending it with nothing after, or -1
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const para = trimmed(text, lineStart, lineEnd);
    if (para) {
      const startsWithMark = isOpeningMark(text[para.start]);
      let join = startsWithMark && carried >= 0 ? carried : -1;
      const continuing = startsWithMark ? -1 : carried;
      carried = -1;
      let dOpen = -1;
      let sOpen = -1;
      const emit = (open: number, s: number, e: number, close: number, single: boolean) => {
        const sp = trimmed(text, s, e);
        if (!sp) return -1;
        const chain = join >= 0 ? join : nextChain++;
        join = -1;
        out.push({ start: sp.start, end: sp.end, open, close, para, chain, single });
        return chain;
      };
      // Jump from one quotation character to the next instead of visiting every character.
      QUOTE_CHAR.lastIndex = para.start;
      for (let m = QUOTE_CHAR.exec(text); m && m.index < para.end; m = QUOTE_CHAR.exec(text)) {
        const i = m.index;
        const c = m[0];
        if (DOUBLE_OPEN.has(c)) {
          if (dOpen < 0) { dOpen = i; sOpen = -1; continue; }
          // An opening mark used as a closing one (glued to the word before it).
          if (!isSpace(charAt(text, i - 1)) && !isWordChar(charAt(text, i + 1))) { emit(dOpen, dOpen + 1, i, i, false); dOpen = -1; continue; }
          emit(dOpen, dOpen + 1, i, -1, false);
          dOpen = i;
        } else if (DOUBLE_CLOSE.has(c)) {
          if (dOpen >= 0) { emit(dOpen, dOpen + 1, i, i, false); dOpen = -1; }
          else if (continuing !== -1 && !out.some((q) => q.para === para)) { join = continuing; emit(para.start - 1, para.start, i, i, false); }
        } else if (c === '"') {
          if (dOpen >= 0) { emit(dOpen, dOpen + 1, i, i, false); dOpen = -1; }
          else if (!isSpace(charAt(text, i + 1))) { dOpen = i; sOpen = -1; }
        } else if (dOpen < 0 && (c === '‘' || c === "'" || c === '’')) {
          const before = i === para.start ? undefined : text[i - 1];
          const after = charAt(text, i + 1);
          const opens = (before === undefined || isSpace(before) || OPENERS_BEFORE.has(before)) && isWordChar(after);
          if (sOpen < 0) { if (opens && c !== '’') sOpen = i; }
          else if (!isSpace(before) && !isWordChar(after)) { emit(sOpen, sOpen + 1, i, i, true); sOpen = -1; }
        }
      }
      if (dOpen >= 0) {
        carried = emit(dOpen, dOpen + 1, para.end, -1, false);
        if (carried < 0) carried = -2; // "he said. “" and the words on the next line
      }
    }
    if (lineEnd >= text.length) break;
    lineStart = lineEnd + 1;
  }
  return out;
}
