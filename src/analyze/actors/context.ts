// Shared state of one actors-stage run: the folded text, word tokens and who covers which characters.
import { firstEndingAfter, isBlankText, type Doc, type Token } from '../doc.js';
import { fold } from './phrase-index.js';

export interface ActorsContext {
  doc: Doc;
  folded: string;
  /** Tokens that are not white space, in order. */
  words: Token[];
  /** For each token index, its position in `words` (-1 for white space). */
  wordOf: Int32Array;
  /** For each character, the named actor (country, organisation, person) claiming it, plus one; 0 when none. */
  claimed: Int32Array;
  /** Characters of lexicon phrases that name no actor here ("in Bissau", "Latin America"): never part of a name. */
  placeOnly: Uint8Array;
}

export function newContext(doc: Doc): ActorsContext {
  const words: Token[] = [];
  const wordOf = new Int32Array(doc.tokens.length).fill(-1);
  for (const t of doc.tokens) {
    if (t.pos === 'SPACE' || isBlankText(t.text)) continue;
    wordOf[t.i] = words.length;
    words.push(t);
  }
  return { doc, folded: fold(doc.text), words, wordOf, claimed: new Int32Array(doc.text.length + 1), placeOnly: new Uint8Array(doc.text.length + 1) };
}

export function claim(ctx: ActorsContext, start: number, end: number, actor: number): void {
  ctx.claimed.fill(actor + 1, start, end);
}

/** The actor claiming a character offset, or -1. */
export function claimedAt(ctx: ActorsContext, offset: number): number {
  return offset >= 0 && offset < ctx.claimed.length ? ctx.claimed[offset] - 1 : -1;
}

/** The word before word k, or undefined for the first word (read without index -1, which would slow down every
 * read at that place in the code). */
export const wordBefore = (words: readonly Token[], k: number): Token | undefined => (k > 0 ? words[k - 1] : undefined);

/** Index in `words` of the first word starting at or after an offset. */
export const wordAt = (ctx: ActorsContext, offset: number): number => firstEndingAfter(ctx.words, offset);

export const isCapitalised = (s: string): boolean => {
  if (s.length === 0) return false; // (charCodeAt(0) of '' would be a read past the end)
  const n = s.charCodeAt(0);
  if (n < 128) return n >= 65 && n <= 90;
  return /^\p{Lu}/u.test(s);
};

/** True when upper-casing leaves a word as it is ("NATO", "U.S."); plain ASCII is read without a copy. */
export const isUpperCase = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const n = s.charCodeAt(i);
    if (n >= 128) return s === s.toUpperCase();
    if (n >= 97 && n <= 122) return false;
  }
  return true;
};

/** Words that say something was said (for pronoun and single-name decisions). */
/** Nouns of things said or put forward, whose author follows "by" or "from" ("calls from X", "a proposal by X"). */
export const SPEECH_NOUNS: ReadonlySet<string> = new Set([
  'call', 'calls', 'proposal', 'proposals', 'plan', 'demand', 'demands', 'request', 'appeal', 'offer', 'idea',
  'suggestion', 'statement', 'remarks', 'comments', 'warning', 'words', 'letter', 'tweet', 'message', 'speech', 'initiative',
]);

export const SPEECH_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'told', 'tells', 'added', 'adds', 'stated', 'states', 'noted', 'notes', 'wrote', 'writes',
  'argued', 'argues', 'warned', 'warns', 'insisted', 'insists', 'explained', 'explains', 'stressed', 'stresses',
  'asked', 'asks', 'replied', 'replies', 'responded', 'responds', 'announced', 'announces', 'declared', 'declares',
  'claimed', 'claims', 'suggested', 'suggests', 'tweeted', 'tweets', 'posted', 'continued', 'continues', 'recalled',
  'acknowledged', 'admitted', 'conceded', 'emphasized', 'emphasised', 'urged', 'urges', 'called', 'calls', 'proposed',
  'proposes', 'rejected', 'rejects', 'dismissed', 'dismisses', 'believes', 'believed', 'thinks', 'thought', 'agreed',
  'agrees', 'disagreed', 'countered', 'pointed', 'predicted', 'predicts', 'confirmed', 'confirms', 'denied', 'denies',
  'accused', 'accuses', 'criticized', 'criticised', 'praised', 'welcomed', 'welcomes', 'backed', 'backs', 'opposed',
  'opposes', 'supported', 'supports', 'vowed', 'vows', 'pledged', 'pledges', 'promised', 'promises', 'reported',
  'reports', 'described', 'describes', 'mentioned', 'observed', 'remarked', 'indicated', 'indicates', 'signaled',
  'signalled', 'hinted', 'charged', 'complained', 'lamented', 'joked', 'quipped', 'shouted', 'insisting', 'saying',
  'telling', 'adding', 'noting', 'writing', 'arguing', 'warning', 'according', 'outlined', 'unveiled', 'presented',
  'thanked', 'demanded', 'demands', 'requested', 'appealed', 'offered', 'blocked', 'vetoed', 'refused', 'ruled',
  'expressed', 'voiced', 'reiterated', 'repeated', 'echoed', 'wants', 'wanted', 'hopes', 'hoped', 'expects', 'expected',
]);
