// Finds reported speech ("X said (that) …", "…, X said.", "according to X, …", "NAME: …") and its speaker.
import type { Doc, Sentence } from '../doc.js';
import type { Span } from '../record.js';
import { speakerAfterVerb, speakerBeforeVerb } from './attribution.js';
import { QUOTE_MARKS, isSpace, nextWord, prevWord, verbAt } from './cues.js';
import { CLAUSE_BREAKS, adjunctOnly, contentSpan, hasVerb, lastWordOf, type IndirectQuote } from './content.js';
import { NOT_SPEAKERS } from './lexicon.js';
import { speakerIn, type SpeakerContext } from './speaker.js';
import { nounCues } from './nominal.js';
import { adjectiveCues } from './stance-adjectives.js';
import { verbCues } from './verb-cues.js';

export type { IndirectQuote } from './content.js';

const TAIL_MAX = 30;
const PASSIVE_BE = new Set(['been', 'being', 'was', 'were', 'is', 'are', 'be']);

/** "…, X said." / "…, said X." / "…, according to X." at the end of a sentence. */
function tailCue(ctx: SpeakerContext, s: Sentence): IndirectQuote | null {
  const { doc } = ctx;
  const end = lastWordOf(doc, s);
  // The cue closes the sentence: a colon after it introduces a quotation instead.
  if (doc.tokens[nextWord(doc, end)]?.text === ':') return null;
  for (let c = end, n = 0; c > s.first && n < TAIL_MAX; c--, n++) {
    const t = doc.tokens[c];
    if (QUOTE_MARKS.has(t.text)) return null;
    if (t.text !== ',') continue;
    const after = nextWord(doc, c);
    if (after > end) return null;
    const content = () => contentSpan(doc, bodyStart(doc, s), c - 1);
    if (doc.tokens[after].lower === 'according' && doc.tokens[nextWord(doc, after)]?.lower === 'to') {
      const to = nextWord(doc, after);
      const span = content();
      if (!span) return null;
      const sp = speakerIn(ctx, { start: doc.tokens[nextWord(doc, to)].start, end: doc.tokens[end].end });
      return { span, attr: sp ? { speaker: sp, cue: { start: doc.tokens[after].start, end: doc.tokens[to].end } } : null };
    }
    let cue = false;
    for (let v = after; v <= end; v = nextWord(doc, v)) {
      if (!verbAt(doc, v)) continue;
      // "…, the plan has barely been mentioned in the race": a passive reports nobody's words.
      let b = prevWord(doc, v);
      while (b > after && doc.tokens[b].pos === 'ADV') b = prevWord(doc, b);
      if (PASSIVE_BE.has(doc.tokens[b]?.lower ?? '')) return null;
      cue = true;
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
      return { span, attr: { speaker: sp, cue: doc.tokens[v] } };
    }
    // No verb after this comma: it may set off an appositive of the speaker; look for an earlier one.
    if (cue) return null;
  }
  return null;
}

/** "The talks, the minister said, will resume in May": a cue set off by commas inside the sentence it reports. */
function midCue(ctx: SpeakerContext, s: Sentence): IndirectQuote | null {
  const { doc } = ctx;
  const end = lastWordOf(doc, s);
  let verb = s.first;
  while (verb < end && !verbAt(doc, verb)) verb++;
  if (verb >= end) return null;
  for (let c = nextWord(doc, s.first); c < verb; c = nextWord(doc, c)) {
    const t = doc.tokens[c];
    if (QUOTE_MARKS.has(t.text)) return null;
    if (t.text !== ',') continue;
    // The speaker and the verb, then a comma: ", the minister said," / ", he added on Friday,".
    let v = -1;
    let k = nextWord(doc, c);
    for (let n = 0; k < end && n < 8; n++, k = nextWord(doc, k)) {
      if (doc.tokens[k].text === ',' || QUOTE_MARKS.has(doc.tokens[k].text)) break;
      if (v < 0 && verbAt(doc, k)) v = k;
    }
    if (v < 0 || doc.tokens[k]?.text !== ',' || v === nextWord(doc, c)) continue;
    if (!adjunctOnly(doc, v + 1, k - 1, true) && nextWord(doc, v) !== k) continue;
    const from = bodyStart(doc, s);
    const rest = nextWord(doc, k);
    if (!hasVerb(doc, rest, end) && !hasVerb(doc, from, c - 1)) continue;
    const sp = speakerBeforeVerb(ctx, nextWord(doc, c), v);
    if (!sp) continue;
    // "…, the minister announced, ending months of doubt": the cue closes the report; the participle is the reporter's.
    const r = doc.tokens[rest];
    const closes = r.lower !== 'and' && (CLAUSE_BREAKS.has(r.lower) || (r.pos === 'VERB' && /ing$/.test(r.lower)));
    const span = contentSpan(doc, from, closes ? c - 1 : end);
    if (!span) continue;
    return { span, attr: { speaker: sp, cue: doc.tokens[v] } };
  }
  return null;
}

/** The first token of a sentence after a dateline ("STOCKHOLM — ", "GENEVA (Reuters) - "). */
export function bodyStart(doc: Doc, s: Sentence): number {
  for (let k = s.first, n = 0; k < s.last && n < 8; k = nextWord(doc, k), n++) {
    const t = doc.tokens[k];
    if (t.text === '—' || t.text === '–' || t.text === '-' || t.text === '--') return n > 0 ? nextWord(doc, k) : s.first;
    if (!/^[\p{Lu}\p{N}(),.]/u.test(t.text) || (/\p{Ll}/u.test(t.text) && t.text !== 'Reuters' && t.text !== 'AP' && t.text !== 'AFP')) return s.first;
  }
  return s.first;
}

/** "As the minister noted, …" / "As X put it on Monday, …" opening a sentence: what follows the comma. */
function asHead(ctx: SpeakerContext, s: Sentence): IndirectQuote | null {
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
  return { span, attr: { speaker: sp, cue: doc.tokens[v] } };
}

/** "According to X, …" opening a sentence. */
function accordingHead(ctx: SpeakerContext, s: Sentence): IndirectQuote | null {
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
  return { span: content, attr: sp ? { speaker: sp, cue: { start: a.start, end: doc.tokens[to].end } } : null };
}

/** "PENCE: …" and "Poll: …": a paragraph or headline that opens with a name and a colon. */
function colonLead(ctx: SpeakerContext, s: Sentence): IndirectQuote | null {
  const { doc } = ctx;
  let k = s.first;
  if (QUOTE_MARKS.has(doc.tokens[k].text)) k = nextWord(doc, k);
  const nameStart = k;
  for (let n = 0; n < 4 && k <= s.last; n++, k = nextWord(doc, k)) {
    const t = doc.tokens[k];
    if (t.text === ':') {
      if (n === 0) return null;
      const lead = { start: doc.tokens[nameStart].start, end: doc.tokens[prevWord(doc, k)].end };
      const leadText = doc.text.slice(lead.start, lead.end).toLowerCase();
      if (NOT_SPEAKERS.has(leadText) || NOT_SPEAKERS.has(leadText.split(/\s+/).pop() ?? '')) return null;
      const sp = speakerIn(ctx, lead);
      let last = s;
      for (let j = s.i + 1; j < doc.sentences.length && !startsParagraph(doc, doc.sentences[j]); j++) last = doc.sentences[j];
      let to = last.last;
      while (to > k && (isSpace(doc.tokens[to]) || QUOTE_MARKS.has(doc.tokens[to].text))) to--;
      const content = contentSpan(doc, k + 1, to);
      if (!content || !sp) return null;
      return { span: content, attr: { speaker: sp, cue: t } };
    }
    if (!/^\p{Lu}/u.test(t.text) && t.text !== '.') return null;
  }
  return null;
}

/** Whether a sentence is in the headline: a first line without a closing full stop, with more text below. */
function inHeadline(doc: Doc, s: Sentence): boolean {
  if (s.paragraph !== 0) return false;
  const nl = doc.text.indexOf('\n', s.start);
  if (nl < 0) return false;
  const line = doc.text.slice(0, nl).trimEnd();
  return !/[.!?”"’']$/.test(line);
}

/** Whether a line break separates a sentence from the one before it. */
export const startsParagraph = (doc: Doc, s: Sentence): boolean =>
  s.i === 0 || doc.text.slice(doc.sentences[s.i - 1].end, s.start).includes('\n');

/** "Smith added:" closing a paragraph, then the next paragraph without quotation marks: that paragraph is what was said. */
function colonBlock(ctx: SpeakerContext, s: Sentence): IndirectQuote | null {
  const { doc } = ctx;
  if (doc.tokens[s.last]?.text !== ':') return null;
  const next = doc.sentences[s.i + 1];
  if (!next || !startsParagraph(doc, next) || QUOTE_MARKS.has(doc.tokens[next.first].text)) return null;
  for (let v = s.first; v < s.last; v++) {
    if (!verbAt(doc, v) && doc.tokens[v].lower !== 'continued') continue;
    const sp = speakerBeforeVerb(ctx, s.first, v) ?? speakerAfterVerb(ctx, v);
    if (!sp) return null;
    let last = next;
    for (let k = next.i + 1; k < doc.sentences.length && !startsParagraph(doc, doc.sentences[k]); k++) last = doc.sentences[k];
    const span = contentSpan(doc, next.first, last.last);
    return span ? { span, attr: { speaker: sp, cue: doc.tokens[v] } } : null;
  }
  return null;
}

/** Whether a span overlaps any of `spans` (sorted by start, not overlapping each other): binary search. */
function overlapsAny(span: Span, spans: Span[]): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  return lo < spans.length && spans[lo].start < span.end;
}

/**
 * Whether reported words may keep a quotation they overlap: a partial quote woven into them ("said the bloc
 * “cannot keep watching”") stays inside; a quoted sentence of its own, or one the span starts inside, does not.
 */
function clashes(span: Span, marked: MarkedQuote[], from: number): boolean {
  for (let i = from; i < marked.length; i++) {
    const q = marked[i];
    if (q.start >= span.end) break;
    if (q.end <= span.start) continue;
    if (q.kind === 'direct' || q.start <= span.start + 1 || q.end - q.start > (span.end - span.start) * 0.8) return true;
  }
  return false;
}

export interface MarkedQuote extends Span {
  kind: 'direct' | 'partial' | 'indirect';
}

export function findIndirect(ctx: SpeakerContext, marked: MarkedQuote[]): IndirectQuote[] {
  const { doc } = ctx;
  const out: IndirectQuote[] = [];
  let m = 0; // marked spans are in text order, and so are sentences: walk both once
  for (const s of doc.sentences) {
    while (m < marked.length && marked[m].end + 2 < s.start) m++;
    // Sentences inside a quotation are the speaker's own words, not reported speech.
    let inside = false;
    for (let k = m; k < marked.length && marked[k].start <= s.start; k++) if (s.end <= marked[k].end + 2) { inside = true; break; }
    if (inside || inHeadline(doc, s)) continue;
    const found: IndirectQuote[] = [];
    const block = colonBlock(ctx, s);
    if (block) out.push(block);
    if (startsParagraph(doc, s)) { const c = colonLead(ctx, s); if (c) found.push(c); }
    if (!found.length) {
      const tail = tailCue(ctx, s) ?? accordingHead(ctx, s) ?? asHead(ctx, s);
      const mid = tail ? null : midCue(ctx, s);
      if (tail) found.push(tail);
      if (mid) found.push(mid);
      if (!tail) for (const v of verbCues(ctx, s)) if (!mid || v.span.start >= mid.span.end) found.push(v);
      for (const n of [...nounCues(ctx, s), ...adjectiveCues(ctx, s)]) if (!found.some((f) => f.span.start < n.span.end && n.span.start < f.span.end)) found.push(n);
    }
    for (const f of found) {
      // A verb inside a quotation is the speaker's own word, not the reporter's cue.
      if (f.attr && overlapsAny(f.attr.cue, marked)) continue;
      if (!overlapsAny(f.span, marked) || !clashes(f.span, marked, m)) out.push(f);
    }
  }
  return out;
}
