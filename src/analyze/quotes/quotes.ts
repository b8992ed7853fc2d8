// Stage: find direct, partial and indirect quotes and attribute each to its speaker.
import type { Doc, Quote } from '../doc.js';
import type { Span } from '../record.js';
import type { Stage } from '../stage.js';
import { objectList, sentenceAt } from '../doc.js';
import { attributeMarked, hasSpeechContext, type Attribution } from './attribution.js';
import { REPORTING, SPEECH } from './cues.js';
import { findIndirect, type MarkedQuote } from './indirect.js';
import { isNotSpeech, isPlacedTitle, isTitleCase, looksLikeTitleOrTerm, quoteKind } from './kind.js';
import { findMarkedSpans, type MarkedSpan } from './marks.js';
import { indexNames } from './names.js';
import { speakerContext } from './speaker.js';

interface Found {
  span: Span;
  kind: Quote['kind'];
  attr: Attribution | null;
  marked: MarkedSpan | null;
  /** Only tells who speaks next; not a quote. */
  hintOnly: boolean;
}

export function findQuotes(doc: Doc): void {
  const names = indexNames(doc.text);
  const marked = findMarkedSpans(doc.text);
  const ctx = speakerContext(doc, names, marked);
  const found: Found[] = [];
  for (const q of marked) {
    if (q.single && doc.text.slice(q.start, q.end).split(/\s+/).length > 40) continue;
    if (isNotSpeech(doc, q) || isPlacedTitle(doc, q)) continue;
    const attr = attributeMarked(ctx, q);
    // A title needs a speech verb around it to count as someone's words; a short term, any reporting verb.
    if (!attr && looksLikeTitleOrTerm(doc, q) && !hasSpeechContext(doc, q, isTitleCase(doc, q) ? SPEECH : REPORTING)) continue;
    found.push({ span: q, kind: quoteKind(doc, q), attr, marked: q, hintOnly: false });
  }
  // A loop, not map(): compiled map() returns a holey array, another array kind for findIndirect to meet.
  const quoted = objectList<MarkedQuote>();
  for (const f of found) quoted.push({ start: f.span.start, end: f.span.end, kind: f.kind });
  for (const iq of findIndirect(ctx, quoted)) {
    found.push({ span: iq.span, kind: 'indirect', attr: iq.attr, marked: null, hintOnly: iq.hintOnly });
  }
  found.sort((a, b) => a.span.start - b.span.start);

  // Quotes with no cue of their own: the speaker of their chain, then the last speaker before them.
  const byChain = new Map<number, Attribution>();
  for (const f of found) if (f.marked && f.attr?.speaker) byChain.set(f.marked.chain, f.attr);
  let last: Attribution | null = null;
  for (const f of found) {
    if (!f.attr?.speaker && f.marked) {
      const chained = byChain.get(f.marked.chain);
      if (chained) f.attr = { speaker: chained.speaker, cue: chained.cue };
      else if (last) f.attr = { speaker: last.speaker, cue: last.cue };
    }
    if (f.attr?.speaker) last = f.attr;
  }
  for (const f of found) {
    if (f.hintOnly) continue;
    doc.quotes.push({
      start: f.span.start, end: f.span.end, kind: f.kind,
      speaker: f.attr?.speaker?.actor ?? null, speakerSpan: f.attr?.speaker ? { start: f.attr.speaker.span.start, end: f.attr.speaker.span.end } : null,
      cue: f.attr ? { start: f.attr.cue.start, end: f.attr.cue.end } : null,
      sentence: Math.max(0, sentenceAt(doc, f.span.start)),
    });
  }
}

export const quotes: Stage = {
  name: 'quotes',
  reads: ['tokens', 'sentences', 'actors'],
  adds: ['quotes', 'actors'],
  run: findQuotes,
};
