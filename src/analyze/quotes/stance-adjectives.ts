// Reported thought led by an adjective: "X was confident that …", "Y is concerned that …", "officials are adamant that …".
import { objectList, type Sentence } from '../doc.js';
import { speakerBeforeVerb } from './attribution.js';
import { nextWord, prevWord } from './cues.js';
import { contentEnd, contentSpan, lastWordOf, type IndirectQuote } from './content.js';
import type { SpeakerContext } from './speaker.js';

/** Adjectives of a speaker's state of mind that take a that-clause saying what they hold. */
const ADJECTIVES = new Set([
  'afraid', 'confident', 'convinced', 'concerned', 'worried', 'sure', 'certain', 'adamant', 'optimistic', 'hopeful',
  'skeptical', 'sceptical', 'pleased', 'glad', 'disappointed', 'angry', 'upset', 'furious', 'proud', 'satisfied',
  'unhappy', 'incensed', 'outraged', 'alarmed', 'insistent', 'doubtful', 'positive',
]);
const BE = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'remains', 'remained', 'seemed', 'appeared', 'felt', "'s", '’s', "'re", '’re']);
const DEGREE = new Set(['very', 'so', 'increasingly', 'deeply', 'absolutely', 'not', 'also', 'still', 'quite', 'fairly', 'more', 'less', 'equally', 'gravely', 'extremely']);

export function adjectiveCues(ctx: SpeakerContext, s: Sentence): IndirectQuote[] {
  const { doc } = ctx;
  const out = objectList<IndirectQuote>();
  const end = lastWordOf(doc, s);
  for (let k = s.first; k < end; k++) {
    const t = doc.tokens[k];
    if (!ADJECTIVES.has(t.lower)) continue;
    const that = nextWord(doc, k);
    if (that > end || doc.tokens[that].lower !== 'that') continue;
    k = adjectiveReport(ctx, s, k, that, end, out);
  }
  return out;
}

/**
 * Adds the report opened by the adjective at k (followed by "that") when a speaker goes with it; returns the word to
 * scan on from. Apart from the scan, which meets this rarely: V8 compiles the scan early, and each step of this part
 * met for the first time threw it away.
 */
function adjectiveReport(ctx: SpeakerContext, s: Sentence, k: number, that: number, end: number, out: IndirectQuote[]): number {
  const { doc } = ctx;
  // "X is (very) confident that": a form of "be" before the adjective, past degree words.
  let b = prevWord(doc, k);
  while (b > s.first && DEGREE.has(doc.tokens[b].lower)) b = prevWord(doc, b);
  if (b <= s.first || !BE.has(doc.tokens[b].lower)) return k;
  const sp = speakerBeforeVerb(ctx, s.first, b);
  if (!sp) return k;
  const to = contentEnd(doc, that, end, 'speech');
  const span = contentSpan(doc, that, to);
  if (!span) return k;
  out.push({ span, attr: { speaker: sp, cue: doc.tokens[k] }, hintOnly: false });
  return to;
}
