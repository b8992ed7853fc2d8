// Reported speech led by a verb: "X said (that) …", "X warned of …", "X is demanding …", "…, saying …".
import { objectList, type Doc, type Sentence, type Token } from '../doc.js';
import { speakerAfterVerb, speakerBeforeVerb } from './attribution.js';
import { REPORTING, SENTENCE_END, isChar, isQuoteMark, nextWord, prevWord, tokenOrNone, verbAt } from './cues.js';
import {
  COMPLEMENT_PREPS, MIN_WORDS, contentEnd, hasVerb, contentSpan, contentStart, lastWordOf, objectStart, onlyCircumstance,
  pastCircumstance, type IndirectQuote,
} from './content.js';
import { speakerIn, type Speaker, type SpeakerContext } from './speaker.js';
import { reportingVerb, type VerbClass } from './lexicon.js';

const BE = new Set(['was', 'were', 'been', 'be', 'being', 'is', 'are']);
const CLOSING_MARKS = new Set(['”', '"', '’', "'"]);

/** Whether the verb's subject (a few words at most) comes right after a closing quotation mark. */
function followsQuotation(doc: Doc, verb: number, first: number): boolean {
  let k = prevWord(doc, verb);
  for (let n = 0; k >= first && n < 8; k = prevWord(doc, k), n++) {
    const t = doc.tokens[k];
    // "…,” X said" attributes the quotation; after "….”" (or NYT-style "….''") a new sentence begins.
    if (CLOSING_MARKS.has(t.text)) {
      let b = prevWord(doc, k);
      while (b >= 0 && CLOSING_MARKS.has(doc.tokens[b].text)) b = prevWord(doc, b);
      return b < 0 || !isChar(doc.tokens[b].text, '.');
    }
    if (isChar(t.text, ',') && CLOSING_MARKS.has(tokenOrNone(doc, prevWord(doc, k))?.text ?? '')) return true;
    if (isChar(t.text, ',') && n > 0 && !/^(?:PROPN|NUM)$/.test(tokenOrNone(doc, prevWord(doc, k))?.pos ?? '')) return false;
    if (t.pos === 'VERB' || t.pos === 'AUX' || t.pos === 'CCONJ' || (n === 0 && isChar(t.text, '.'))) return false;
  }
  return false;
}

/** Whether tokens from..to are a name and nothing else up to a comma ("Jane Roe, a lawyer at …"). */
function nameOnly(doc: Doc, from: number, to: number): boolean {
  let k = from;
  while (k <= to && (doc.tokens[k].pos === 'PROPN' || doc.tokens[k].pos === 'SPACE' || isChar(doc.tokens[k].text, '.'))) k++;
  return k > from && (k > to || isChar(doc.tokens[k].text, ','));
}

/** The subject of the clause a participle hangs on: the subject of the nearest verb before it, else of the sentence. */
function participleSubject(ctx: SpeakerContext, s: Sentence, comma: number, found: IndirectQuote[]): Speaker | null {
  const { doc } = ctx;
  if (found.length) return found[found.length - 1].attr?.speaker ?? null;
  for (let k = comma - 1; k >= s.first; k--) {
    const t = doc.tokens[k];
    if (isQuoteMark(t.text)) break; // the quotation's own words are not the clause
    if (t.pos !== 'VERB' && !verbAt(doc, k, REPORTING)) continue;
    let from = s.first;
    for (let j = k - 1; j >= s.first; j--) if (isQuoteMark(doc.tokens[j].text)) { from = j + 1; break; }
    // "“…,” said Caddell, speaking of …": the speaker follows the verb.
    const pw = prevWord(doc, k);
    const inverted = pw < from || doc.tokens[pw].text === ',' || isQuoteMark(doc.tokens[pw].text);
    const sp = inverted ? speakerAfterVerb(ctx, k) : speakerBeforeVerb(ctx, from, k);
    if (sp) return sp;
  }
  const first = doc.tokens.slice(s.first, comma).findIndex((x) => x.text === ',');
  const firstEnd = first >= 0 ? s.first + first - 1 : comma - 1;
  return firstEnd >= s.first ? speakerIn(ctx, { start: doc.tokens[s.first].start, end: doc.tokens[firstEnd].end }) : null;
}

/** The subject of a sentence: the speaker named before its first verb, when that verb comes before `limit`. */
function sentenceSubject(ctx: SpeakerContext, s: Sentence, limit: number): Speaker | null {
  const { doc } = ctx;
  for (let k = s.first; k < limit; k++) {
    const t = doc.tokens[k];
    if (t.pos === 'VERB' || t.pos === 'AUX') return k > s.first ? speakerBeforeVerb(ctx, s.first, k) : null;
    if (isQuoteMark(t.text)) return null;
  }
  return null;
}

/** A short noun phrase and nothing else ("the idea", "the draft as well", "Poland's initiative"). */
function bareNounPhrase(doc: Doc, from: number, to: number): boolean {
  if (!DEFINITE.has(doc.tokens[from].lower) && !/^(?:’s|'s)$/.test(tokenOrNone(doc, nextWord(doc, from))?.lower ?? '')) return false;
  let words = 0;
  for (let k = from; k <= to; k++) {
    const t = doc.tokens[k];
    if (t.pos === 'VERB' || t.pos === 'AUX' || isQuoteMark(t.text)) return false;
    if (/[\p{L}\p{N}]/u.test(t.text) && ++words > BARE_NP_WORDS) return false;
  }
  return true;
}

const BARE_NP_WORDS = 4;
/** Verbs of taking a position: their object is what a stance is about, not words reported. */
const STANCE_VERBS = new Set(['support', 'oppose', 'favor', 'endorse', 'reject', 'dismiss', 'welcome', 'back', 'propose', 'recommend',
  'vote', 'refuse', 'decline', 'seek', 'push', 'advocate', 'offer', 'embrace', 'block', 'rule', 'request', 'applaud', 'condemn']);
const SUBORDINATORS = new Set(['when', 'while', 'after', 'before', 'as', 'if', 'although', 'though', 'because', 'since', 'once', 'whereas', 'unless', 'until']);
const DEFINITE = new Set(['the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our']);

/**
 * Who reports the words after the verb at v (`next` is the word after it), or null: the verb's subject, the subject
 * of the clause a participle hangs on, of the verb before "and", or of the piece before a split sentence. A function
 * of its own: inside verbCues' scan, it made one large unit that V8 compiled again for each branch first met late.
 */
function reporterOf(ctx: SpeakerContext, s: Sentence, v: number, cls: VerbClass, next: Token, out: IndirectQuote[]): Speaker | null {
  const { doc } = ctx;
  const pw = prevWord(doc, v);
  const before = tokenOrNone(doc, pw);
  let sp: Speaker | null = null;
  if (/ing$/.test(doc.tokens[v].lower)) {
    if (before !== undefined && isChar(before.text, ',') && (next.pos !== 'ADP' || (cls === 'object' && COMPLEMENT_PREPS.has(next.lower)))) {
      // "…, saying …": the subject of the clause before, found through its verb ("she said …, emphasizing").
      sp = participleSubject(ctx, s, pw, out);
    } else if (before && BE.has(before.lower)) sp = speakerBeforeVerb(ctx, s.first, pw);
    else return null;
  } else sp = speakerBeforeVerb(ctx, s.first, v);
  // "… and said …": the subject of the verb before.
  let conj = pw;
  while (conj > s.first && /^(?:AUX|ADV|PART)$/.test(doc.tokens[conj].pos)) conj = prevWord(doc, conj);
  const conjWord = tokenOrNone(doc, conj);
  const joined = conjWord !== undefined && (conjWord.lower === 'and' || conjWord.lower === 'but');
  if (!sp && joined) sp = out.length ? out[out.length - 1].attr?.speaker ?? null : sentenceSubject(ctx, s, conj);
  // "… an architect who said …": the noun before "who".
  if (!sp && before !== undefined && before.lower === 'who') sp = speakerBeforeVerb(ctx, s.first, pw);
  // A sentence split after an abbreviation ("Rep. Jane Roe (D-Mass.) said …"): the subject is in the piece before.
  if (!sp && pw < s.first && s.i > 0 && doc.sentences[s.i - 1].paragraph === s.paragraph && /[).]$/.test(doc.tokens[doc.sentences[s.i - 1].last].text)) {
    sp = speakerBeforeVerb(ctx, doc.sentences[s.i - 1].first, v);
  }
  return sp;
}

/** "X said (that) …", "X warned of …", "X is demanding …", "…, saying …" inside a sentence; several per sentence. */
export function verbCues(ctx: SpeakerContext, s: Sentence): IndirectQuote[] {
  const { doc } = ctx;
  const out = objectList<IndirectQuote>();
  const end = lastWordOf(doc, s);
  for (let v = s.first; v <= end; v++) {
    const t = doc.tokens[v];
    const cls = verbAt(doc, v, REPORTING);
    if (!cls) continue;
    const nw = nextWord(doc, v);
    if (nw > end) continue;
    const next = doc.tokens[nw];
    if (next.text === ':' || next.text === ',' || isQuoteMark(next.text) || SENTENCE_END.has(next.text)) continue;
    const pw = prevWord(doc, v);
    const before = tokenOrNone(doc, pw);
    // "“…,” said X" and "“…,” X told Y" attribute a quotation, they do not report one.
    if (followsQuotation(doc, v, s.first)) continue;
    if (/ed$/.test(t.lower) && before && BE.has(before.lower)) continue; // passive: "was told", "is expected"
    // What was said first (cheap); who said it only when there is something (resolving a speaker adds actors).
    let from = contentStart(doc, v, end);
    if (cls === 'speech' || cls === 'thought') from = pastCircumstance(doc, from, end);
    if (from < 0) continue;
    // "spoke in Oslo", "spoke to reporters": a circumstance, not what was said.
    if (cls === 'object' && tokenOrNone(doc, from)?.pos === 'ADP' && !COMPLEMENT_PREPS.has(doc.tokens[from].lower)) continue;
    from = objectStart(doc, v, from, end);
    // A verb cannot open the reported words, but a gerund after a preposition can ("warned against cutting …").
    const gerund = from <= end && /ing$/.test(doc.tokens[from].lower) && COMPLEMENT_PREPS.has(tokenOrNone(doc, prevWord(doc, from))?.lower ?? '');
    if (from > end || (/^(?:VERB|AUX)$/.test(doc.tokens[from].pos) && !gerund)) continue;
    let to = contentEnd(doc, from, end, cls);
    // "When Clinton noted that …, he smiled": a clause opened by a subordinator ends at its comma.
    if (SUBORDINATORS.has(doc.tokens[s.first].lower)) {
      for (let k = from; k < to; k++) if (doc.tokens[k].text === ',') { to = k - 1; break; }
    }
    const content = contentSpan(doc, from, to, cls === 'object' ? 1 : MIN_WORDS);
    if (!content || onlyCircumstance(doc, from, to)) continue;
    // "rejected the idea", "welcomed the decision": a thing named, not words reported.
    // Still, who did it is who the next unattributed quotation is likely from.
    // "agreed to the extension": "to" before a noun phrase is a preposition, not an infinitive.
    const toNoun = doc.tokens[from].lower === 'to' && /^(?:DET|PROPN|NUM)$/.test(tokenOrNone(doc, nextWord(doc, from))?.pos ?? '');
    const thing = toNoun || bareNounPhrase(doc, from, to) || (cls === 'object' && STANCE_VERBS.has(reportingVerb(t.lower)?.lemma ?? '') && !hasVerb(doc, from, to));
    // "…, said Jane Roe, a lawyer": an inverted attribution of a quotation, not a report.
    if (cls === 'speech' && nameOnly(doc, from, to)) continue;
    const sp = reporterOf(ctx, s, v, cls, next, out);
    if (!sp) continue;
    out.push({ span: content, attr: { speaker: sp, cue: t }, hintOnly: thing });
    // Reported words hold no further cue of the reporter's; a thing named may be followed by one ("… after X made clear …").
    if (!thing) v = to;
  }
  return out;
}
