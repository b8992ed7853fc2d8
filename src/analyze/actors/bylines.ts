// Bylines, credits and outlets: capitalised words beside them name no person ("By Jane Doe", "Photo: X", "the daily X").

/** Nouns that make the name beside them an outlet ("the daily Kommersant", "Magyar Nemzet newspaper"). */
export const MEDIA_NOUNS: ReadonlySet<string> = new Set(['newspaper', 'daily', 'weekly', 'tabloid', 'magazine', 'broadcaster', 'outlet',
  'website', 'agency', 'newsletter', 'channel', 'podcast', 'blog']);

const CREDIT = /(?:^|[\s(])(?:photo|photograph|photos|picture|image|credit|reporting by|writing by|editing by|video)\s*:\s*$|^\s*(?:by|reporting by|writing by|editing by)\s*:?\s*$/i;

/** A byline or credit: a line holding only the name ("By Jane Doe", "WION Web Team"), or a name after "Photo:". */
export function isByline(text: string, start: number, end: number): boolean {
  let lineStart = start;
  while (lineStart > 0 && text[lineStart - 1] !== '\n' && start - lineStart < 40) lineStart--;
  const before = text.slice(lineStart, start);
  // A credit ends in a colon or in "by" (the regex is tried only then).
  const last = before.trimEnd().slice(-1);
  if ((last === ':' || last === 'y' || last === 'Y') && CREDIT.test(before) && (lineStart === 0 || text[lineStart - 1] === '\n' || /:\s*$/.test(before))) return true;
  if (lineStart > 0 && text[lineStart - 1] !== '\n') return false;
  if (before.trim() !== '') return false;
  let lineEnd = end;
  while (lineEnd < text.length && text[lineEnd] !== '\n' && lineEnd - end < 3) lineEnd++;
  return (lineEnd === text.length || text[lineEnd] === '\n') && /^[\s.,]*$/.test(text.slice(end, lineEnd));
}
