// The reported words of an indirect quote: where they start after a cue, where they end, and what they may not be.
import type { Doc, Sentence } from '../doc.js';
import type { Span } from '../record.js';
import type { Attribution } from './attribution.js';
import { REPORTING, SENTENCE_END, SPEECH, isQuoteMark, isSpace, nextWord, verbAt } from './cues.js';
import { reportingVerb, TIME_WORDS } from './lexicon.js';

export interface IndirectQuote {
  span: Span;
  attr: Attribution | null;
  /** Not reported words (the object of "rejected"), only a sign of who is speaking here. Always set (one object shape). */
  hintOnly: boolean;
}

export const MIN_WORDS = 2;

/** Trims a token range to a character span without edge punctuation; null when fewer than MIN_WORDS words remain. */
export function contentSpan(doc: Doc, from: number, to: number, minWords = MIN_WORDS): Span | null {
  while (from <= to && (isSpace(doc.tokens[from]) || /^[,;:—–-]$/.test(doc.tokens[from].text))) from++;
  while (to >= from && (isSpace(doc.tokens[to]) || /^[,;:.!?—–-]$/.test(doc.tokens[to].text))) to--;
  if (to < from) return null;
  let words = 0;
  for (let k = from; k <= to && words < minWords; k++) if (/[\p{L}\p{N}]/u.test(doc.tokens[k].text)) words++;
  if (words < minWords) return null;
  return { start: doc.tokens[from].start, end: doc.tokens[to].end };
}

/** The last token of a sentence before its closing punctuation. */
export function lastWordOf(doc: Doc, s: Sentence): number {
  let k = s.last;
  while (k > s.first && (SENTENCE_END.has(doc.tokens[k].text) || isSpace(doc.tokens[k]))) k--;
  return k;
}

/** Content made only of time words and numbers ("Friday afternoon", "about five minutes"). */
export function onlyCircumstance(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const t = doc.tokens[k];
    if (isSpace(t) || t.pos === 'PUNCT' || t.pos === 'NUM' || t.pos === 'DET' || t.pos === 'ADP' || TIME_WORDS.has(t.lower)
      || ['minutes', 'hours', 'days', 'weeks', 'months', 'years', 'minute', 'hour', 'day', 'week', 'month', 'year', 'afternoon', 'morning', 'evening', 'night'].includes(t.lower)) continue;
    return false;
  }
  return true;
}

export function hasVerb(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (doc.tokens[k].pos === 'VERB' || doc.tokens[k].pos === 'AUX') return true;
  return false;
}

/** Whether tokens from..to hold at most a short adjunct: no verb, no "that", few words. */
export function adjunctOnly(doc: Doc, from: number, to: number, strict = false): boolean {
  let words = 0;
  // Strictly, the words must open like an adjunct ("on Friday", "in a statement", "yesterday"), not an object.
  let first = from;
  while (first <= to && isSpace(doc.tokens[first])) first++;
  if (strict && first <= to && !/^(?:ADP|ADV|PUNCT)$/.test(doc.tokens[first].pos) && !PLAIN_TIME.has(doc.tokens[first].lower)) return false;
  for (let k = from; k <= to; k++) {
    const t = doc.tokens[k];
    if (isSpace(t)) continue;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.lower === 'that' || isQuoteMark(t.text)) return false;
    if (++words > 8) return false;
  }
  return true;
}

/** Where the reported words start after a verb: past "told reporters", time phrases ("on Friday"); "that" is kept. */
export function contentStart(doc: Doc, verb: number, last: number): number {
  let k = nextWord(doc, verb);
  // A particle that belongs to the verb ("pointed out that", "laid out").
  if (['out', 'up'].includes(doc.tokens[k]?.lower ?? '') && doc.tokens[k].pos !== 'NOUN') k = nextWord(doc, k);
  const lemma = reportingVerb(doc.tokens[verb].lower)?.lemma;
  if (lemma === 'tell' || lemma === 'warn' || lemma === 'assure' || lemma === 'remind' || lemma === 'ask') {
    for (let j = k, n = 0; j <= last && n < 10; j = nextWord(doc, j), n++) {
      if (doc.tokens[j].lower === 'that' || (lemma === 'ask' && doc.tokens[j].lower === 'whether')) return j;
      if (doc.tokens[j].text === ',' || isQuoteMark(doc.tokens[j].text) || (doc.tokens[j].lower === 'to' && doc.tokens[j].pos === 'PART')) break;
    }
    if (lemma === 'tell') {
      // "told Reuters the plan was dead": skip one short object.
      let j = k;
      while (j <= last && (doc.tokens[j].pos === 'PROPN' || doc.tokens[j].pos === 'NOUN' || doc.tokens[j].pos === 'DET' || doc.tokens[j].pos === 'PART')) { j = nextWord(doc, j); if (doc.tokens[j - 1]?.pos === 'NOUN') break; }
      k = j;
    }
  }
  // A time phrase between the verb and what was said ("said on Friday that …", "said Tuesday the …").
  const start = k;
  let plain = true;
  let when = false;
  for (let n = 0; k <= last && n < 6 && TIME_WORDS.has(doc.tokens[k].lower); n++) {
    const w = doc.tokens[k].lower;
    if (PLAIN_TIME.has(w) || WHEN_WORDS.has(w)) when = true;
    else if (!DATE_GLUE.has(w)) plain = false;
    k = nextWord(doc, k);
  }
  // "on Friday", "last week", "this morning" name a time; "on the plan" does not.
  plain &&= when;
  if (k === start) return k;
  if (doc.tokens[k]?.lower === 'that' || (plain && /^(?:PRON|DET|PROPN|NOUN)$/.test(doc.tokens[k]?.pos ?? ''))) return k;
  return start;
}

const WHEN_WORDS = new Set(['week', 'month', 'year', 'morning', 'afternoon', 'evening', 'night']);
const DATE_GLUE = new Set(['on', 'last', 'this', 'next', 'a', 'the', 'earlier', 'later']);

export const PLAIN_TIME = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'earlier', 'later', 'again', 'also', 'repeatedly', 'publicly', 'privately', 'recently', 'previously', 'once', 'now', 'then', 'separately']);
export const COMPLEMENT_PREPS = new Set(['about', 'for', 'on', 'against', 'of', 'over', 'upon']);
export const SPEECH_PREPS = new Set(['about', 'of', 'against', 'for', 'on', 'over', 'upon']);

export const CLAUSE_BREAKS = new Set(['but', 'though', 'although', 'while', 'whereas', 'even', 'especially', 'after', 'before',
  'because', 'since', 'so', 'with', 'yet', 'then', 'than', 'when', 'where', 'according', 'adding', 'saying', 'noting']);

/** The last token of the reported words: before "; ", ", but …", "and" + a verb, or (for objects) a comma or preposition. */
export function contentEnd(doc: Doc, from: number, end: number, cls: string): number {
  for (let j = from + 1; j <= end; j++) {
    const x = doc.tokens[j];
    if (x.text === ';' || ((x.text === '—' || x.text === '–' || x.text === '―' || x.text === '--') && j > from + 2)) return j - 1;
    if (x.text === ',') {
      if (cls === 'object') return j - 1;
      const nk = nextWord(doc, j);
      const n = doc.tokens[nk];
      // ", but could not …" goes on with the same subject; ", but the talks …" starts a clause of its own.
      if (n && (n.lower === 'but' || n.lower === 'and') && continuesSubject(doc, nextWord(doc, nk))) continue;
      if (n && CLAUSE_BREAKS.has(n.lower)) return j - 1;
      // ", and when pressed …", ", and the downgrade is …" (a clause with a subject of its own): the reporter's next
      // clause (", and that …" goes on with the report).
      if (n?.lower === 'and') {
        const after = nextWord(doc, nk);
        if (CLAUSE_BREAKS.has(doc.tokens[after]?.lower ?? '') || clauseWithSubject(doc, after)) return j - 1;
      }
      // ", citing …", ", calling it …": a participle hanging on the reporting clause.
      if (n && n.pos === 'VERB' && /ing$/.test(n.lower)) return j - 1;
    }
    if ((x.lower === 'and' || x.lower === 'but') && reportFollows(doc, j)) return j - 1;
    // Another attribution begins: "…, Smith noted that …".
    if (x.text === ',' && cueWithin(doc, j + 1, Math.min(end, j + 6))) return j - 1;
    if (cls === 'object' && x.pos === 'ADP' && ['in', 'at', 'during', 'after', 'before', 'since', 'until', 'because'].includes(x.lower) && j > from) return j - 1;
  }
  return end;
}

/** Whether a clause with its own subject starts at token k: a short noun phrase or pronoun, then a finite verb. */
function clauseWithSubject(doc: Doc, k: number): boolean {
  let nouns = 0;
  for (let n = 0; n < 6 && k < doc.tokens.length; n++, k = nextWord(doc, k)) {
    const t = doc.tokens[k];
    if (/^(?:NOUN|PROPN|PRON)$/.test(t.pos) && t.lower !== 'that') { nouns++; continue; }
    if (/^(?:DET|ADJ|NUM)$/.test(t.pos) && t.lower !== 'that') continue;
    return nouns > 0 && (t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.lower)));
  }
  return false;
}

/** Whether a word goes on with the subject before it: a verb, an auxiliary or an adverb ("but could not", "but only if"). */
function continuesSubject(doc: Doc, k: number): boolean {
  const t = doc.tokens[k];
  return !!t && (t.pos === 'AUX' || (t.pos === 'VERB' && !/ing$/.test(t.lower)) || t.lower === 'only' || t.lower === 'not');
}

/** After "and"/"but" at token j: a new report, with its own subject or none ("and said …", "and Democrats accused …"). */
function reportFollows(doc: Doc, j: number): boolean {
  let k = nextWord(doc, j);
  for (let n = 0; n < 4 && k < doc.tokens.length; n++, k = nextWord(doc, k)) {
    const t = doc.tokens[k];
    // "and said …" starts a report; "and wanted …" goes on with the same one.
    if (verbAt(doc, k, REPORTING)) return n === 0 ? verbAt(doc, k, SPEECH) !== undefined : true;
    if (!/^(?:PROPN|NOUN|PRON|DET|ADJ|ADV|AUX)$/.test(t.pos)) return false;
  }
  return false;
}

/** Whether a speech verb sits among tokens from..to. */
export function cueWithin(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (verbAt(doc, k)) return true;
  return false;
}

export const TO_OBJECT = new Set(['warn', 'urge', 'ask', 'tell', 'call', 'encourage', 'implore', 'press', 'remind', 'appeal', 'push', 'challenge']);

/** "warned officials to boost security" → "to boost security"; "raised questions about X" → "X"; "spoke emotionally of X" → "X". */
export function objectStart(doc: Doc, verb: number, from: number, end: number): number {
  const lemma = reportingVerb(doc.tokens[verb].lower)?.lemma ?? '';
  if (TO_OBJECT.has(lemma)) {
    for (let j = from, n = 0; j <= end && n < 7; j = nextWord(doc, j), n++) {
      const t = doc.tokens[j];
      if (t.lower === 'to' && t.pos === 'PART') return j;
      if (t.text === ',' || t.pos === 'VERB' || t.lower === 'that') break;
    }
  }
  let k = from;
  if (doc.tokens[k]?.pos === 'ADV' && COMPLEMENT_PREPS.has(doc.tokens[nextWord(doc, k)]?.lower ?? '')) k = nextWord(doc, k);
  if (doc.tokens[k]?.pos === 'NOUN' && ['about', 'over', 'on', 'against'].includes(doc.tokens[nextWord(doc, k)]?.lower ?? '')) k = nextWord(doc, k);
  if (COMPLEMENT_PREPS.has(doc.tokens[k]?.lower ?? '')) k = nextWord(doc, k);
  return k;
}

/** Skips a circumstantial phrase after a speech verb ("said in a statement on Friday that …"). */
export function pastCircumstance(doc: Doc, from: number, end: number): number {
  const t = doc.tokens[from];
  if (!t || t.pos !== 'ADP' || t.lower === 'that' || t.lower === 'to' || t.lower === 'whether' || SPEECH_PREPS.has(t.lower)) return from;
  for (let j = from, n = 0; j <= end && n < 16; j = nextWord(doc, j), n++) {
    if (doc.tokens[j].lower === 'that') return j;
    if (doc.tokens[j].text === ',') return nextWord(doc, j);
  }
  // "said after the convention he would …": a short phrase, then a clause that opens with its subject.
  let j = nextWord(doc, from);
  for (let n = 0; j <= end && n < 4 && /^(?:DET|NOUN|PROPN|ADJ|NUM)$/.test(doc.tokens[j].pos); n++) j = nextWord(doc, j);
  return j <= end && j > nextWord(doc, from) && doc.tokens[j].pos === 'PRON' && doc.tokens[j].lower !== 'it' ? j : -1;
}
