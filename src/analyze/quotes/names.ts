// Finds runs of capitalised words that look like names ("Foreign Minister Sergei Lavrov" → "Sergei Lavrov") and indexes them by surname.
import { objectList } from '../doc.js';
import type { Span } from '../record.js';
import { NOT_NAMES, ORG_WORDS, OUTLET_WORDS, TITLES } from './lexicon.js';

export interface NameRun extends Span {
  /** The name without leading titles or possessive ending. */
  name: string;
  words: string[];
  /** Lower-case last word. */
  surname: string;
  /** Looks like an organisation or outlet ("The New York Times", "Moscow State Institute"). */
  orgLike: boolean;
  outlet: boolean;
}

// One capitalised word (initials, hyphens and apostrophes included), then more joined by single spaces
// or name particles ("Ursula von der Leyen").
const WORD = String.raw`\p{Lu}[\p{L}\p{M}’'.\-]*`;
const RUN = new RegExp(`${WORD}(?:[ \\u00a0]+(?:(?:von|van|der|den|de|da|del|di|du|la|le|al|el|bin|ibn|ben)[ \\u00a0]+)*${WORD})*`, 'yu');
/**
 * Every character that may be a capital (\p{Lu} lies in A–Z and U+00C0 on; astral capitals start with a
 * surrogate). A run starts at the first capital, so scanning with this cheap class and trying RUN only
 * there finds the same runs as a global search with RUN, several times faster.
 */
const MAYBE_CAPITAL = /[A-Z\u00c0-\uffff]/g;

/** The first capitalised run starting at or after an offset, or null. */
function runFrom(text: string, offset: number): Span | null {
  MAYBE_CAPITAL.lastIndex = offset;
  for (let c = MAYBE_CAPITAL.exec(text); c; c = MAYBE_CAPITAL.exec(text)) {
    RUN.lastIndex = c.index;
    if (RUN.test(text)) return { start: c.index, end: RUN.lastIndex };
  }
  return null;
}

/** Lower-case word without a possessive ending or trailing full stop or comma. */
function bare(w: string): string {
  let x = w.toLowerCase();
  if (x.endsWith('’s') || x.endsWith("'s")) x = x.slice(0, -2);
  while (x.endsWith('.') || x.endsWith(',')) x = x.slice(0, -1);
  return x;
}

/**
 * The pieces of a run between its spaces, as split(/[ \u00a0]+/) gives them. Arrays here are built by push, not by
 * split() or map(): V8's compiled split() and map() return holey arrays, another kind than the interpreter's, and
 * the code reading them is thrown away on the first one met.
 */
function spaceSeparated(slice: string): string[] {
  const out = objectList<string>();
  let from = 0;
  for (let i = 0; i < slice.length; i++) {
    const c = slice.charCodeAt(i);
    if (c !== 32 && c !== 0xa0) continue;
    out.push(slice.slice(from, i));
    while (i + 1 < slice.length && (slice.charCodeAt(i + 1) === 32 || slice.charCodeAt(i + 1) === 0xa0)) i++;
    from = i + 1;
  }
  out.push(slice.slice(from));
  return out;
}

const isInitials = (w: string) => /^(?:\p{Lu}\.)+$/u.test(w);

/** Cleans one capitalised run into a name, or null when nothing name-like is left. */
export function cleanRun(text: string, start: number, end: number): NameRun | null {
  const slice = text.slice(start, end);
  const pieces = spaceSeparated(slice);
  // Fast path: a lone word that is never a name ("The", "But", "Monday").
  if (pieces.length === 1) {
    const w = bare(slice);
    if (NOT_NAMES.has(w) || TITLES.has(w)) return null;
  }
  const parts: { w: string; s: number; e: number }[] = [];
  let at = 0;
  for (const w of pieces) {
    const s = slice.indexOf(w, at);
    parts.push({ w, s: start + s, e: start + s + w.length });
    at = s + w.length;
  }
  // Drop the possessive of the last word ("Erdogan’s") and a trailing full stop that ends a sentence.
  const last = parts[parts.length - 1];
  if (last && (last.w.endsWith('’s') || last.w.endsWith("'s"))) { last.w = last.w.slice(0, -2); last.e -= 2; }
  if (last && last.w.endsWith('.') && last.w.length > 3 && !isInitials(last.w)) { last.w = last.w.slice(0, -1); last.e -= 1; }
  const bares: string[] = [];
  for (const p of parts) bares.push(bare(p.w));
  let from = 0;
  // A possessive inside the run ends what came before it ("Poland’s Jaroslaw Kaczynski").
  for (let k = parts.length - 2; k >= 0; k--) if (parts[k].w.endsWith('’s') || parts[k].w.endsWith("'s")) { from = k + 1; break; }
  while (from < parts.length && NOT_NAMES.has(bares[from])) from++;
  // Titles and institutions: everything up to the last such word that still leaves a word after it
  // ("United Nations Linda Thomas-Greenfield").
  for (let k = parts.length - 2; k >= from; k--) {
    if (TITLES.has(bares[k]) || ORG_WORDS.has(bares[k])) { from = k + 1; break; }
  }
  const kept: { w: string; s: number; e: number }[] = [];
  const words: string[] = [];
  const lower: string[] = [];
  for (let k = from; k < parts.length; k++) if (parts[k].w.length > 0) { kept.push(parts[k]); words.push(parts[k].w); lower.push(bares[k]); }
  if (!kept.length) return null;
  if (words.length === 1 && (NOT_NAMES.has(lower[0]) || TITLES.has(lower[0]))) return null;
  // A dateline ("ISTANBUL —", "KYIV, Ukraine (AP) —") names a place, never a speaker.
  if (words.every((w) => /^[\p{Lu}.’'\-]+$/u.test(w)) && words.join('').length > 5 && /^[,\s\p{L}\p{N}.]*(?:\([^)]*\)\s*)?[—–-]/u.test(text.slice(kept[kept.length - 1].e, kept[kept.length - 1].e + 30))) return null;
  const outlet = lower.some((w) => OUTLET_WORDS.has(w));
  const orgLike = outlet || TITLES.has(lower[lower.length - 1]) || lower.some((w) => ORG_WORDS.has(w))
    || (words.length === 1 && words[0].length > 1 && /^[\p{Lu}.\-]+$/u.test(words[0]));
  return {
    start: kept[0].s, end: kept[kept.length - 1].e, name: words.join(' '), words, surname: lower[lower.length - 1], orgLike, outlet,
  };
}

export interface NameIndex {
  text: string;
  /** Capitalised runs as found, in text order; cleaned into names only when asked for. */
  raw: Span[];
  cleaned: (NameRun | null | undefined)[];
  /** Lower-case surname → the first full (two words or more) person name ending in it. */
  full: Map<string, string>;
}

/** One pass over the text for capitalised runs; only runs of several words are cleaned now (for the surname index). */
export function indexNames(text: string): NameIndex {
  const index: NameIndex = { text, raw: [], cleaned: [], full: new Map() };
  for (let found = runFrom(text, 0); found; found = runFrom(text, found.end)) {
    for (const piece of splitAtSentenceEnds(text, found)) {
      index.raw.push(piece);
      index.cleaned.push(undefined);
      const space = text.indexOf(' ', piece.start);
      if (space >= 0 && space < piece.end) {
        const run = runAt(index, index.raw.length - 1);
        if (run && run.words.length >= 2 && !run.orgLike && !index.full.has(run.surname)) index.full.set(run.surname, run.name);
      }
    }
  }
  return index;
}

function runAt(index: NameIndex, i: number): NameRun | null {
  let run = index.cleaned[i];
  if (run === undefined) {
    const { text } = index;
    run = cleanRun(text, index.raw[i].start, index.raw[i].end);
    // An outlet keeps its "The" ("The Post").
    if (run?.outlet && text.slice(Math.max(0, run.start - 4), run.start) === 'The ') { run.start -= 4; run.name = `The ${run.name}`; }
    index.cleaned[i] = run;
  }
  return run;
}

/** Every name in the text (cleans all runs; for tests and tools). */
export const allNames = (index: NameIndex): NameRun[] =>
  index.raw.map((_, i) => runAt(index, i)).filter((r): r is NameRun => r !== null);

const ABBREVIATIONS = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'sen.', 'rep.', 'gov.', 'gen.', 'lt.', 'col.', 'st.', 'jr.', 'sr.', 'prof.', 'adm.', 'capt.', 'sgt.']);

/** Cuts a run where a word ends a sentence ("… Lindqvist. Later …"); initials and abbreviations do not. */
function splitAtSentenceEnds(text: string, span: Span): Span[] {
  const run = text.slice(span.start, span.end);
  if (!run.includes('.')) return [span];
  const offset = span.start;
  const out = objectList<Span>();
  let start = 0;
  const re = /\S+/g;
  for (let m = re.exec(run); m; m = re.exec(run)) {
    const w = m[0];
    const end = m.index + w.length;
    if (w.endsWith('.') && w.length > 2 && !ABBREVIATIONS.has(w.toLowerCase()) && !/^(?:\p{Lu}\.)+$/u.test(w) && end < run.length) {
      out.push({ start: offset + start, end: offset + end });
      start = end + 1;
    }
  }
  out.push({ start: offset + start, end: offset + run.length });
  return out;
}

/** Name runs overlapping a span, in text order (binary search on the sorted runs). */
export function namesIn(index: NameIndex, span: Span): NameRun[] {
  const raw = index.raw;
  let lo = 0;
  let hi = raw.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (raw[mid].end <= span.start - 4) lo = mid + 1;
    else hi = mid;
  }
  const out = objectList<NameRun>();
  for (let i = lo; i < raw.length && raw[i].start < span.end; i++) {
    const r = runAt(index, i);
    if (r && r.start < span.end && span.start < r.end) out.push(r);
  }
  return out;
}

/** The last person-like name that starts before an offset. */
export function lastNameBefore(index: NameIndex, offset: number): NameRun | null {
  for (let i = index.raw.length - 1; i >= 0; i--) {
    if (index.raw[i].start >= offset) continue;
    const r = runAt(index, i);
    if (r && r.start < offset && !r.orgLike && (r.words.length >= 2 || index.full.has(r.surname))) return r;
  }
  return null;
}
