// Stage: split the text into sentences and tokens (wink-nlp), with character offsets and part of speech.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { isSpaceToken, lineBreakBetween, type Doc, type Sentence, type Token } from '../doc.js';
import type { Stage } from '../stage.js';
import { setLexemes } from './lexemes.js';

const nlp = winkNLP(model, ['sbd', 'pos']);
const its = nlp.its;

interface WinkCache { lookup(text: string): number[] | null; add(text: string, category: number): number; intrinsicSize(): number; value(lexeme: number): string }
type ItsValue = (index: number, rdd: { cache: WinkCache }) => string;

/**
 * What wink-eng-lite-web-model's tokenizer takes for a plain word (its first token-category detector, category
 * "word"); tokenize.test.ts checks that the model still says so.
 */
export const PLAIN_WORD = /^[a-z\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF\u0300-\u036f\u2060]+$/i;

/**
 * Makes wink-nlp's tokenizer forget the words it learns as it reads. Out of the box, a word it first meets whole
 * (as "Trump's" before a full stop) is learnt, and from then on that process no longer splits "Trump's" into
 * "Trump" and "'s"; the same article was tokenized differently depending on what was read before it (in another
 * worker, in another order). Here the tokenizer's whole-word lookup sees only the model's own lexicon, as in a
 * fresh process, so an article's tokens depend on its text alone. wink-nlp hands its cache only to `its` helpers,
 * so the cache is reached through one call of `its.value`.
 *
 * A learnt plain word (letters only, of the Latin-1 range: "Zelenskyy", "Sánchez"; not "Erdoğan") stays visible, for speed: hiding it sends every
 * later occurrence through wink-nlp's slow path for unknown words, which for such a word ends in the very same
 * single token (the tokenizer files it as a "word" and adds it whole; inside a word with dots or hyphens its
 * lookups decide nothing: see the note in tokenize.test.ts). Only learnt words with other characters, whose
 * lookup decides how a piece is split, are hidden.
 */
function forgetLearntWords(): WinkCache {
  const helpers = its as unknown as { value: ItsValue };
  const original = helpers.value;
  let cache: WinkCache | undefined;
  helpers.value = (index, rdd) => { cache = rdd.cache; return original(index, rdd); };
  try {
    nlp.readDoc('x').tokens().out();
  } finally {
    helpers.value = original;
  }
  if (!cache) throw new Error('wink-nlp: could not reach the lexicon cache (has its API changed?)');
  const known = cache.intrinsicSize();
  const { lookup, add } = cache;
  // While a word is being added, the model's feature functions look words up too: they see everything.
  let adding = 0;
  cache.add = (text, category) => {
    adding++;
    try { return add(text, category); } finally { adding--; }
  };
  cache.lookup = (text) => {
    const found = lookup(text);
    return adding === 0 && found !== null && found.length === 1 && found[0] >= known && !PLAIN_WORD.test(text) ? null : found;
  };
  return cache;
}
/** wink-nlp's lexicon: a token's text is the lexicon's string for its lexeme number (what `its.value` reads). */
const lexicon = forgetLearntWords();

/** Adds the sentence of tokens first..upTo (white space at its end left out) and marks its tokens with it. */
function addSentence(tokens: Token[], sentences: Sentence[], first: number, upTo: number): void {
  let last = upTo;
  while (last > first && isSpaceToken(tokens[last])) last--;
  const s: Sentence = { i: sentences.length, start: tokens[first].start, end: tokens[last].end, first, last, paragraph: 0 };
  for (let k = first; k <= last; k++) tokens[k].sentence = s.i;
  sentences.push(s);
}


/**
 * wink-nlp's part of speech for words already split (a treebank's words): the words are read joined by single spaces;
 * a word wink-nlp splits takes the tag of its first piece that is not punctuation ("(EU)": PROPN, "cannot": AUX), else
 * of its first, and words it joins share the tag of the joined token. (Passing over symbols too, "$50": NUM rather than
 * SYM, made the parser trained on these tags no better on EWT dev.)
 */
export function tagWords(words: readonly string[]): string[] {
  const text = words.join(' ');
  const wdoc = nlp.readDoc(text);
  const values = wdoc.tokens().out(its.value) as string[];
  const spaces = wdoc.tokens().out(its.precedingSpaces) as string[];
  const pos = wdoc.tokens().out(its.pos) as string[];
  const tags: string[] = [];
  let t = 0; // first wink token not yet wholly before the current word
  let offset = spaces.length > 0 ? spaces[0].length : 0; // start of wink token t
  let start = 0; // start of the current word
  for (const word of words) {
    const end = start + word.length;
    // Skip wink tokens that end before this word starts.
    while (t < values.length && offset + values[t].length <= start) {
      t++;
      if (t < values.length) offset += values[t - 1].length + spaces[t].length;
    }
    let tag = t < values.length ? pos[t] : 'X';
    // Among the tokens inside the word, the first that is not punctuation.
    let k = t;
    let at = offset;
    while (k < values.length && at < end) {
      if (pos[k] !== 'PUNCT' && pos[k] !== 'SPACE') { tag = pos[k]; break; }
      if (k + 1 < values.length) at += values[k].length + spaces[k + 1].length;
      k++;
    }
    tags.push(tag);
    start = end + 1;
  }
  return tags;
}

export const tokenize: Stage = {
  name: 'tokenize',
  reads: [],
  adds: ['tokens', 'sentences'],
  run(doc: Doc) { tokenizeDoc(doc, false); },
};

/**
 * Tokenizes a document. Lemmas (wink-nlp's) cost about 15 % of its own pass and no analyser stage reads them: only
 * when asked (the parse command prints them), else ''.
 */
export function tokenizeDoc(doc: Doc, withLemmas: boolean): void {
  const text = doc.text;
  const wdoc = nlp.readDoc(text);
  // Each token's lexeme number, and its text read from the lexicon by that number (as `its.value` does).
  const lexemes = wdoc.tokens().out(its.uniqueId) as unknown as number[];
  const values: string[] = [];
  for (const id of lexemes) values.push(lexicon.value(id));
  const spaces = wdoc.tokens().out(its.precedingSpaces) as string[];
  const pos = wdoc.tokens().out(its.pos) as string[];
  // wink-nlp's typings give its.lemma another signature than the other helpers, though it is used the same way.
  const lemmas = withLemmas ? wdoc.tokens().out(its.lemma as unknown as typeof its.pos) as string[] : null;
  // Filled by push, not `new Array(n)`: a holey array would give the tokens a second array kind in every reader.
  const tokens: Token[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    offset += spaces[i].length;
    let start = offset;
    // wink-nlp keeps every character, but guard against drift anyway.
    if (text.startsWith(values[i], start) === false) {
      const found = text.indexOf(values[i], start);
      start = found >= 0 ? found : start;
    }
    const end = start + values[i].length;
    tokens.push({ i, start, end, text: values[i], lower: values[i].toLowerCase(), lemma: lemmas ? lemmas[i] : '', pos: pos[i], sentence: 0, head: -1, rel: '' });
    offset = end;
  }
  // Sentence boundaries: wink-nlp's, plus every line break (headlines and captions carry no full stop).
  const spans = wdoc.sentences().out(its.span) as unknown as [number, number][];
  const breakAfter = new Uint8Array(tokens.length);
  for (const [, last] of spans) breakAfter[last] = 1;
  for (const t of tokens) if (t.pos === 'SPACE' && t.text.includes('\n')) breakAfter[t.i] = 1;
  const sentences: Sentence[] = [];
  let first = -1;
  for (let t = 0; t < tokens.length; t++) {
    if (first < 0 && !isSpaceToken(tokens[t])) first = t;
    if (breakAfter[t] && first >= 0) { addSentence(tokens, sentences, first, t); first = -1; }
  }
  if (first >= 0) addSentence(tokens, sentences, first, tokens.length - 1);
  // A line break between two sentences starts a new paragraph.
  let paragraph = 0;
  for (let k = 1; k < sentences.length; k++) {
    if (lineBreakBetween(text, sentences[k - 1].end, sentences[k].start)) paragraph++;
    sentences[k].paragraph = paragraph;
  }
  // Spaces between sentences belong to the sentence before them.
  for (let t = 1; t < tokens.length; t++) if (tokens[t].pos === 'SPACE' && tokens[t].start >= (sentences[tokens[t - 1].sentence]?.end ?? 0)) tokens[t].sentence = tokens[t - 1].sentence;
  doc.tokens = tokens;
  doc.sentences = sentences;
  setLexemes(tokens, lexemes);
}
