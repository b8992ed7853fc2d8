// Pronouns and role phrases ("he", "she", "they", "who", "the minister") as mentions of the actor they refer back to.
import { addActor, addMention, type Mention } from '../doc.js';
import type { ActorKind } from '../record.js';
import { claimedAt, isCapitalised, SPEECH_VERBS, wordAt, wordBefore, type ActorsContext } from './context.js';
import type { PeopleFound } from './names.js';
import { PRONOUNS, TITLE_PHRASES } from './lexicon.js';

interface Named { actor: number; start: number; end: number; sentence: number; quoted: boolean; subject: boolean }

/** Character ranges inside quotation marks. */
export function quotedRanges(text: string): [number, number][] {
  const out: [number, number][] = [];
  let open = -1;
  let straight = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x201c && c !== 0x201d && c !== 34 && c !== 10) continue;
    if (c === 0x201c) open = i;
    else if (c === 0x201d) { if (open >= 0) { out.push([open, i]); open = -1; } }
    else if (c === 34) {
      if (straight < 0) straight = i;
      else { out.push([straight, i]); straight = -1; }
    } else { open = -1; straight = -1; }
  }
  return out;
}

/** True when an offset lies strictly inside one of the ranges (sorted, not overlapping): a binary search. */
function inside(ranges: [number, number][], at: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (at <= ranges[mid][0]) hi = mid - 1;
    else if (at >= ranges[mid][1]) lo = mid + 1;
    else return true;
  }
  return false;
}
const BODY_KINDS: readonly ActorKind[] = ['country', 'organization'];
const SPEAKER_KINDS: readonly ActorKind[] = ['person', 'group'];
const SKIP_AFTER = new Set(['has', 'have', 'had', 'also', 'then', 'later', 'again', 'would', 'will', 'had', 'previously', 'reportedly']);
const PREPOSITIONS = new Set(['to', 'with', 'by', 'for', 'from', 'against', 'of', 'on', 'at', 'about', 'between', 'and', 'than', 'like']);
const ROLE_HEADS = /^(president|vice president|prime minister|minister|chancellor|premier|senator|congressman|congresswoman|ambassador|envoy|spokesman|spokeswoman|spokesperson|secretary|foreign secretary|mayor|governor|nominee|candidate|leader|chief|king|queen|emir|speaker|diplomat|official|lawmaker|representative|commissioner|general)$/;

/** Adds pronoun and role-phrase mentions, each to the most recent compatible named actor. */
export function resolvePronouns(ctx: ActorsContext, people: PeopleFound): void {
  const { doc, words } = ctx;
  const quotes = quotedRanges(doc.text);
  const named = namedMentions(ctx, quotes);
  let lo = 0;
  let hi = 0;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w.pos !== 'PRON' && w.pos !== 'DET' && w.pos !== 'PROPN') continue;
    const kind = PRONOUNS.get(w.lower);
    if (!kind) continue;
    // The named mentions of the last few sentences before the pronoun (a sliding window over text order).
    while (hi < named.length && named[hi].end <= w.start) hi++;
    while (lo < hi && named[lo].sentence < w.sentence - 6) lo++;
    // Of the neuter and plural words, only "it", "they" and "them" stand for a speaker ("its", "their" do not).
    if ((kind === 'neuter' && w.lower !== 'it') || (kind === 'plural' && (w.lower === 'their' || w.lower === 'themselves'))) continue;
    const before: Named[] = [];
    for (let n = lo; n < hi; n++) if (named[n].end <= w.start && !named[n].quoted) before.push(named[n]);
    // One function per kind of pronoun (one long loop holding every branch was compiled again and again by V8).
    let pick = -1;
    if (kind === 'male' || kind === 'female') pick = pickPersonal(ctx, people, before, k, kind === 'male' ? 'm' : 'f');
    else if (kind === 'neuter') pick = pickNeuter(ctx, before, k);
    else if (kind === 'plural') pick = pickPlural(ctx, before, k);
    else if (kind === 'relative') pick = pickRelative(ctx, named, lo, hi, before, k);
    if (pick < 0) continue;
    addMention(doc, pick, { start: w.start, end: w.end }, 'pronoun');
  }
  resolveRolePhrases(ctx, named);
  findAuthor(ctx, quotes);
}

/** Every mention that is not a pronoun, in text order, with its sentence and whether it is quoted or a subject. */
function namedMentions(ctx: ActorsContext, quotes: [number, number][]): Named[] {
  const { doc, words } = ctx;
  const named: Named[] = [];
  for (let i = 0; i < doc.actors.length; i++) {
    for (const m of doc.actors[i].mentions) {
      if (m.via === 'pronoun') continue;
      const k = wordAt(ctx, m.start);
      const sentence = k < words.length ? words[k].sentence : -1;
      named.push({ actor: i, start: m.start, end: m.end, sentence, quoted: inside(quotes, m.start), subject: isSubject(ctx, k, m) });
    }
  }
  named.sort((x, y) => x.start - y.start);
  return named;
}

const genderOf = (people: PeopleFound, actor: number): 'm' | 'f' | null => people.persons.get(actor)?.gender ?? null;

/** "he", "she": a person of that gender (or of none known), preferably of the last few sentences. */
function pickPersonal(ctx: ActorsContext, people: PeopleFound, before: Named[], k: number, g: 'm' | 'f'): number {
  const { doc, words } = ctx;
  const w = words[k];
  let ok = before.filter((n) => doc.actors[n.actor].kind === 'person' && (genderOf(people, n.actor) ?? g) === g);
  const near = ok.filter((n) => n.sentence >= w.sentence - 3);
  if (near.length) ok = near;
  const pick = choose(ok, w.sentence, w.start, k > 0 && words[k - 1].text === ',' ? sentenceStartOf(ctx, k) : -1);
  if (pick >= 0 && genderOf(people, pick) === null && new Set(ok.map((n) => n.actor)).size === 1) people.persons.get(pick)!.gender = g;
  return pick;
}

/** "it": the country or organisation just named, when "it" says something or (as the subject before) acts. */
function pickNeuter(ctx: ActorsContext, before: Named[], k: number): number {
  const { doc, words } = ctx;
  const ok = before.filter((n) => n.sentence >= words[k].sentence - 1 && BODY_KINDS.includes(doc.actors[n.actor].kind));
  if (saysNext(ctx, k)) return ok.length ? ok[ok.length - 1].actor : -1;
  if (actsNext(ctx, k)) {
    // "it issued a paper": only for the organisation or country that is the subject just before.
    const subj = ok.filter((n) => n.subject);
    return subj.length ? subj[subj.length - 1].actor : -1;
  }
  return -1;
}

/** "they", "them": a group just named, else (when they say something) any actor but a person. */
function pickPlural(ctx: ActorsContext, before: Named[], k: number): number {
  const { doc, words } = ctx;
  const ok = before.filter((n) => n.sentence >= words[k].sentence - 1 && doc.actors[n.actor].kind !== 'person');
  const groups = ok.filter((n) => doc.actors[n.actor].kind === 'group');
  if (groups.length) return groups[groups.length - 1].actor;
  if (saysNext(ctx, k) && ok.length) return ok[ok.length - 1].actor;
  return -1;
}

/** "X who said", "the Chicago Police Department which reported": the actor just named. */
function pickRelative(ctx: ActorsContext, named: Named[], lo: number, hi: number, before: Named[], k: number): number {
  const { doc, words } = ctx;
  const w = words[k];
  const prev = wordBefore(words, k);
  let adjacent: Named | undefined;
  for (let j = hi - 1; prev && j >= lo && named[j].sentence >= w.sentence; j--) if (named[j].end === prev.end) { adjacent = named[j]; break; }
  const wantKinds = w.lower === 'which' ? BODY_KINDS : SPEAKER_KINDS;
  if (adjacent && wantKinds.includes(doc.actors[adjacent.actor].kind)) return adjacent.actor;
  if (prev !== undefined && prev.text === ',') {
    // "X, Finland's junior minister, who said": the person or group the clause hangs on.
    const ok = before.filter((n) => n.sentence === w.sentence && n.end >= words[Math.max(0, k - 20)].start && wantKinds.includes(doc.actors[n.actor].kind));
    return ok.length ? ok[ok.length - 1].actor : -1;
  }
  return -1;
}

const FIRST_PERSON = new Set(['i', 'me', 'my', 'myself', 'we', 'us', 'our', 'ourselves']);

/** "I", "we" outside quotation marks: the writer of the piece (a column, an interview), as one unnamed actor. */
function findAuthor(ctx: ActorsContext, quotes: [number, number][]): void {
  const { doc, words } = ctx;
  let author = -1;
  for (const w of words) {
    if (w.pos !== 'PRON' || !FIRST_PERSON.has(w.lower) || inside(quotes, w.start)) continue;
    if (author < 0) author = addActor(doc, { key: 'group:author', kind: 'group', name: 'the author', role: null, country: null, organization: null, represents: null });
    addMention(doc, author, { start: w.start, end: w.end }, 'pronoun');
  }
}

/** Among candidates, the subject of the pronoun's sentence, else of the nearest earlier sentence naming one. */
function choose(ok: Named[], sentence: number, at: number, clauseStart: number): number {
  if (!ok.length) return -1;
  // After an opening phrase ("Speaking on X's show, he said"), the pronoun looks past that phrase,
  // unless the sentence opened with the person's name.
  const same = ok.filter((n) => n.sentence === sentence && n.end <= at && (clauseStart < 0 || n.start === clauseStart));
  if (same.length) return (same.find((n) => n.subject) ?? same[same.length - 1]).actor;
  const lastSentence = ok[ok.length - 1].sentence;
  const there = ok.filter((n) => n.sentence === lastSentence);
  return (there.find((n) => n.subject) ?? there[0]).actor;
}

/** Offset of the first word of the sentence holding word k. */
function sentenceStartOf(ctx: ActorsContext, k: number): number {
  let j = k;
  while (j > 0 && ctx.words[j - 1].sentence === ctx.words[k].sentence) j--;
  return ctx.words[j].start;
}

/** A mention that is not governed by a preposition and not inside a possessive ("Biden's", "to Biden"). */
function isSubject(ctx: ActorsContext, k: number, m: Mention): boolean {
  const { words } = ctx;
  // Indices are checked before reading: a read past the end of an array makes V8 throw away the compiled code.
  const prev = wordBefore(words, k);
  if (prev && k < words.length && prev.sentence === words[k].sentence && PREPOSITIONS.has(prev.lower)) return false;
  const after = wordAt(ctx, m.end);
  if (after < words.length && /^['’]s?$/.test(words[after].text)) return false;
  return true;
}

/** "it said", "they have warned": the pronoun is the subject of a speech verb. */
function saysNext(ctx: ActorsContext, k: number): boolean {
  for (let j = k + 1, n = 0; j < ctx.words.length && n < 3; j++, n++) {
    const l = ctx.words[j].lower;
    if (SPEECH_VERBS.has(l) && l !== 'according') return true;
    if (!SKIP_AFTER.has(l)) return false;
  }
  return false;
}

/** "it issued", "it increased": the pronoun is the subject of a verb of action (not "it is", "it seems"). */
function actsNext(ctx: ActorsContext, k: number): boolean {
  const next = ctx.words[k + 1];
  if (!next || next.pos !== 'VERB') return false;
  return !/^(is|was|seems|seemed|appears|appeared|means|meant|takes|took|remains|remained|looks|looked|comes|came|goes|went|becomes|became|makes|made|happens|happened|matters|gets|got|turns|turned)$/.test(next.lower);
}


/** "the minister", "the Republican nominee": the most recent person whose role has that head. */
function resolveRolePhrases(ctx: ActorsContext, named: Named[]): void {
  const { doc, words, folded } = ctx;
  let upTo = 0;
  for (let k = 0; k < words.length; k++) {
    if (words[k].lower !== 'the') continue;
    // Up to three modifiers, then a title, not followed by a name.
    for (let j = k + 1; j <= k + 4 && j < words.length; j++) {
      const m = TITLE_PHRASES.hasLead(words[j].lower) ? TITLE_PHRASES.match(doc.text, folded, words[j].start) : null;
      if (!m) {
        // Modifiers: "the former", "the Republican", "the Panamanian" (any country word).
        const c = claimedAt(ctx, words[j].start);
        if (!(c >= 0 && doc.actors[c].kind === 'country') && !/^(former|current|new|top|republican|democratic|gop|foreign|deputy|vice|prime|senior|chief)$/i.test(words[j].text)) break;
        continue;
      }
      let e = j;
      while (e < words.length && words[e].end <= m.end) e++;
      if (words[e] && isCapitalised(words[e].text) && words[e].pos === 'PROPN') break;
      const head = m.phrase.toLowerCase();
      if (!ROLE_HEADS.test(head.replace(/^(deputy|vice) /, ''))) break;
      const span = { start: words[k].start, end: m.end };
      // "said the Panamanian ambassador, Eloy Alfaro de Alba": the name in apposition.
      if (words[e]?.text === ',' && words[e + 1]) {
        const a = claimedAt(ctx, words[e + 1].start);
        if (a >= 0 && doc.actors[a].kind === 'person') { addMention(doc, a, span, 'title'); break; }
      }
      // The most recent person before the phrase whose role has that head (among the last few hundred names).
      while (upTo < named.length && named[upTo].start < span.start) upTo++;
      for (let n = upTo - 1; n >= 0 && upTo - n <= 300; n--) {
        const a = doc.actors[named[n].actor];
        if (named[n].end <= span.start && a.kind === 'person' && (a.role ?? '').toLowerCase().includes(head)) { addMention(doc, named[n].actor, span, 'title'); break; }
      }
      break;
    }
  }
}
