// Reported speech framed by a cue around the clause: "…, X said.", "The talks, X said, will …", "As X noted, …", "According to X, …".
import type { Doc, Sentence } from '../doc.js';
import { speakerAfterVerb, speakerBeforeVerb } from './attribution.js';
import { isQuoteMark, nextWord, prevWord, tokenOrNone, verbAt } from './cues.js';
import { CLAUSE_BREAKS, adjunctOnly, contentSpan, hasVerb, lastWordOf, type IndirectQuote } from './content.js';
import { speakerIn, type SpeakerContext } from './speaker.js';

const TAIL_MAX = 30;
const PASSIVE_BE = new Set(['been', 'being', 'was', 'were', 'is', 'are', 'be']);

/** "…, X said." / "…, said X." / "…, according to X." at the end of a sentence. */
export function tailCue(ctx: SpeakerContext, s: Sentence): IndirectQuote | null {
  const { doc } = ctx;
  const end = lastWordOf(doc, s);
  // The cue closes the sentence: a colon after it introduces a quotation instead.
  if (doc.tokens[nextWord(doc, end)]?.text === ':') return null;
  // Walking back from the end, the speech verb nearest after the current token (-1 while none is seen).
  let verb = -1;
  for (let c = end, n = 0; c > s.first && n < TAIL_MAX; c--, n++) {
    const t = doc.tokens[c];
    if (isQuoteMark(t.text)) return null;
    if (t.text !== ',') {
      if (verbAt(doc, c)) verb = c;
      continue;
    }
    const after = nextWord(doc, c);
    if (after > end) return null;
    const content = () => contentSpan(doc, bodyStart(doc, s), c - 1);
    if (doc.tokens[after].lower === 'according' && doc.tokens[nextWord(doc, after)]?.lower === 'to') {
      const to = nextWord(doc, after);
      const span = content();
      if (!span) return null;
      const sp = speakerIn(ctx, { start: doc.tokens[nextWord(doc, to)].start, end: doc.tokens[end].end });
      return { span, attr: sp ? { speaker: sp, cue: { start: doc.tokens[after].start, end: doc.tokens[to].end } } : null, hintOnly: false };
    }
    // No verb after this comma: it may set off an appositive of the speaker; look for an earlier one.
    if (verb < 0) continue;
    const v = verb;
    // "…, the plan has barely been mentioned in the race": a passive reports nobody's words.
    let b = prevWord(doc, v);
    while (b > after && doc.tokens[b].pos === 'ADV') b = prevWord(doc, b);
    if (PASSIVE_BE.has(tokenOrNone(doc, b)?.lower ?? '')) return null;
    // Only a closing cue: after "X said" nothing but a short adjunct ("on Friday", "in a statement");
    // after "said X" the name, and then perhaps an appositive (", a longtime adviser who …").
    let stop = end;
    if (v === after) for (let k = nextWord(doc, v); k <= end; k = nextWord(doc, k)) if (doc.tokens[k].text === ',') { stop = k - 1; break; }
    if (!adjunctOnly(doc, v + 1, stop, v !== after)) return null;
    const span = content();
    // What comes before the comma must be a clause ("the talks failed"), not the speaker's own name and titles.
    if (!span || !hasVerb(doc, s.first, c - 1)) return null;
    const sp = v === after ? speakerAfterVerb(ctx, v) : speakerBeforeVerb(ctx, after, v);
    if (!sp) return null;
    return { span, attr: { speaker: sp, cue: doc.tokens[v] }, hintOnly: false };
  }
  return null;
}

/** "The talks, the minister said, will resume in May": a cue set off by commas inside the sentence it reports. */
export function midCue(ctx: SpeakerContext, s: Sentence): IndirectQuote | null {
  const { doc } = ctx;
  const end = lastWordOf(doc, s);
  let verb = s.first;
  while (verb < end && !verbAt(doc, verb)) verb++;
  if (verb >= end) return null;
  for (let c = nextWord(doc, s.first); c < verb; c = nextWord(doc, c)) {
    const t = doc.tokens[c];
    if (isQuoteMark(t.text)) return null;
    if (t.text !== ',') continue;
    // The speaker and the verb, then a comma: ", the minister said," / ", he added on Friday,".
    let v = -1;
    let k = nextWord(doc, c);
    for (let n = 0; k < end && n < 12; n++, k = nextWord(doc, k)) {
      if (doc.tokens[k].text === ',' || isQuoteMark(doc.tokens[k].text)) break;
      if (v < 0 && verbAt(doc, k)) v = k;
    }
    if (v < 0 || doc.tokens[k]?.text !== ',' || v === nextWord(doc, c)) continue;
    if (!adjunctOnly(doc, v + 1, k - 1, true) && nextWord(doc, v) !== k) continue;
    const found = midCueReport(ctx, s, c, v, k, end);
    if (found) return found;
  }
  return null;
}

/**
 * The report around a cue set off by the commas at c and k (verb v), or null. Apart from midCue's scan, which meets
 * this rarely: V8 compiles the scan early, and each step of this part met for the first time threw it away.
 */
function midCueReport(ctx: SpeakerContext, s: Sentence, c: number, v: number, k: number, end: number): IndirectQuote | null {
  const { doc } = ctx;
  const from = bodyStart(doc, s);
  const rest = nextWord(doc, k);
  if (!hasVerb(doc, rest, end) && !hasVerb(doc, from, c - 1)) return null;
  const sp = speakerBeforeVerb(ctx, nextWord(doc, c), v);
  if (!sp) return null;
  // "…, the minister announced, ending months of doubt": the cue closes the report; the participle is the reporter's.
  const r = doc.tokens[rest];
  const closes = r.lower !== 'and' && (CLAUSE_BREAKS.has(r.lower) || (r.pos === 'VERB' && /ing$/.test(r.lower)));
  const span = contentSpan(doc, from, closes ? c - 1 : end);
  if (!span) return null;
  return { span, attr: { speaker: sp, cue: doc.tokens[v] }, hintOnly: false };
}

/** The first token of a sentence after a dateline ("STOCKHOLM — ", "GENEVA (Reuters) - "). */
export function bodyStart(doc: Doc, s: Sentence): number {
  // A place in capitals opens it; a date or an agency may follow ("ISTANBUL, April 2 –", "KYIV (Reuters) -").
  if (!/^[\p{Lu}.\-]{3,}$/u.test(doc.tokens[s.first].text)) return s.first;
  for (let k = nextWord(doc, s.first), n = 0; k < s.last && n < 8; k = nextWord(doc, k), n++) {
    const t = doc.tokens[k];
    if (t.text === '—' || t.text === '–' || t.text === '-' || t.text === '--') return nextWord(doc, k);
    if (!/^[\p{Lu}\p{N}(),.\/]/u.test(t.text)) return s.first;
  }
  return s.first;
}

/** "As the minister noted, …" / "As X put it on Monday, …" opening a sentence: what follows the comma. */
export function asHead(ctx: SpeakerContext, s: Sentence): IndirectQuote | null {
  const { doc } = ctx;
  const first = bodyStart(doc, s);
  if (doc.tokens[first]?.lower !== 'as') return null;
  const end = lastWordOf(doc, s);
  let v = -1;
  let k = nextWord(doc, first);
  for (let n = 0; k < end && n < 12 && doc.tokens[k].text !== ','; n++, k = nextWord(doc, k)) {
    if (v < 0 && (verbAt(doc, k) || (doc.tokens[k].lower === 'put' && doc.tokens[nextWord(doc, k)]?.lower === 'it'))) v = k;
  }
  if (v < 0 || doc.tokens[k]?.text !== ',' || v === nextWord(doc, first)) return null;
  const sp = speakerBeforeVerb(ctx, nextWord(doc, first), v);
  const span = contentSpan(doc, nextWord(doc, k), end);
  if (!sp || !span || !hasVerb(doc, nextWord(doc, k), end)) return null;
  return { span, attr: { speaker: sp, cue: doc.tokens[v] }, hintOnly: false };
}

/** "According to X, …" opening a sentence. */
export function accordingHead(ctx: SpeakerContext, s: Sentence): IndirectQuote | null {
  const { doc } = ctx;
  const a = doc.tokens[s.first];
  if (a.lower !== 'according' || doc.tokens[nextWord(doc, s.first)]?.lower !== 'to') return null;
  const to = nextWord(doc, s.first);
  let c = to + 1;
  while (c <= s.last && doc.tokens[c].text !== ',') c++;
  if (c > s.last) return null;
  const sp = speakerIn(ctx, { start: doc.tokens[nextWord(doc, to)].start, end: doc.tokens[c].start });
  const content = contentSpan(doc, c + 1, lastWordOf(doc, s));
  if (!content) return null;
  return { span: content, attr: sp ? { speaker: sp, cue: { start: a.start, end: doc.tokens[to].end } } : null, hintOnly: false };
}
