// Finds reported speech in each sentence (framing cues, verbs, nouns, adjectives, "NAME: …") and its speaker.
import { objectList, type Doc, type Sentence } from '../doc.js';
import type { Span } from '../record.js';
import { speakerAfterVerb, speakerBeforeVerb } from './attribution.js';
import { isQuoteMark, isSpace, nextWord, prevWord, verbAt } from './cues.js';
import { contentSpan, type IndirectQuote } from './content.js';
import { accordingHead, asHead, midCue, tailCue } from './frame-cues.js';
import { NOT_SPEAKERS } from './lexicon.js';
import { speakerIn, type SpeakerContext } from './speaker.js';
import { nounCues } from './nominal.js';
import { adjectiveCues } from './stance-adjectives.js';
import { verbCues } from './verb-cues.js';

export type { IndirectQuote } from './content.js';


/** "PENCE: …" and "Poll: …": a paragraph or headline that opens with a name and a colon. */
function colonLead(ctx: SpeakerContext, s: Sentence): IndirectQuote | null {
  const { doc } = ctx;
  let k = s.first;
  if (isQuoteMark(doc.tokens[k].text)) k = nextWord(doc, k);
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
      while (to > k && (isSpace(doc.tokens[to]) || isQuoteMark(doc.tokens[to].text))) to--;
      const content = contentSpan(doc, k + 1, to);
      if (!content || !sp) return null;
      return { span: content, attr: { speaker: sp, cue: t }, hintOnly: false };
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
  const next = s.i + 1 < doc.sentences.length ? doc.sentences[s.i + 1] : undefined; // (no read past the end)
  if (!next || !startsParagraph(doc, next) || isQuoteMark(doc.tokens[next.first].text)) return null;
  for (let v = s.first; v < s.last; v++) {
    if (!verbAt(doc, v) && doc.tokens[v].lower !== 'continued') continue;
    const sp = speakerBeforeVerb(ctx, s.first, v) ?? speakerAfterVerb(ctx, v);
    if (!sp) return null;
    let last = next;
    for (let k = next.i + 1; k < doc.sentences.length && !startsParagraph(doc, doc.sentences[k]); k++) last = doc.sentences[k];
    const span = contentSpan(doc, next.first, last.last);
    return span ? { span, attr: { speaker: sp, cue: doc.tokens[v] }, hintOnly: false } : null;
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
  const out = objectList<IndirectQuote>();
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
