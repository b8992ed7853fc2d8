// Reported speech led by a noun: "Smith's claim that …", "her call for …", "expressed concern that …".
import { objectList, type Sentence } from '../doc.js';
import nounsData from './speech-nouns.json' with { type: 'json' };
import { speakerBeforeVerb } from './attribution.js';
import { isSpace, nextWord, prevWord } from './cues.js';
import { contentEnd, contentSpan, lastWordOf, type IndirectQuote } from './content.js';
import { speakerIn, type Speaker, type SpeakerContext } from './speaker.js';

const NOUNS = new Map<string, Set<string>>(Object.entries(nounsData.nouns as Record<string, string[]>).map(([n, c]) => [n, new Set(c)]));
const LIGHT_VERBS = new Set(nounsData.lightVerbs);
const POSSESSIVES = new Set(['his', 'her', 'their', 'its']);

/** Whether a word is a speech noun that may take `next` as the start of its content. */
export const nounTakes = (noun: string, next: string): boolean => NOUNS.get(noun)?.has(next) ?? false;

/** Who owns a speech noun: "Smith's", "her", or the subject of "expressed"/"raised"/"made" before it. */
function owner(ctx: SpeakerContext, s: Sentence, noun: number): Speaker | null {
  const { doc } = ctx;
  let k = prevWord(doc, noun);
  // Modifiers between owner and noun ("her renewed call", "Smith's repeated claims").
  for (let n = 0; k >= s.first && n < 2 && (doc.tokens[k].pos === 'ADJ' || (doc.tokens[k].pos === 'VERB' && /ed$/.test(doc.tokens[k].lower))); n++) k = prevWord(doc, k);
  if (k < s.first) return null;
  const t = doc.tokens[k];
  if (t.lower === '’s' || t.lower === "'s") {
    let from = k;
    for (let n = 0; from > s.first && n < 4; n++) {
      const p = prevWord(doc, from);
      if (p < s.first || !/^(?:PROPN|NOUN|ADJ|DET)$/.test(doc.tokens[p].pos)) break;
      from = p;
    }
    return from < k ? speakerIn(ctx, { start: doc.tokens[from].start, end: doc.tokens[k].start }) : null;
  }
  if (POSSESSIVES.has(t.lower)) {
    // Resolved like the matching pronoun.
    return speakerIn(ctx, { start: t.start, end: t.end });
  }
  if (t.pos === 'DET') k = prevWord(doc, k);
  if (k >= s.first && LIGHT_VERBS.has(doc.tokens[k].lower)) return speakerBeforeVerb(ctx, s.first, k);
  return null;
}

export function nounCues(ctx: SpeakerContext, s: Sentence): IndirectQuote[] {
  const { doc } = ctx;
  const out = objectList<IndirectQuote>();
  const end = lastWordOf(doc, s);
  for (let k = s.first; k < end; k++) {
    const t = doc.tokens[k];
    if (t.pos !== 'NOUN' || !NOUNS.has(t.lower)) continue;
    const c = nextWord(doc, k);
    if (c > end || !nounTakes(t.lower, doc.tokens[c].lower)) continue;
    const sp = owner(ctx, s, k);
    if (!sp) continue;
    const that = doc.tokens[c].lower === 'that';
    const from = that || doc.tokens[c].lower === 'to' ? c : nextWord(doc, c);
    if (from > end || isSpace(doc.tokens[from])) continue;
    const to = contentEnd(doc, from, end, that ? 'speech' : 'object');
    const span = contentSpan(doc, from, to, 1);
    if (!span) continue;
    out.push({ span, attr: { speaker: sp, cue: t }, hintOnly: false });
    k = to;
  }
  return out;
}

