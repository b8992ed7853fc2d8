// Token-level helpers for finding speech cues: reporting verbs, clause boundaries and the speaker's words around them.
import { isSpaceToken, objectList, type Doc, type Token } from '../doc.js';
import type { Span } from '../record.js';
import { DOCUMENT_NOUNS, reportingVerb, type VerbClass } from './lexicon.js';
import { ByLexeme, lexemesOf } from '../tokenize/lexemes.js';

export const QUOTE_MARKS = new Set(['“', '”', '"', '‘', '’', "'", '«', '»', '„']);
/** Whether a token's text is a quotation mark (checked by length first: most tokens are longer words). */
export const isQuoteMark = (text: string): boolean => text.length === 1 && QUOTE_MARKS.has(text);
export const SENTENCE_END = new Set(['.', '!', '?']);

/**
 * Token i, or undefined when i is outside the document (-1 from prevWord, tokens.length from nextWord). Checked, not
 * read past the end: an out-of-bounds read makes V8 throw away the compiled code of the function doing it.
 */
export const tokenOrNone = (doc: Doc, i: number): Token | undefined => (i >= 0 && i < doc.tokens.length ? doc.tokens[i] : undefined);

/**
 * Whether a token's text is the one character c (",", "."). Compared by char code: V8 compiles `text === ','` for
 * the kind of string it has met there, and a word of another kind (one first met in this article, say) then throws
 * the compiled code away.
 */
export const isChar = (text: string, c: string): boolean => text.length === 1 && text.charCodeAt(0) === c.charCodeAt(0);

/** Whitespace only (doc.ts isSpaceToken). */
export const isSpace = isSpaceToken;

/** A token glued to the one before it (wink-nlp splits "Jarosław" into pieces): not a word of its own. */
const isFragment = (doc: Doc, i: number): boolean =>
  (i > 0 && doc.tokens[i - 1].end === doc.tokens[i].start && /[\p{L}\-]$/u.test(doc.tokens[i - 1].text))
  || (i + 1 < doc.tokens.length && doc.tokens[i + 1].start === doc.tokens[i].end && /^[\p{L}]/u.test(doc.tokens[i + 1].text));

const MAKE = new Set(['make', 'makes', 'made', 'making']);
const CLASSES: readonly (VerbClass | undefined)[] = [undefined, 'speech', 'thought', 'object'];
const CODES: Record<VerbClass, number> = { speech: 1, thought: 2, object: 3 };
const classCache = new WeakMap<Doc, Uint8Array>();
/**
 * The document asked about last and its classes: the stage asks about one document thousands of times in a row,
 * and comparing it is far cheaper than a WeakMap (or WeakRef) look-up. Holds at most that one document.
 */
let recentDoc: Doc | undefined;
let recentCodes: Uint8Array | undefined;

/** Speech verbs only (the default of `verbAt`), and every reporting verb. */
export const SPEECH: readonly VerbClass[] = ['speech'];
export const REPORTING: readonly VerbClass[] = ['speech', 'thought', 'object'];

/** The reporting-verb class of every token, worked out in one scan per document and kept. */
function verbClasses(doc: Doc): Uint8Array {
  let codes = classCache.get(doc);
  if (!codes || codes.length !== doc.tokens.length) {
    codes = new Uint8Array(doc.tokens.length);
    const lexemes = lexemesOf(doc.tokens);
    for (let i = 0; i < doc.tokens.length; i++) {
      const cls = classify(doc, i, lexemes);
      if (cls) codes[i] = CODES[cls];
    }
    classCache.set(doc, codes);
  }
  recentDoc = doc;
  recentCodes = codes;
  return codes;
}

const startsAtoZ = (s: string): boolean => {
  const c = s.length > 0 ? s.charCodeAt(0) : 0;
  return c >= 97 && c <= 122;
};

/** Each word's entry as a reporting verb (kept per word), or null. */
const VERBS = new ByLexeme((text) => reportingVerb(text.toLowerCase()) ?? null);

function classify(doc: Doc, i: number, lexemes: readonly number[] | undefined): VerbClass | undefined {
  const t = doc.tokens[i];
  // "made (it) clear that …" reports speech like a verb.
  if (t.lower === 'clear') {
    let p = prevWordIndex(doc, i);
    if (p >= 0 && doc.tokens[p].lower === 'it') p = prevWordIndex(doc, p);
    return p >= 0 && MAKE.has(doc.tokens[p].lower) ? 'speech' : undefined;
  }
  // "“…,” the letter reads", "the statement read": a document's words, only after the document's noun.
  if (t.lower === 'reads' || t.lower === 'read') {
    const p = tokenOrNone(doc, prevWordIndex(doc, i));
    return p && (DOCUMENT_NOUNS.has(p.lower) || p.lower === 'article') ? 'speech' : undefined;
  }
  // Refused before the look-up: adjectives and names are no verbs here, and every verb form starts with a to z
  // (punctuation, numbers and spaces are most of the rest).
  if (t.pos === 'ADJ' || t.pos === 'PROPN' || !startsAtoZ(t.lower)) return undefined;
  const v = VERBS.of(doc.tokens, lexemes, i);
  if (!v) return undefined;
  if (isFragment(doc, i)) return undefined;
  // "Clinton plans to …" is tagged as a noun; after a name or pronoun it is the verb.
  if (t.pos === 'NOUN') {
    const p = tokenOrNone(doc, prevWordIndex(doc, i));
    const afterSubject = p && (p.pos === 'PROPN' || p.pos === 'PRON' || (p.pos === 'NOUN' && /s$/.test(p.lower)));
    if (!afterSubject) return undefined;
  }
  return v.cls;
}

/** The class of the reporting verb at token i when it is one of `classes`, or undefined. */
export function verbAt(doc: Doc, i: number, classes: readonly VerbClass[] = SPEECH): VerbClass | undefined {
  // The document asked about last is checked here, and the scan called only for another one: V8 then compiles this
  // look-up alone, not with the scan (and its rare branches) inlined into it.
  const codes = doc === recentDoc && recentCodes!.length === doc.tokens.length ? recentCodes! : verbClasses(doc);
  const cls = CLASSES[i >= 0 && i < codes.length ? codes[i] : 0];
  return cls && classes.includes(cls) ? cls : undefined;
}

const prevWordIndex = (doc: Doc, i: number): number => {
  let k = i - 1;
  while (k >= 0 && isSpace(doc.tokens[k])) k--;
  return k;
};

/** Splits a token range into comma-separated segments, each as a character span (punctuation trimmed). */
export function segments(doc: Doc, from: number, to: number): Span[] {
  const out = objectList<Span>();
  let s = -1;
  let e = -1;
  for (let i = from; i <= to; i++) {
    const t = doc.tokens[i];
    if (t.text === ',' || t.text === ';' || t.text === ':' || t.text === '—' || t.text === '–' || isQuoteMark(t.text)) {
      if (s >= 0) out.push({ start: s, end: e });
      else out.push({ start: t.start, end: t.start });
      s = -1;
      continue;
    }
    if (isSpace(t)) continue;
    if (s < 0) s = t.start;
    e = t.end;
  }
  if (s >= 0) out.push({ start: s, end: e });
  return out;
}

/** Index of the last non-space token before token i, or -1. */
export function prevWord(doc: Doc, i: number): number {
  let k = i - 1;
  while (k >= 0 && isSpace(doc.tokens[k])) k--;
  return k;
}

/** Index of the first non-space token after token i, or tokens.length. */
export function nextWord(doc: Doc, i: number): number {
  let k = i + 1;
  while (k < doc.tokens.length && isSpace(doc.tokens[k])) k++;
  return k;
}
