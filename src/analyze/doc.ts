// The document every analyser stage reads and extends: the text, its tokens and the layers added so far.
import type { ActorKind, Article, QuoteKind, RecordDecision, Span, StanceLabel } from './record.js';
import type { Knowledge } from './knowledge.js';

export interface Token {
  i: number;
  start: number;
  end: number;
  text: string;
  lower: string;
  /** wink-nlp's lemma, lower case ("rejected" → "reject", "was" → "be"), when tokenized with lemmas (tokenizeDoc); else ''. */
  lemma: string;
  /** Universal part-of-speech tag from wink-nlp (PROPN, NOUN, VERB, PUNCT, SPACE, …). */
  pos: string;
  sentence: number;
  /** Index in doc.tokens of the token's syntactic head (parse stage); -1 for a sentence's root and for white space. */
  head: number;
  /** Universal Dependencies relation to the head, with its subtype ('nsubj:pass', 'obl:agent'); '' for white space. */
  rel: string;
}

export interface Sentence {
  i: number;
  start: number;
  end: number;
  /** Index of the first and last token (inclusive). */
  first: number;
  last: number;
  paragraph: number;
}

export type MentionVia =
  | 'name' | 'alias' | 'demonym' | 'capital' | 'phrase' | 'surname' | 'title' | 'pronoun' | 'group';

export interface Mention extends Span {
  actor: number;
  via: MentionVia;
}

export interface Actor {
  key: string;
  kind: ActorKind;
  name: string;
  role: string | null;
  country: string | null;
  organization: string | null;
  represents: string | null;
  mentions: Mention[];
}

export interface Quote extends Span {
  kind: QuoteKind;
  /** Actor index of the speaker, when known. */
  speaker: number | null;
  /** The span naming the speaker in the text (a name, a pronoun, "officials"). */
  speakerSpan: Span | null;
  /** The speech verb or cue ("said", "told", "according to"). */
  cue: Span | null;
  sentence: number;
}

export interface Proposal {
  summary: string;
  /** A slug of what is proposed, stable within the article. */
  key: string;
  proposer: number | null;
  body: string | null;
  mentions: Span[];
  /** The reported vote that decided it (votes stage); absent when the article reports none. */
  decision?: RecordDecision;
}

export interface Stance {
  holder: number;
  proposal: number;
  stance: StanceLabel;
  condition: string | null;
  confidence: number;
  date: string | null;
  evidence: Span;
  quote: number | null;
  /** Span that tells when it was expressed ("on Wednesday"), resolved by the dates stage; null when none. */
  when: Span | null;
}

export interface Doc {
  article: Article;
  /** The text as analysed: article.text up to the length cap. */
  text: string;
  knowledge: Knowledge;
  tokens: Token[];
  sentences: Sentence[];
  actors: Actor[];
  quotes: Quote[];
  proposals: Proposal[];
  stances: Stance[];
  warnings: string[];
}

export function newDoc(article: Article, text: string, knowledge: Knowledge): Doc {
  return {
    article, text, knowledge, tokens: objectList(), sentences: objectList(), actors: objectList(), quotes: objectList(),
    proposals: objectList(), stances: objectList(), warnings: objectList(),
  };
}

/**
 * An empty array of the kind V8 gives a filled array of objects (or strings). `[]`, and an empty map() or filter()
 * result, start as arrays of small integers, another kind: code compiled on filled layers throws itself away on
 * meeting an empty one (an article with no stance), so layers are made of the one kind, empty or not.
 */
export function objectList<T extends object | string>(): T[] {
  const list: (T | null)[] = [null];
  list.pop();
  return list as T[];
}

/** The list, or an empty one of the same kind as a filled one (see objectList). */
export const asObjectList = <T extends object | string>(list: T[]): T[] => (list.length > 0 ? list : objectList<T>());

export type ActorDraft = Omit<Actor, 'mentions'>;

/** Adds an actor (or finds the one with the same key, filling its empty fields) and returns its index. */
export function addActor(doc: Doc, draft: ActorDraft): number {
  const i = actorIndex(doc, draft.key);
  if (i >= 0) {
    const a = doc.actors[i];
    a.role ??= draft.role;
    a.country ??= draft.country;
    a.organization ??= draft.organization;
    a.represents ??= draft.represents;
    return i;
  }
  // Fields written out (not spread): one object shape for every actor, and several times cheaper.
  const { key, kind, name, role, country, organization, represents } = draft;
  doc.actors.push({ key, kind, name, role, country, organization, represents, mentions: [] });
  const keys = keysOf.get(doc.actors);
  if (keys && keys.size === doc.actors.length - 1) keys.set(draft.key, doc.actors.length - 1);
  return doc.actors.length - 1;
}

/** Each actor list's index by key, so that finding an actor stays cheap on long articles. */
const keysOf = new WeakMap<Actor[], Map<string, number>>();

/** Index of the actor with a key, or -1 (the index is rebuilt when the list was changed by hand). */
export function actorIndex(doc: Doc, key: string): number {
  let keys = keysOf.get(doc.actors);
  if (!keys || keys.size !== doc.actors.length) {
    keys = new Map();
    doc.actors.forEach((a, i) => { if (!keys!.has(a.key)) keys!.set(a.key, i); });
    keysOf.set(doc.actors, keys);
  }
  const i = keys.get(key);
  if (i !== undefined && doc.actors[i]?.key === key) return i;
  if (i !== undefined) { keysOf.delete(doc.actors); return doc.actors.findIndex((a) => a.key === key); }
  return -1;
}

/** Spans already recorded in each actor's mention list, so that adding one stays cheap on long articles. */
const spansOf = new WeakMap<Mention[], Set<number>>();
const spanKey = (start: number, end: number) => start * 4_194_304 + (end - start);

/** Records a mention of an actor unless the same span is already recorded for it. */
export function addMention(doc: Doc, actor: number, span: Span, via: MentionVia): void {
  const ms = doc.actors[actor].mentions;
  let seen = spansOf.get(ms);
  if (!seen || seen.size !== ms.length) {
    // First use, or the list was changed by hand: index it afresh.
    seen = new Set(ms.map((m) => spanKey(m.start, m.end)));
    spansOf.set(ms, seen);
  }
  const key = spanKey(span.start, span.end);
  if (seen.has(key)) return;
  seen.add(key);
  ms.push({ start: span.start, end: span.end, actor, via });
}

/** All mentions of all actors, in text order. */
export function allMentions(doc: Doc): Mention[] {
  return doc.actors.flatMap((a) => a.mentions).sort((x, y) => x.start - y.start || y.end - x.end);
}

/** Index of the sentence holding a character offset (binary search), or -1. */
export function sentenceAt(doc: Doc, offset: number): number {
  let lo = 0;
  let hi = doc.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = doc.sentences[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Index of the first of `items` (sorted spans) that ends after `offset` (binary search); items.length if none. */
export function firstEndingAfter(items: readonly { end: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first token starting at or after a character offset (or holding it). */
export const tokenAt = (doc: Doc, offset: number): number => firstEndingAfter(doc.tokens, offset);

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
export const within = (inner: Span, outer: Span): boolean => inner.start >= outer.start && inner.end <= outer.end;

/** True for a token of white space only (by char code first: almost every token starts with a printable ASCII character). */
export function isBlankText(s: string): boolean {
  const n = s.charCodeAt(0);
  if (n > 32 && n < 128) return false;
  return s.trim() === '';
}

/** A token of white space: tagged SPACE, or (rarely) untagged white space. */
export const isSpaceToken = (t: Token): boolean => t.pos === 'SPACE' || isBlankText(t.text);

/** True when a line break stands between two offsets of the text. */
export function lineBreakBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === 10) return true;
  return false;
}
