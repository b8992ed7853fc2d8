// Finds reported speech ("X said (that) …", "…, X said.", "according to X, …", "NAME: …") and its speaker.
import type { Doc, Sentence } from '../doc.js';
import type { Span } from '../record.js';
import { speakerAfterVerb, speakerBeforeVerb, type Attribution } from './attribution.js';
import { QUOTE_MARKS, SENTENCE_END, isSpace, nextWord, prevWord, verbAt } from './cues.js';
import { NOT_SPEAKERS, reportingVerb, TIME_WORDS } from './lexicon.js';
import { speakerIn, type Speaker, type SpeakerContext } from './speaker.js';

export interface IndirectQuote {
  span: Span;
  attr: Attribution | null;
}

const MIN_WORDS = 2;
const TAIL_MAX = 14;

/** Trims a token range to a character span without edge punctuation; null when fewer than MIN_WORDS words remain. */
function contentSpan(doc: Doc, from: number, to: number, minWords = MIN_WORDS): Span | null {
  while (from <= to && (isSpace(doc.tokens[from]) || /^[,;:—–-]$/.test(doc.tokens[from].text))) from++;
  while (to >= from && (isSpace(doc.tokens[to]) || /^[,;:.!?—–-]$/.test(doc.tokens[to].text))) to--;
  if (to < from) return null;
  let words = 0;
  for (let k = from; k <= to; k++) if (/[\p{L}\p{N}]/u.test(doc.tokens[k].text)) words++;
  if (words < minWords) return null;
  return { start: doc.tokens[from].start, end: doc.tokens[to].end };
}

/** The last token of a sentence before its closing punctuation. */
function lastWordOf(doc: Doc, s: Sentence): number {
  let k = s.last;
  while (k > s.first && (SENTENCE_END.has(doc.tokens[k].text) || isSpace(doc.tokens[k]))) k--;
  return k;
}

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
    const content = () => contentSpan(doc, s.first, c - 1);
    if (doc.tokens[after].lower === 'according' && doc.tokens[nextWord(doc, after)]?.lower === 'to') {
      const to = nextWord(doc, after);
      const span = content();
      if (!span) return null;
      const sp = speakerIn(ctx, { start: doc.tokens[nextWord(doc, to)].start, end: doc.tokens[end].end });
      return { span, attr: sp ? { speaker: sp, cue: { start: doc.tokens[after].start, end: doc.tokens[to].end } } : null };
    }
    for (let v = after; v <= end; v = nextWord(doc, v)) {
      if (!verbAt(doc, v)) continue;
      // Only a closing cue: after "X said" nothing but a short adjunct ("on Friday", "in a statement").
      if (!adjunctOnly(doc, v + 1, end)) return null;
      const span = content();
      // What comes before the comma must be a clause ("the talks failed"), not the speaker's own name and titles.
      if (!span || !hasVerb(doc, s.first, c - 1)) return null;
      const sp = v === after ? speakerAfterVerb(ctx, v) : speakerBeforeVerb(ctx, after, v);
      if (!sp) return null;
      return { span, attr: { speaker: sp, cue: doc.tokens[v] } };
    }
    return null;
  }
  return null;
}

/** Content made only of time words and numbers ("Friday afternoon", "about five minutes"). */
function onlyCircumstance(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) {
    const t = doc.tokens[k];
    if (isSpace(t) || t.pos === 'PUNCT' || t.pos === 'NUM' || t.pos === 'DET' || t.pos === 'ADP' || TIME_WORDS.has(t.lower)
      || ['minutes', 'hours', 'days', 'weeks', 'months', 'years', 'minute', 'hour', 'day', 'week', 'month', 'year', 'afternoon', 'morning', 'evening', 'night'].includes(t.lower)) continue;
    return false;
  }
  return true;
}

function hasVerb(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (doc.tokens[k].pos === 'VERB' || doc.tokens[k].pos === 'AUX') return true;
  return false;
}

/** Whether tokens from..to hold at most a short adjunct: no verb, no "that", few words. */
function adjunctOnly(doc: Doc, from: number, to: number): boolean {
  let words = 0;
  for (let k = from; k <= to; k++) {
    const t = doc.tokens[k];
    if (isSpace(t)) continue;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.lower === 'that' || QUOTE_MARKS.has(t.text)) return false;
    if (++words > 8) return false;
  }
  return true;
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

/** Where the reported words start after a verb: past "told reporters", time phrases ("on Friday"); "that" is kept. */
function contentStart(doc: Doc, verb: number, last: number): number {
  let k = nextWord(doc, verb);
  const lemma = reportingVerb(doc.tokens[verb].lower)?.lemma;
  if (lemma === 'tell' || lemma === 'warn' || lemma === 'assure' || lemma === 'remind') {
    for (let j = k, n = 0; j <= last && n < 10; j = nextWord(doc, j), n++) {
      if (doc.tokens[j].lower === 'that') return j;
      if (doc.tokens[j].text === ',' || QUOTE_MARKS.has(doc.tokens[j].text) || (doc.tokens[j].lower === 'to' && doc.tokens[j].pos === 'PART')) break;
    }
    if (lemma === 'tell') {
      // "told Reuters the plan was dead": skip one short object.
      let j = k;
      while (j <= last && (doc.tokens[j].pos === 'PROPN' || doc.tokens[j].pos === 'NOUN' || doc.tokens[j].pos === 'DET' || doc.tokens[j].pos === 'PART')) { j = nextWord(doc, j); if (doc.tokens[j - 1]?.pos === 'NOUN') break; }
      k = j;
    }
  }
  // A time phrase between the verb and what was said ("said on Friday that …", "said Tuesday the …").
  const start = k;
  let plain = true;
  for (let n = 0; k <= last && n < 6 && TIME_WORDS.has(doc.tokens[k].lower); n++) {
    if (!PLAIN_TIME.has(doc.tokens[k].lower)) plain = false;
    k = nextWord(doc, k);
  }
  if (k === start) return k;
  if (doc.tokens[k]?.lower === 'that' || (plain && /^(?:PRON|DET|PROPN|NOUN)$/.test(doc.tokens[k]?.pos ?? ''))) return k;
  return start;
}

const PLAIN_TIME = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'earlier', 'later', 'again', 'also', 'repeatedly', 'publicly', 'privately', 'recently', 'previously', 'once', 'now', 'then', 'separately']);
const COMPLEMENT_PREPS = new Set(['about', 'for', 'on', 'against', 'of', 'over', 'at', 'upon']);
const SPEECH_PREPS = new Set(['about', 'of', 'against', 'for', 'on', 'over', 'upon']);
const BE = new Set(['was', 'were', 'been', 'be', 'being', 'is', 'are']);
const CLAUSE_BREAKS = new Set(['but', 'though', 'although', 'while', 'whereas', 'even', 'and', 'which', 'especially', 'as', 'after', 'before',
  'because', 'since', 'so', 'when', 'where', 'including', 'according', 'who', 'adding', 'saying', 'noting']);
const CLOSING_MARKS = new Set(['”', '"', '’', "'"]);

/** The last token of the reported words: before "; ", ", but …", "and" + a verb, or (for objects) a comma or preposition. */
function contentEnd(doc: Doc, from: number, end: number, cls: string): number {
  for (let j = from + 1; j <= end; j++) {
    const x = doc.tokens[j];
    if (x.text === ';' || ((x.text === '—' || x.text === '–' || x.text === '--') && j > from + 2)) return j - 1;
    if (x.text === ',') {
      if (cls === 'object') return j - 1;
      const n = doc.tokens[nextWord(doc, j)];
      if (n && CLAUSE_BREAKS.has(n.lower)) return j - 1;
    }
    if ((x.lower === 'and' || x.lower === 'but') && verbAt(doc, nextWord(doc, j), ['speech', 'thought'])) return j - 1;
    // Another attribution begins: "…, Smith noted that …".
    if (x.text === ',' && cueWithin(doc, j + 1, Math.min(end, j + 6))) return j - 1;
    if (cls === 'object' && x.pos === 'ADP' && ['in', 'at', 'during', 'after', 'before', 'since', 'until', 'as', 'because'].includes(x.lower) && j > from) return j - 1;
  }
  return end;
}

/** Whether the verb's subject (a few words at most) comes right after a closing quotation mark. */
function followsQuotation(doc: Doc, verb: number, first: number): boolean {
  let k = prevWord(doc, verb);
  for (let n = 0; k >= first && n < 8; k = prevWord(doc, k), n++) {
    const t = doc.tokens[k];
    if (CLOSING_MARKS.has(t.text)) return true;
    if (t.text === ',' && CLOSING_MARKS.has(doc.tokens[prevWord(doc, k)]?.text ?? '')) return true;
    if (t.text === ',' && n > 0 && !/^(?:PROPN|NUM)$/.test(doc.tokens[prevWord(doc, k)]?.pos ?? '')) return false;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.text === '.' && n === 0) return false;
  }
  return false;
}

/** The subject of the clause a participle hangs on: the subject of the nearest verb before it, else of the sentence. */
function participleSubject(ctx: SpeakerContext, s: Sentence, comma: number, found: IndirectQuote[]): Speaker | null {
  const { doc } = ctx;
  if (found.length) return found[found.length - 1].attr?.speaker ?? null;
  for (let k = comma - 1; k >= s.first; k--) {
    const t = doc.tokens[k];
    if (t.pos !== 'VERB' && !verbAt(doc, k, ['speech', 'thought', 'object'])) continue;
    let from = s.first;
    for (let j = k - 1; j >= s.first; j--) if (QUOTE_MARKS.has(doc.tokens[j].text)) { from = j + 1; break; }
    const sp = speakerBeforeVerb(ctx, from, k);
    if (sp) return sp;
  }
  const first = doc.tokens.slice(s.first, comma).findIndex((x) => x.text === ',');
  const firstEnd = first >= 0 ? s.first + first - 1 : comma - 1;
  return firstEnd >= s.first ? speakerIn(ctx, { start: doc.tokens[s.first].start, end: doc.tokens[firstEnd].end }) : null;
}

/** Whether a speech verb sits among tokens from..to. */
function cueWithin(doc: Doc, from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (verbAt(doc, k)) return true;
  return false;
}

const TO_OBJECT = new Set(['warn', 'urge', 'ask', 'tell', 'call', 'encourage', 'implore', 'press', 'remind', 'appeal', 'push', 'challenge']);

/** "warned officials to boost security" → "to boost security"; "raised questions about X" → "X"; "spoke emotionally of X" → "X". */
function objectStart(doc: Doc, verb: number, from: number, end: number): number {
  const lemma = reportingVerb(doc.tokens[verb].lower)?.lemma ?? '';
  if (TO_OBJECT.has(lemma)) {
    for (let j = from, n = 0; j <= end && n < 7; j = nextWord(doc, j), n++) {
      const t = doc.tokens[j];
      if (t.lower === 'to' && t.pos === 'PART') return j;
      if (t.text === ',' || t.pos === 'VERB' || t.lower === 'that') break;
    }
  }
  let k = from;
  if (doc.tokens[k]?.pos === 'ADV' && COMPLEMENT_PREPS.has(doc.tokens[nextWord(doc, k)]?.lower ?? '')) k = nextWord(doc, k);
  if (doc.tokens[k]?.pos === 'NOUN' && ['about', 'over', 'on', 'against'].includes(doc.tokens[nextWord(doc, k)]?.lower ?? '')) k = nextWord(doc, k);
  if (COMPLEMENT_PREPS.has(doc.tokens[k]?.lower ?? '')) k = nextWord(doc, k);
  return k;
}

/** Skips a circumstantial phrase after a speech verb ("said in a statement on Friday that …"). */
function pastCircumstance(doc: Doc, from: number, end: number): number {
  const t = doc.tokens[from];
  if (!t || t.pos !== 'ADP' || t.lower === 'that' || t.lower === 'to' || SPEECH_PREPS.has(t.lower)) return from;
  for (let j = from, n = 0; j <= end && n < 16; j = nextWord(doc, j), n++) {
    if (doc.tokens[j].lower === 'that') return j;
    if (doc.tokens[j].text === ',') return nextWord(doc, j);
  }
  return -1;
}

/** "X said (that) …", "X warned of …", "X is demanding …", "…, saying …" inside a sentence; several per sentence. */
function verbCues(ctx: SpeakerContext, s: Sentence): IndirectQuote[] {
  const { doc } = ctx;
  const out: IndirectQuote[] = [];
  const end = lastWordOf(doc, s);
  for (let v = s.first; v <= end; v++) {
    const t = doc.tokens[v];
    const cls = verbAt(doc, v, ['speech', 'thought', 'object']);
    if (!cls) continue;
    const nw = nextWord(doc, v);
    if (nw > end) continue;
    const next = doc.tokens[nw];
    if (next.text === ':' || next.text === ',' || QUOTE_MARKS.has(next.text) || SENTENCE_END.has(next.text)) continue;
    const pw = prevWord(doc, v);
    const before = doc.tokens[pw];
    // "“…,” said X" and "“…,” X told Y" attribute a quotation, they do not report one.
    if (followsQuotation(doc, v, s.first)) continue;
    if (/ed$/.test(t.lower) && before && BE.has(before.lower)) continue; // passive: "was told", "is expected"
    let sp = null;
    if (/ing$/.test(t.lower)) {
      if (before?.text === ',' && cls !== 'object' && next.pos !== 'ADP') {
        // "…, saying …": the subject of the clause before, found through its verb ("she said …, emphasizing").
        sp = participleSubject(ctx, s, pw, out);
      } else if (before && BE.has(before.lower)) sp = speakerBeforeVerb(ctx, s.first, pw);
      else continue;
    } else sp = speakerBeforeVerb(ctx, s.first, v);
    // "… and said …": the subject of the verb before.
    if (!sp && before?.lower === 'and' && out.length) sp = out[out.length - 1].attr?.speaker ?? null;
    // A sentence split after an abbreviation ("Rep. Jane Roe (D-Mass.) said …"): the subject is in the piece before.
    if (!sp && pw < s.first && s.i > 0 && doc.sentences[s.i - 1].paragraph === s.paragraph && /[).]$/.test(doc.tokens[doc.sentences[s.i - 1].last].text)) {
      sp = speakerBeforeVerb(ctx, doc.sentences[s.i - 1].first, v);
    }
    if (!sp) continue;
    let from = contentStart(doc, v, end);
    if (cls === 'speech' || cls === 'thought') from = pastCircumstance(doc, from, end);
    if (from < 0) continue;
    // "spoke in Oslo", "spoke to reporters": a circumstance, not what was said.
    if (cls === 'object' && doc.tokens[from]?.pos === 'ADP' && !COMPLEMENT_PREPS.has(doc.tokens[from].lower)) continue;
    from = objectStart(doc, v, from, end);
    if (from > end || /^(?:VERB|AUX)$/.test(doc.tokens[from].pos)) continue;
    const to = contentEnd(doc, from, end, cls);
    const content = contentSpan(doc, from, to, cls === 'object' ? 1 : MIN_WORDS);
    if (!content || onlyCircumstance(doc, from, to)) continue;
    // "…, said Jane Roe, a lawyer": an inverted attribution of a quotation, not a report.
    if (cls === 'speech' && doc.tokens[from].pos === 'PROPN' && !hasVerb(doc, from, to)) continue;
    out.push({ span: content, attr: { speaker: sp, cue: t } });
    v = to;
  }
  return out;
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
      if (NOT_SPEAKERS.has(doc.text.slice(lead.start, lead.end).toLowerCase())) return null;
      const sp = speakerIn(ctx, lead);
      const para = doc.sentences.filter((x) => x.paragraph === s.paragraph);
      const last = para[para.length - 1];
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

const overlapsAny = (span: Span, spans: Span[]) => spans.some((m) => m.start < span.end && span.start < m.end);

export function findIndirect(ctx: SpeakerContext, marked: Span[]): IndirectQuote[] {
  const { doc } = ctx;
  const out: IndirectQuote[] = [];
  let lastPara = -1;
  for (const s of doc.sentences) {
    // Sentences inside a quotation are the speaker's own words, not reported speech.
    const inside = marked.some((m) => m.start <= s.start && s.end <= m.end + 2);
    if (inside) continue;
    const found: IndirectQuote[] = [];
    if (s.paragraph !== lastPara) { const c = colonLead(ctx, s); if (c) found.push(c); }
    lastPara = s.paragraph;
    if (!found.length) {
      const tail = tailCue(ctx, s) ?? accordingHead(ctx, s);
      if (tail) found.push(tail);
      if (!tail) found.push(...verbCues(ctx, s));
    }
    for (const f of found) if (!overlapsAny(f.span, marked)) out.push(f);
  }
  return out;
}
