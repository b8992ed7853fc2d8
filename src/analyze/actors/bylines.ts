// Bylines, credits and outlets: capitalised words beside them name no person ("By Jane Doe", "Photo: X", "the daily X").

/** Nouns that make the name beside them an outlet ("the daily Kommersant", "Magyar Nemzet newspaper"). */
export const MEDIA_NOUNS: ReadonlySet<string> = new Set(['newspaper', 'daily', 'weekly', 'tabloid', 'magazine', 'broadcaster', 'outlet',
  'website', 'agency', 'newsletter', 'channel', 'podcast', 'blog']);

const CREDIT = /(?:^|[\s(])(?:photo|photograph|photos|picture|image|credit|reporting by|writing by|editing by|video)\s*:\s*$|^\s*(?:by|reporting by|writing by|editing by)\s*:?\s*$/i;

const SPACE = /\s/;

/** Index of the last character before `to` (and from `from` on) that is not white space, or -1. */
function lastNonSpace(text: string, from: number, to: number): number {
  for (let i = to - 1; i >= from; i--) {
    const n = text.charCodeAt(i);
    if (n < 128 ? !(n === 32 || (n >= 9 && n <= 13)) : !SPACE.test(text[i])) return i;
  }
  return -1;
}

/** A byline or credit: a line holding only the name ("By Jane Doe", "WION Web Team"), or a name after "Photo:". */
export function isByline(text: string, start: number, end: number): boolean {
  let lineStart = start;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10 && start - lineStart < 40) lineStart--;
  const last = lastNonSpace(text, lineStart, start);
  // A credit ends in a colon or in "by" (the regex is tried only then).
  const c = last >= 0 ? text[last] : '';
  if (c === ':' || c === 'y' || c === 'Y') {
    const before = text.slice(lineStart, start);
    if (CREDIT.test(before) && (lineStart === 0 || text.charCodeAt(lineStart - 1) === 10 || /:\s*$/.test(before))) return true;
  }
  if (lineStart > 0 && text.charCodeAt(lineStart - 1) !== 10) return false;
  if (last >= 0) return false;
  let lineEnd = end;
  while (lineEnd < text.length && text.charCodeAt(lineEnd) !== 10 && lineEnd - end < 3) lineEnd++;
  return (lineEnd === text.length || text.charCodeAt(lineEnd) === 10) && /^[\s.,]*$/.test(text.slice(end, lineEnd));
}
