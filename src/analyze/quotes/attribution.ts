// Finds who said a quoted span: a speech verb right after it ("…,” she said), before it ("X said: “…”"), or none.
import { tokenAt, type Doc } from '../doc.js';
import type { Span } from '../record.js';
import { REPORTING, SENTENCE_END, isQuoteMark, isSpace, nextWord, prevWord, segments, verbAt } from './cues.js';
import type { MarkedSpan } from './marks.js';
import { ROLE_NOUNS, TITLES, reportingVerb, type VerbClass } from './lexicon.js';
import { speakerIn, type Speaker, type SpeakerContext } from './speaker.js';

export interface Attribution {
  speaker: Speaker | null;
  cue: Span;
}

// "for" ends the speaker too: "wrote Jane Roe for the Morning Ledger" is Jane Roe, not the outlet.
const STOP_AFTER_VERB = new Set(['at', 'in', 'on', 'during', 'after', 'before', 'to', 'that', 'while', 'when', 'as', 'from', 'with', 'about', 'of', 'in', 'according', 'for']);
const CLAUSE_WORDS = new Set(['and', 'but', 'that', 'which', 'who', 'because', 'if', 'when', 'while', 'although', 'though', 'as', 'so', 'or', 'where']);

/** The speaker named right after a verb ("said Jens Stoltenberg, NATO’s secretary general"). */
export function speakerAfterVerb(ctx: SpeakerContext, verb: number): Speaker | null {
  const { doc } = ctx;
  let k = nextWord(doc, verb);
  const first = k;
  let last = -1;
  for (let n = 0; k < doc.tokens.length && n < 12; k = nextWord(doc, k), n++) {
    const t = doc.tokens[k];
    if (t.text === ',' || t.text === ';' || SENTENCE_END.has(t.text) || isQuoteMark(t.text) || t.text.includes('\n')) break;
    if (STOP_AFTER_VERB.has(t.lower) && n > 0) break;
    if (n === 0 && (t.pos === 'ADP' || t.pos === 'SCONJ' || t.pos === 'ADV' || t.lower === 'that')) return null;
    last = k;
  }
  if (last < first) return null;
  const span = { start: doc.tokens[first].start, end: doc.tokens[last].end };
  // "said Lithuania's Foreign Minister, Jane Roe, who …": the name after the comma is who the role is.
  const stop = nextWord(doc, last);
  const head = doc.tokens[last].lower;
  if (doc.tokens[stop]?.text === ',' && (ROLE_NOUNS.has(head) || TITLES.has(head))) {
    let k2 = nextWord(doc, stop);
    let end2 = -1;
    for (let n = 0; k2 < doc.tokens.length && n < 5 && doc.tokens[k2].pos === 'PROPN'; n++, k2 = nextWord(doc, k2)) end2 = k2;
    if (end2 >= 0) {
      const named = speakerIn(ctx, { start: doc.tokens[nextWord(doc, stop)].start, end: doc.tokens[end2].end }, true);
      if (named) return named;
    }
  }
  return speakerIn(ctx, span);
}

/**
 * The speaker in the words before a verb, from `from` (a token index) on: the segment next to the verb,
 * or, when the verb follows an appositive ("Amar Bendjama, the Algerian envoy, told"), the head first.
 */
export function speakerBeforeVerb(ctx: SpeakerContext, from: number, verb: number): Speaker | null {
  const { doc } = ctx;
  let to = prevWord(doc, verb);
  // Auxiliaries and adverbs between subject and verb ("studies have found", "Smith also said").
  while (to >= from && (doc.tokens[to].pos === 'AUX' || doc.tokens[to].pos === 'ADV' || doc.tokens[to].lower === 'not' || doc.tokens[to].lower === "n't")) to = prevWord(doc, to);
  if (to < from) return null;
  const segs = segments(doc, from, to);
  const trailingComma = doc.tokens[to].text === ',';
  const order: Span[] = [];
  const real = segs.filter((s) => s.end > s.start);
  if (!real.length) return null;
  if (trailingComma && real.length >= 2) {
    // "Jane Roe, president of the union, which represents …, said": the named head of the chain.
    const head = real.length >= 3 ? chainSubject(ctx, real.slice(-4, -1)) : null;
    if (head) return head;
    order.push(real[real.length - 2], real[real.length - 1]);
  }
  else order.push(real[real.length - 1]);
  return speakerIn(ctx, order);
}

/** Whether a quotation ends with a full stop inside its marks and a capitalised word follows it ("….” Russia …). */
function endsSentence(doc: Doc, q: MarkedSpan): boolean {
  const inside = doc.text.slice(q.open + 1, q.close).replace(/[\s’'"]+$/, '');
  return inside.endsWith('.') && /^\s*\p{Lu}/u.test(doc.text.slice(q.close + 1, q.close + 4));
}

/** Whether the verb at k goes on with what it reports: "that", or an object or clause right after it. */
function reportsMore(doc: Doc, k: number): boolean {
  const next = doc.tokens[nextWord(doc, k)];
  return next !== undefined && (next.lower === 'that' || /^(?:DET|NOUN|PROPN|PRON|VERB|ADJ|NUM)$/.test(next.pos)) && !/^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday)$/i.test(next.text);
}

/** Tries a speech verb after the closing mark, in the same sentence: "…,” he said" / "…,” said Müller". */
function afterQuote(ctx: SpeakerContext, q: MarkedSpan): Attribution | null {
  const { doc } = ctx;
  if (q.close < 0) return null;
  let k = tokenAt(doc, q.close + 1);
  const first = k;
  for (let n = 0; k < doc.tokens.length && n < 14; k++) {
    const t = doc.tokens[k];
    if (isSpace(t)) { if (t.text.includes('\n')) return signedBy(ctx, q, first, k); continue; }
    n++;
    if (isQuoteMark(t.text) || SENTENCE_END.has(t.text)) return signedBy(ctx, q, first, k);
    if (verbAt(doc, k)) {
      // Words between the mark and the verb: empty ("said X") or the speaker ("he", "the minister").
      let w = first;
      while (w < k && (isSpace(doc.tokens[w]) || /^[,;:—–-]$/.test(doc.tokens[w].text))) w++;
      // "the statement quoted Scholz as saying": the one quoted is the speaker.
      if (w === k || reportingVerb(doc.tokens[k].lower)?.lemma === 'quote') {
        const sp = speakerAfterVerb(ctx, k);
        if (sp || w === k) return sp ? { speaker: sp, cue: doc.tokens[k] } : null;
      }
      // "…an “outlaw nation.” Russia insisted that …": a quote closing its sentence, then a new sentence whose verb
      // has words of its own to report; "“….” Smith said." still attributes.
      if (endsSentence(doc, q) && reportsMore(doc, k)) return null;
      const sp = speakerBeforeVerb(ctx, w, k);
      return sp ? { speaker: sp, cue: doc.tokens[k] } : null;
    }
    if (CLAUSE_WORDS.has(t.lower) || t.pos === 'VERB') return null;
  }
  return k >= doc.tokens.length ? signedBy(ctx, q, first, k) : null;
}

/** Words that open a clause or a circumstance, not a noun phrase: a segment starting with one is no subject. */
const NOT_SUBJECT_START = new Set(['who', 'whose', 'which', 'where', 'when', 'while', 'whom', 'that', 'and', 'but', 'despite', 'after', 'before', 'during', 'since', 'although', 'though', 'because', 'if', 'as', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'without', 'to', 'of', 'then', 'also']);

/** The first word of a span, lower-cased. */
const firstWord = (doc: Doc, span: Span): string => /^[\p{L}’']+/u.exec(doc.text.slice(span.start, span.end))?.[0].toLowerCase() ?? '';

/**
 * The subject of a verb that ends an appositive chain ("Jane Roe, the envoy, one of the …, said"): the first named
 * person in the chain, skipping a possessive ("Roe's niece, state Sen. Ann Poe, said" is Poe), else null.
 */
function chainSubject(ctx: SpeakerContext, chain: Span[]): Speaker | null {
  for (const seg of chain) {
    const w = firstWord(ctx.doc, seg);
    // "citing Jane Roe", "joined by …": a participle's object is no subject.
    if (NOT_SUBJECT_START.has(w) || (/^\p{Ll}/u.test(ctx.doc.text.slice(seg.start, seg.start + 1)) && /(?:ing|ed)$/.test(w))) continue;
    // A name and its title are a few words; a longer segment is a clause of its own.
    if (ctx.doc.text.slice(seg.start, seg.end).split(/\s+/).length > 8) continue;
    const sp = speakerIn(ctx, seg, true);
    if (sp && !/^[’']s\b/.test(ctx.doc.text.slice(sp.span.end, sp.span.end + 3))) return sp;
  }
  return null;
}

/**
 * "“…,” Rep. Jane Roe (D-Ohio), an oversight panel member, said …", "“…,” Jane Roe, the envoy, who …, told …": a
 * speech verb further after the quote than `afterQuote` looks, past an appositive chain opened by a name. The verb
 * must follow a comma or a closing bracket (or the name itself) in the same sentence.
 */
function afterQuoteChain(ctx: SpeakerContext, q: MarkedSpan): Attribution | null {
  const { doc } = ctx;
  if (q.close < 0) return null;
  // Only a quote that ends a clause ("…,” X, …, said"; "…?” X, …, asked"), not one ending its sentence ("….” X …).
  const inside = doc.text.slice(q.open + 1, q.close).replace(/[\s’'"]+$/, '');
  const after = doc.text.slice(q.close + 1, q.close + 3).trimStart();
  if (!/[,?!]$/.test(inside) && !after.startsWith(',')) return null;
  let k = tokenAt(doc, q.close + 1);
  for (; k < doc.tokens.length && (isSpace(doc.tokens[k]) || /^[,—–-]$/.test(doc.tokens[k].text)); k++) {
    if (doc.tokens[k].text.includes('\n')) return null;
  }
  const first = k;
  if (doc.tokens[first]?.pos !== 'PROPN' && !/^\p{Lu}/u.test(doc.tokens[first]?.text ?? '')) return null;
  let depth = 0;
  let sawName = false;
  for (let n = 0; k < doc.tokens.length && n < 40; k = nextWord(doc, k), n++) {
    const t = doc.tokens[k];
    if (doc.text.slice(doc.tokens[Math.max(first, k - 1)].end, t.start).includes('\n')) return null;
    if (t.text === '(') { depth++; continue; }
    if (t.text === ')') { depth = Math.max(0, depth - 1); continue; }
    if (depth > 0) continue;
    if (t.pos === 'PROPN') sawName = true;
    if (SENTENCE_END.has(t.text) || t.text === ';' || t.text === ':') return null;
    // A nickname in quotation marks ("Marcia “Cia” Price"): at most two words before the closing mark.
    if (isQuoteMark(t.text)) {
      let j = nextWord(doc, k);
      let words = 0;
      while (j < doc.tokens.length && !isQuoteMark(doc.tokens[j].text) && words < 3) { words++; j = nextWord(doc, j); }
      if (j >= doc.tokens.length || !isQuoteMark(doc.tokens[j].text) || words > 2) return null;
      k = j;
      continue;
    }
    if (!sawName || !verbAt(doc, k)) continue;
    const pw = prevWord(doc, k);
    const prev = doc.tokens[pw];
    if (!prev || !(prev.text === ',' || prev.text === ')' || prev.pos === 'PROPN')) continue;
    const chain = segments(doc, first, pw).filter((s) => s.end > s.start);
    const sp = chainSubject(ctx, chain) ?? speakerBeforeVerb(ctx, first, k);
    return sp ? { speaker: sp, cue: t } : null;
  }
  return null;
}

/** A quote signed with a name and no verb: "“…” ― Jane Roe" or "“…,” Jane Roe, the envoy" at the end of a paragraph. */
function signedBy(ctx: SpeakerContext, q: MarkedSpan, first: number, stop: number): Attribution | null {
  const { doc } = ctx;
  const end = doc.tokens[stop];
  // The name must close the paragraph (or the text, or its sentence).
  if (stop <= first || (end && end.text.trim() && end.text !== '.' && !end.text.includes('\n'))) return null;
  let k = first;
  while (k < stop && (isSpace(doc.tokens[k]) || /^[,;:―—–-]+$/.test(doc.tokens[k].text))) k++;
  if (k >= stop) return null;
  const span = { start: doc.tokens[k].start, end: doc.tokens[stop - 1].end };
  if (span.end - span.start > 80) return null;
  const sp = speakerIn(ctx, span, true);
  // The name opens what follows the quote ("― Jane Roe", ", Jane Roe, the envoy"), not "on a call with Jane Roe".
  const lead = sp ? doc.text.slice(span.start, Math.max(span.start, sp.span.start)) : '';
  return sp && !/(?:^|\s)\p{Ll}/u.test(lead) ? { speaker: sp, cue: { start: q.close, end: q.close + 1 } } : null;
}

/** Tries a speech verb before the opening mark in its sentence: "X said: “…”", "X said the plan was “rushed”". */
function beforeQuote(ctx: SpeakerContext, q: MarkedSpan): Attribution | null {
  const { doc } = ctx;
  const markTok = tokenAt(doc, q.open);
  let k = prevWord(doc, markTok);
  if (k < 0) return null;
  // A paragraph ending in a colon introduces the quote below it ("He said:").
  const atParaStart = q.open <= q.para.start;
  if (atParaStart && doc.tokens[k].text !== ':') return null;
  const sent = atParaStart ? doc.tokens[k].sentence : doc.tokens[markTok].sentence;
  if (!atParaStart && doc.tokens[k].sentence !== sent) return null;
  let from = doc.sentences[sent]?.first ?? 0;
  for (; k >= from; k--) {
    const t = doc.tokens[k];
    if (isQuoteMark(t.text) && k !== prevWord(doc, tokenAt(doc, q.open))) { from = k + 1; break; }
    if (verbAt(doc, k)) {
      const verb = k;
      const t0 = doc.tokens[verb];
      const pw = prevWord(doc, verb);
      // A participle after a comma ("…, calling it “reckless”") takes the subject of the main clause.
      let start = from;
      for (let j = verb - 1; j >= from; j--) if (isQuoteMark(doc.tokens[j].text)) { start = j + 1; break; }
      // (The clause starts after any quotation before it: "“…,” Crosetto said, adding that …".)
      if (/ing$/.test(t0.lower) && pw >= 0 && (doc.tokens[pw].text === ',' || doc.tokens[pw].lower === 'as')) {
        const segs = segments(doc, start, pw).filter((s) => s.end > s.start);
        const sp = segs.length ? speakerIn(ctx, segs[0]) : null;
        if (sp) return { speaker: sp, cue: t0 };
      }
      const sp = speakerBeforeVerb(ctx, start, verb) ?? (pw >= 0 && doc.tokens[pw].text === ',' ? null : speakerAfterVerb(ctx, verb));
      if (sp) return { speaker: sp, cue: t0 };
      return null;
    }
  }
  return null;
}

/** "according to X" within the quote's sentence. */
function accordingTo(ctx: SpeakerContext, q: MarkedSpan): Attribution | null {
  const { doc } = ctx;
  const s = doc.sentences[doc.tokens[tokenAt(doc, q.open)]?.sentence ?? -1];
  if (!s) return null;
  for (let k = s.first; k < s.last; k++) {
    if (doc.tokens[k].lower === 'according' && doc.tokens[nextWord(doc, k)]?.lower === 'to') {
      const sp = speakerAfterVerb(ctx, nextWord(doc, k));
      if (sp) return { speaker: sp, cue: { start: doc.tokens[k].start, end: doc.tokens[nextWord(doc, k)].end } };
    }
  }
  return null;
}

/** The speaker of a quoted span from the words around it, or null when they name nobody. */
export function attributeMarked(ctx: SpeakerContext, q: MarkedSpan): Attribution | null {
  // "According to X, … “…,” the agency reported": the source named first is the speaker.
  const according = accordingTo(ctx, q);
  if (according && according.cue.start < q.open) return according;
  return afterQuote(ctx, q) ?? afterQuoteChain(ctx, q) ?? beforeQuote(ctx, q) ?? according;
}

/** Whether a speech verb sits in the quote's sentence outside the quote (used to tell quotes from titles). */
export function hasSpeechContext(doc: Doc, q: MarkedSpan, classes: readonly VerbClass[] = REPORTING): boolean {
  const i = tokenAt(doc, q.open);
  const s = doc.sentences[doc.tokens[i]?.sentence ?? -1];
  if (!s) return false;
  for (let k = s.first; k <= s.last; k++) {
    const t = doc.tokens[k];
    if (t.start >= q.start && t.end <= q.end) continue;
    if (verbAt(doc, k, classes)) return true;
  }
  return false;
}
