// Finds runs of capitalised words that look like names ("Foreign Minister Sergei Lavrov" → "Sergei Lavrov") and indexes them by surname.
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
const RUN = new RegExp(`${WORD}(?:[ \\u00a0]+(?:(?:von|van|der|den|de|da|del|di|du|la|le|al|el|bin|ibn|ben)[ \\u00a0]+)*${WORD})*`, 'gu');

const bare = (w: string) => w.toLowerCase().replace(/[’']s$/, '').replace(/[.,]+$/, '');

/** Cleans one capitalised run into a name, or null when nothing name-like is left. */
export function cleanRun(text: string, start: number, end: number): NameRun | null {
  const parts: { w: string; s: number; e: number }[] = [];
  const re = /\S+/g;
  const slice = text.slice(start, end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) parts.push({ w: m[0], s: start + m.index, e: start + m.index + m[0].length });
  // Drop the possessive of the last word ("Erdogan’s") and a trailing full stop that ends a sentence.
  const last = parts[parts.length - 1];
  if (last && /[’']s$/.test(last.w)) { last.w = last.w.slice(0, -2); last.e -= 2; }
  if (last && /\.$/.test(last.w) && last.w.length > 3 && !/^(?:\p{Lu}\.)+$/u.test(last.w)) { last.w = last.w.slice(0, -1); last.e -= 1; }
  let from = 0;
  // A possessive inside the run ends what came before it ("Poland’s Jaroslaw Kaczynski").
  for (let k = parts.length - 2; k >= 0; k--) if (/[’']s$/.test(parts[k].w)) { from = k + 1; break; }
  while (from < parts.length && NOT_NAMES.has(bare(parts[from].w))) from++;
  // Titles and institutions: everything up to the last such word that still leaves a word after it
  // ("United Nations Linda Thomas-Greenfield").
  for (let k = parts.length - 2; k >= from; k--) {
    const w = bare(parts[k].w);
    if (TITLES.has(w) || ORG_WORDS.has(w)) { from = k + 1; break; }
  }
  const kept = parts.slice(from).filter((p) => p.w.length > 0);
  if (!kept.length) return null;
  const words = kept.map((p) => p.w);
  if (words.length === 1 && (NOT_NAMES.has(bare(words[0])) || TITLES.has(bare(words[0])))) return null;
  const lower = words.map(bare);
  const outlet = lower.some((w) => OUTLET_WORDS.has(w));
  const orgLike = outlet || TITLES.has(lower[lower.length - 1]) || lower.some((w) => ORG_WORDS.has(w)) || words.every((w) => /^[\p{Lu}.\-]+$/u.test(w) && w.length > 1 && words.length === 1 && w.length <= 5);
  return {
    start: kept[0].s, end: kept[kept.length - 1].e, name: words.join(' '), words, surname: lower[lower.length - 1], orgLike, outlet,
  };
}

export interface NameIndex {
  runs: NameRun[];
  /** Lower-case surname → the first full (two words or more) person name ending in it. */
  full: Map<string, string>;
}

export function indexNames(text: string): NameIndex {
  const runs: NameRun[] = [];
  const full = new Map<string, string>();
  RUN.lastIndex = 0;
  for (let m = RUN.exec(text); m; m = RUN.exec(text)) {
    for (const piece of splitAtSentenceEnds(m[0], m.index)) addRun(piece.start, piece.end);
  }
  return { runs, full };

  function addRun(from: number, to: number): void {
    const run = cleanRun(text, from, to);
    if (!run) return;
    // An outlet keeps its "The" ("The Post").
    if (run.outlet && text.slice(Math.max(0, run.start - 4), run.start) === 'The ') { run.start -= 4; run.name = `The ${run.name}`; }
    runs.push(run);
    if (run.words.length >= 2 && !run.orgLike && !full.has(run.surname)) full.set(run.surname, run.name);
  }
}

const ABBREVIATIONS = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'sen.', 'rep.', 'gov.', 'gen.', 'lt.', 'col.', 'st.', 'jr.', 'sr.', 'prof.', 'adm.', 'capt.', 'sgt.']);

/** Cuts a run where a word ends a sentence ("… Lindqvist. Later …"); initials and abbreviations do not. */
function splitAtSentenceEnds(run: string, offset: number): Span[] {
  const out: Span[] = [];
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
  const runs = index.runs;
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: NameRun[] = [];
  for (let i = lo; i < runs.length && runs[i].start < span.end; i++) out.push(runs[i]);
  return out;
}

/** The last person-like name that starts before an offset. */
export function lastNameBefore(index: NameIndex, offset: number): NameRun | null {
  for (let i = index.runs.length - 1; i >= 0; i--) {
    const r = index.runs[i];
    if (r.start >= offset) continue;
    if (!r.orgLike && (r.words.length >= 2 || index.full.has(r.surname))) return r;
  }
  return null;
}
