// People and other proper names: runs of capitalised words that no lexicon claims, read as persons or organisations.
import { addActor, addMention, lineBreakBetween, objectList, type Token } from '../doc.js';
import { personKey, slugify } from '../slug.js';
import { claim, claimedAt, isCapitalised, isUpperCase, SPEECH_VERBS, wordBefore, type ActorsContext } from './context.js';
import { knownByAlias, knownByName, knownByNearAlias, type KnownAs } from './known-people.js';
import { FEMALE_FIRST_NAMES, GROUP_HEADS, HONORIFICS, NAME_PARTICLES, NOT_NAMES, ORG_HEADS, PLACE_HEADS, TITLE_MODIFIERS } from './lexicon.js';
import { fold } from './phrase-index.js';
import { oneEditApart } from './spelling.js';
import { headlineSentences } from './headlines.js';
import { isByline, MEDIA_NOUNS } from './bylines.js';
import { isTitleWord } from './titles.js';

/** One word of a name: tokens glued together without spaces ("Erdo"+"ğ"+"an", "Kosiniak"+"-"+"Kamysz"). */
export interface NameWord {
  start: number; end: number; text: string; first: number; last: number; sentence: number; folded: string; key: string;
  /** Whether a word list says the word is no name (a title, an honorific, a speech verb …); looked up on first use. */
  listedStop: boolean | undefined;
}

export interface Person { actor: number; first: string; surname: string; gender: 'm' | 'f' | null }

/** Everything the people pass learnt, for roles and pronouns. */
export interface PeopleFound {
  persons: Map<number, Person>;
  /** Each name occurrence: the actor and the word indices (in ctx.words) it spans, honorific or title included. */
  occurrences: { actor: number; from: number; to: number; full: boolean }[];
}

const NAME_WORD = /^[\p{L}][\p{L}'’.\-‐]*$/u;
const LETTERS = /^\p{L}+$/u;
const FIRST_LETTER = /^\p{L}/u;
const LAST_LETTER = /\p{L}$/u;
/** The particles joined to an Arabic name by a hyphen: "al-Assad", "bin-Salman", "Abu-Ali". */
const PARTICLES = '(?:al|el|bin|ibn|abu|ben)';
/** A particle and its hyphen at the start of a word. */
const PARTICLE_PREFIX = new RegExp(`^${PARTICLES}[-‐]`);
/** A lower-case particle joined to a capitalised name ("al-Assad"). */
const PARTICLE_BEFORE_NAME = new RegExp(`^${PARTICLES}[-‐]\\p{Lu}`, 'u');
/** A particle at the start of a folded surname (folding leaves an ASCII hyphen). */
const FOLDED_PARTICLE = new RegExp(`^${PARTICLES}-`);
const INITIAL = /^\p{Lu}\.$/u;
const NO_NAME_POS = new Set(['PUNCT', 'PRON', 'DET', 'ADP', 'CCONJ', 'SCONJ', 'AUX', 'NUM', 'PART', 'SYM', 'SPACE']);

/** True when a word is lower-case ASCII letters, digits and simple punctuation (folding leaves it as it is). */
function isPlainAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const n = s.charCodeAt(i);
    if (n >= 128 || n === 9 || n === 10 || n === 13 || (n >= 65 && n <= 90) || n === 96) return false;
  }
  return true;
}

const isAsciiLetter = (n: number): boolean => (n >= 97 && n <= 122) || (n >= 65 && n <= 90);

/** True for a word of letters only (any script); ASCII is read without a regex. */
function isLetters(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const n = s.charCodeAt(i);
    if (n >= 128) return LETTERS.test(s);
    if (!isAsciiLetter(n)) return false;
  }
  return s.length > 0;
}

/** True when a word starts (or ends) with a letter of any script. */
function startsWithLetter(s: string): boolean {
  const n = s.charCodeAt(0);
  return n < 128 ? isAsciiLetter(n) : FIRST_LETTER.test(s);
}
function endsWithLetter(s: string): boolean {
  const n = s.charCodeAt(s.length - 1);
  return n < 128 ? isAsciiLetter(n) : LAST_LETTER.test(s);
}

/** True for a word that may be (part of) a name: a letter, then letters, apostrophes, full stops and hyphens. */
function isNameWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const n = s.charCodeAt(i);
    if (n >= 128) return NAME_WORD.test(s);
    if (!isAsciiLetter(n) && (i === 0 || (n !== 39 && n !== 46 && n !== 45))) return false;
  }
  return s.length > 0;
}

/** True for a word starting with a lower-case ASCII letter or any letter beyond ASCII. */
function startsLower(s: string): boolean {
  const c = s.charCodeAt(0);
  return (c >= 97 && c <= 122) || (c >= 128 && FIRST_LETTER.test(s));
}

/** A name as displayed: white space single, middle initials dropped ("George W. Bush" → "George Bush"). */
function displayName(nameText: string): string {
  // No full stop (so no initial) and no white space but single spaces: the name as it is.
  if (!/[.]|[^\S ]| {2}/.test(nameText)) return nameText;
  const parts = nameText.split(/\s+/);
  return parts.filter((p, i) => i === 0 || i === parts.length - 1 || !INITIAL.test(p)).join(' ');
}

/** Stands for a word that can be no part of a name (lower case, digits, punctuation): one shared object, no copies. */
const BLANK: NameWord = { start: -1, end: -1, text: '', first: -1, last: -1, sentence: -1, folded: '', key: '', listedStop: undefined };

/** True for a word that starts no name and joins none: not capitalised, no particle ("von", "of"), no "al-Assad". */
function cannotName(text: string, glued: boolean): boolean {
  const c = text.charCodeAt(0);
  if (c >= 65 && c <= 90) return false;
  if (c >= 128) return !/^\p{Lu}/u.test(text) && !NAME_PARTICLES.has(text) && !glued;
  if (c < 97 || c > 122) return true;
  if ((c === 97 || c === 98 || c === 101 || c === 105) && PARTICLE_PREFIX.test(text)) return false;
  return glued || !JOINS_NAMES.has(text);
}
const JOINERS: ReadonlySet<string> = new Set(['of', 'for', 'and', 'the', 'on']);
/** Lower-case words that may stand inside a name: particles ("von", "bin") and joiners ("of", "the"). */
const JOINS_NAMES: ReadonlySet<string> = new Set([...NAME_PARTICLES, ...JOINERS]);

/** Glues tokens written without spaces into words and keeps those that can be part of a name. */
function nameWords(ctx: ActorsContext): NameWord[] {
  const { words } = ctx;
  const out = objectList<NameWord>();
  for (let k = 0; k < words.length; k++) {
    let last = k;
    while (last + 1 < words.length) {
      const a = words[last];
      const b = words[last + 1];
      if (b.start !== a.end) break;
      if (isLetters(b.text) && endsWithLetter(a.text)) { last++; continue; }
      if ((b.text === '-' || b.text === '‐') && last + 2 < words.length && words[last + 2].start === b.end && startsWithLetter(words[last + 2].text)) { last += 2; continue; }
      break;
    }
    const start = words[k].start;
    const end = words[last].end;
    const text = last === k ? words[k].text : ctx.doc.text.slice(start, end);
    if (cannotName(text, last > k)) { out.push(BLANK); k = last; continue; }
    const folded = last === k && words[k].lower.length === end - start && isPlainAscii(words[k].lower) ? words[k].lower : ctx.folded.slice(start, end);
    const key = folded.charCodeAt(folded.length - 1) === 46 ? folded.slice(0, -1) : folded;
    out.push({ start, end, text, first: k, last, sentence: words[k].sentence, folded, key, listedStop: undefined });
    k = last;
  }
  return out;
}

const isNameish = (ctx: ActorsContext, w: NameWord): boolean => {
  if (w === BLANK) return false;
  if (claimedAt(ctx, w.start) >= 0 || ctx.placeOnly[w.start]) return false;
  const capitalised = isCapitalised(w.text);
  const c = w.text.charCodeAt(0);
  if (!capitalised && c !== 97 && c !== 98 && c !== 101 && c !== 105) return false; // not a name, nor "al-", "bin-", "el-", "ibn-"
  if (!isNameWord(w.text)) return false;
  // "al-Assad", "bin-Salman": a particle joined to a capitalised name.
  if (!capitalised) return PARTICLE_BEFORE_NAME.test(w.text) && w.first > 0 && isCapitalised(ctx.words[w.first - 1].text);
  return !NO_NAME_POS.has(ctx.words[w.first].pos) || ctx.words[w.first].pos === 'PROPN';
};

const foldedWord = (w: NameWord) => w.key;
const EAST_ASIAN_SURNAMES = new Set(['kim', 'lee', 'park', 'choi', 'jung', 'kang', 'cho', 'yoon', 'jang', 'lim', 'han', 'wang', 'li', 'zhang', 'liu', 'chen', 'yang', 'zhao', 'huang', 'zhou', 'wu', 'xu', 'sun', 'hu', 'zhu', 'gao', 'lin', 'guo', 'ma', 'luo', 'xi', 'mao', 'deng', 'jiang', 'wen', 'fu', 'qin', 'geng', 'hua', 'nguyen', 'tran', 'pham']);
const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** A month is a date word only beside a number ("May 5", "5 June"); elsewhere it may be a name ("Theresa May", "Zhang Jun"). */
const isMonthName = (ctx: ActorsContext, w: NameWord, inName: boolean) =>
  MONTHS.has(w.key) && inName && !isNumberAt(ctx, w.last + 1) && !isNumberAt(ctx, w.first - 1);
/** Whether word k is a number (false outside the text: indices are checked, never read past the end). */
const isNumberAt = (ctx: ActorsContext, k: number): boolean => k >= 0 && k < ctx.words.length && ctx.words[k].pos === 'NUM';
/** The words' texts joined by single spaces (a loop, not map and join: no array in between). */
function textOf(ws: readonly NameWord[], from = 0): string {
  let text = ws[from].text;
  for (let i = from + 1; i < ws.length; i++) text += ` ${ws[i].text}`;
  return text;
}
const isStopIn = (ctx: ActorsContext, w: NameWord, inName: boolean) =>
  isListedStop(w) && !isMonthName(ctx, w, inName) && !(inName && INITIAL.test(w.text));
function isListedStop(w: NameWord): boolean {
  w.listedStop ??= NOT_NAMES.has(w.folded) || (w.key !== w.folded && NOT_NAMES.has(w.key)) || HONORIFICS.has(w.folded) || isTitleWord(w.text) || SPEECH_VERBS.has(w.key);
  return w.listedStop;
}

/** Finds person names and unknown organisation names; records persons with their mentions. */
export function findPeople(ctx: ActorsContext): PeopleFound {
  const { doc } = ctx;
  const nws = nameWords(ctx);
  const found: PeopleFound = { persons: new Map(), occurrences: [] };
  const bySurname = new Map<string, number[]>();
  /** The surnames of bySurname by their first letter, in the order they were met (for near spellings). */
  const surnamesByInitial = new Map<string, string[]>();
  const singles: { ws: NameWord[]; strict?: boolean }[] = [];
  const headline = headlineSentences(ctx);
  // Words the article also writes in lower case are common words, not names ("Time", "Allies"): gathered once, when
  // first asked about (a scan per word asked about would grow with the square of a long article).
  let lowerForms: Set<string> | null = null;
  const writtenLower = (word: string): boolean => {
    if (!lowerForms) {
      lowerForms = new Set<string>();
      for (const t of ctx.words) if (t.text === t.lower && startsLower(t.text)) lowerForms.add(t.lower);
    }
    return lowerForms.has(word);
  };

  const addPerson = (nameText: string, known: KnownAs | null, gender: 'm' | 'f' | null): number => {
    // The article's spelling is the display name ("Zelenskyy"); the key stays the known person's.
    const canonical = displayName(nameText);
    const actor = addActor(doc, {
      key: known?.key ?? personKey(canonical), kind: 'person', name: canonical, role: known?.role ?? null,
      country: known?.country ?? null, organization: known?.organization ?? null, represents: known?.represents ?? null,
    });
    if (!found.persons.has(actor)) {
      const cparts = canonical.split(/\s+/);
      const surname = fold(cparts[cparts.length - 1]);
      const firstName = cparts.length > 1 ? cparts[0] : '';
      const g = gender ?? known?.gender ?? (firstName && FEMALE_FIRST_NAMES.has(fold(firstName)) ? 'f' : null);
      found.persons.set(actor, { actor, first: firstName, surname, gender: g });
      const bare = surname.replace(FOLDED_PARTICLE, '');
      // East Asian names put the family name first ("Park Sung-min" is Mr Park).
      const family = cparts.length > 1 && (/-\p{Ll}/u.test(cparts[cparts.length - 1]) || EAST_ASIAN_SURNAMES.has(fold(cparts[0]))) ? [fold(cparts[0])] : [];
      for (const key of new Set([surname, bare, ...family, ...(cparts.length > 2 ? [fold(cparts.slice(-2).join(' '))] : [])])) {
        let list = bySurname.get(key);
        if (!list) {
          list = [];
          bySurname.set(key, list);
          const same = surnamesByInitial.get(key[0]);
          if (same) same.push(key); else surnamesByInitial.set(key[0], [key]);
        }
        list.push(actor);
      }
    } else if (gender && !found.persons.get(actor)!.gender) found.persons.get(actor)!.gender = gender;
    return actor;
  };

  /** A known person under another spelling of the first name ("Anthony" for "Antony"): same surname, same initial. */
  const knownBySurname = (first: string, last: string): { known: KnownAs; slip: boolean } | null => {
    const exact = knownByAlias(doc, last);
    const k = exact ?? knownByNearAlias(doc, last);
    return k && fold(k.name)[0] === fold(first)[0] ? { known: k, slip: !exact } : null;
  };

  /** How often the article writes two capitalised words side by side in a sentence ("Jane Doe"), counted on first need. */
  let fullNames: Map<string, number> | null = null;
  const pairCount = (a: NameWord, b: NameWord): number => {
    if (!fullNames) {
      fullNames = new Map<string, number>();
      for (let i = 0; i + 1 < nws.length; i++) {
        if (!isCapitalised(nws[i].text) || !isCapitalised(nws[i + 1].text) || nws[i].sentence !== nws[i + 1].sentence) continue;
        const pair = `${nws[i].key} ${nws[i + 1].key}`;
        fullNames.set(pair, (fullNames.get(pair) ?? 0) + 1);
      }
    }
    return fullNames.get(`${a.key} ${b.key}`) ?? 0;
  };
  /** Whether words name someone the world knows, or the article writes in full more than once. */
  const restIsKnown = (ws: NameWord[]): boolean => {
    if (knownByName(doc, textOf(ws))) return true;
    if (ws.length === 1) return knownByAlias(doc, ws[0].text) !== null || bySurname.has(ws[0].key);
    return ws.length === 2 && pairCount(ws[0], ws[1]) >= 2;
  };

  // Pass 1: runs of name-like words; full names (two words or more) become persons at once.
  for (let i = 0; i < nws.length; i++) {
    if (!isNameish(ctx, nws[i])) continue;
    let j = i;
    const run: NameWord[] = [nws[i]];
    while (j + 1 < nws.length) {
      const nx = nws[j + 1];
      if (nx.sentence !== nws[i].sentence || lineBreakBetween(doc.text, nws[j].end, nx.start)) break;
      if (isNameish(ctx, nx) || INITIAL.test(nx.text)) { run.push(nx); j++; continue; }
      if (NAME_PARTICLES.has(nx.text)) {
        // "von der Leyen", "bin Salman": particles count when a name word follows them.
        let p = j + 1;
        while (p < nws.length && p - j <= 3 && NAME_PARTICLES.has(nws[p].text)) p++;
        if (p < nws.length && isNameish(ctx, nws[p]) && nws[p].sentence === nx.sentence) {
          for (let q = j + 1; q <= p; q++) run.push(nws[q]);
          j = p;
          continue;
        }
      }
      if (/^(of|for|and|the|on)$/.test(nx.text) && nws[j + 2] && isNameish(ctx, nws[j + 2]) && run.some((w) => ORG_HEADS.has(foldedWord(w)))) { run.push(nx); j++; continue; }
      break;
    }
    i = j;
    classifyRun(run);
  }

  function classifyRun(run: NameWord[]): void {
    if (!run.length) return;
    // Photo credits ("REUTERS/Maxim Shemetov/Pool") name no actor.
    const from = run[0].start;
    const to = run[run.length - 1].end;
    if ((from > 0 && doc.text.charCodeAt(from - 1) === 47) || (to < doc.text.length && doc.text.charCodeAt(to) === 47)) return; // '/'
    if (isByline(doc.text, run[0].start, run[run.length - 1].end)) return;
    // "the daily Kommersant", "Magyar Nemzet newspaper", "the outlet Meduza": an outlet, not a person.
    const precedingWord = wordBefore(ctx.words, run[0].first);
    const wordAfter = wordAfterName(ctx, run[run.length - 1]);
    if ((wordAfter && MEDIA_NOUNS.has(wordAfter.lower)) || (precedingWord && MEDIA_NOUNS.has(precedingWord.lower) && precedingWord.lower !== 'agency')) {
      if (run.some((w) => !isStopIn(ctx, w, false))) addOrganization(ctx, run);
      return;
    }
    const isStop = (w: NameWord) => isStopIn(ctx, w, false);
    const isProper = (w: NameWord) => !isStop(w) && !NAME_PARTICLES.has(w.text) && !/^(of|for|and|the|on)$/.test(w.text);
    // An organisation's name ends at its head word ("Tax Policy Center"); what follows may be a title and a person
    // ("ECOWAS Commission President Ibrahim Tall").
    let head = -1;
    for (let p = run.length - 1; p >= 0; p--) if (ORG_HEADS.has(foldedWord(run[p]))) { head = p; break; }
    if (head >= 0) {
      const org = run.slice(0, head + 1);
      const rest = run.slice(head + 1);
      if (rest.some(isProper) && !rest.every(isProper) && !/^(of|for|and|the|on)$/.test(rest[0].text)) {
        if (org.some(isProper)) addOrganization(ctx, org);
        classifyRun(rest.slice(rest.findIndex((w) => isStop(w))));
        return;
      }
      if (run.some(isProper)) { addOrganization(ctx, run); return; }
    }
    // A place or thing closes a name ("Black Sea Fleet", "Clinton Plan"); at the front it is only a stop ("State Antony Blinken").
    // "the 1994 Crime Bill": a bill ends a run, while "Bill Clinton" starts one.
    const place = run.findIndex((w, p) => p > 0 && (PLACE_HEADS.has(foldedWord(w)) || (p === run.length - 1 && w.key === 'bill')));
    if (place > 0) {
      // "Clinton Plan", "Black Sea": the words before a place or thing count only as names known otherwise.
      for (const w of run.slice(0, place)) if (!isStop(w)) singles.push({ ws: [w], strict: true });
      return;
    }
    // A title-case headline names people only by names known otherwise ("Clinton Breaks With Obama"),
    // or after a title ("Senator Ruth Abernathy Says").
    const strictRun = headline.has(run[0].sentence) && !knownByName(doc, textOf(run));
    // Split at stop words (titles, months, "The"); each stretch of proper words is a name.
    const seg: NameWord[] = []; // emptied, not replaced: one array (of one kind) for the whole run
    const flush = (before: NameWord | undefined) => {
      while (seg.length && NAME_PARTICLES.has(seg[seg.length - 1].text)) seg.pop();
      // "Crooked Hillary Clinton", "Rival Hillary Clinton": an epithet before a name known otherwise.
      while (seg.length >= 3 && knownByName(doc, textOf(seg, 1))) seg.shift();
      while (seg.length >= 2 && ctx.words[seg[0].first].pos !== 'PROPN' && restIsKnown(seg.slice(1))) seg.shift();
      // An all-capitals run ("MIDWAY ATOLL") is a heading, not a name.
      const shouted = (w: NameWord) => isUpperCase(w.text) && /\p{Lu}{2}/u.test(w.text);
      if (seg.length >= 2 && (seg.every(shouted) || seg.some((w) => shouted(w) && w.text.length >= 5)) && !restIsKnown(seg)) { seg.length = 0; return; }
      const titledSeg = before !== undefined && (HONORIFICS.has(before.folded) || (isTitleWord(before.text) && !TITLE_MODIFIERS.has(before.key)));
      if (strictRun && !titledSeg) {
        for (const w of seg) singles.push({ ws: [w], strict: true });
      } else if (seg.length >= 2 && !seg.every((w) => INITIAL.test(w.text))) {
        const text = textOf(seg);
        const gender = before && /^(mrs|ms|miss|madam|dame|lady)\.?$/i.test(before.text) ? 'f' : before && /^(mr|sir|lord)\.?$/i.test(before.text) ? 'm' : null;
        const byName = knownByName(doc, text);
        const bySurname = byName ? null : knownBySurname(seg[0].text, seg[seg.length - 1].text);
        // A slip of the pen ("Sergey Lavruv") takes the known spelling; a variant spelling ("Anthony Blinken") stays.
        const actor = addPerson(bySurname?.slip ? bySurname.known.name : text, byName ?? bySurname?.known ?? null, gender);
        addMention(doc, actor, { start: seg[0].start, end: seg[seg.length - 1].end }, 'name');
        claim(ctx, seg[0].start, seg[seg.length - 1].end, actor);
        found.occurrences.push({ actor, from: seg[0].first, to: seg[seg.length - 1].last, full: true });
      } else if (seg.length === 1) {
        singles.push({ ws: before ? [before, seg[0]] : [seg[0]] });
      }
      seg.length = 0;
    };
    let before: NameWord | undefined;
    for (let k = 0; k < run.length; k++) {
      const w = run[k];
      // A title word closing a name is a surname ("Angus King").
      const afterHonorific = k > 0 && HONORIFICS.has(run[k - 1].folded) && seg.length === 0;
      const surnameTitle = (seg.length > 0 || afterHonorific) && k === run.length - 1 && isTitleWord(w.text) && !NOT_NAMES.has(foldedWord(w));
      // "Jan Nowak": a month's short form before a name is a first name.
      const firstName = w.key === 'jan' && seg.length === 0 && k + 1 < run.length && !isStopIn(ctx, run[k + 1], true) && !isNumberAt(ctx, w.last + 1);
      if (isStopIn(ctx, w, seg.length > 0) && !surnameTitle && !firstName) { flush(before); before = w; continue; }
      seg.push(w);
    }
    flush(before);
  }

  // Pass 2: single words: "Mr Kaczynski", "President Trump", a surname seen in a full name, a known office holder,
  // or a capitalised word that says something ("Ollongren said").
  for (const { ws, strict } of singles) {
    const w = ws[ws.length - 1];
    const lead = ws.length > 1 ? ws[0] : undefined;
    const honor = lead !== undefined && HONORIFICS.has(lead.folded);
    const prevWord = wordBefore(ctx.words, w.first);
    const titled = (lead !== undefined && isTitleWord(lead.text) && !TITLE_MODIFIERS.has(lead.key)) || (prevWord !== undefined && prevWord.sentence === w.sentence && isTitleWord(prevWord.text) && !TITLE_MODIFIERS.has(prevWord.lower));
    const sf = foldedWord(w);
    const word = w.text.replace(/\.$/, '');
    let actor = -1;
    let known: KnownAs | null = null;
    const same = bySurname.get(sf);
    if (same?.length) actor = same.length === 1 ? same[0] : nearest(doc.actors, same, w.start);
    else {
      known = knownByAlias(doc, word);
      // A misspelt surname ("Erdoğa", "Stolteneberg") is the person whose surname it misses by one letter.
      if (sf.length >= 6 && !known) {
        const near = surnamesByInitial.get(sf[0]);
        for (let n = 0; near !== undefined && n < near.length; n++) {
          const surname = near[n];
          if (Math.abs(surname.length - sf.length) <= 1 && oneEditApart(surname, sf)) { actor = bySurname.get(surname)![0]; break; }
        }
      }
    }
    if (actor < 0 && known) {
      // The known name, its last word as the article spells it.
      const space = known.name.lastIndexOf(' ');
      const display = known.name.endsWith(word) || space < 0 ? known.name : `${known.name.slice(0, space)} ${word}`;
      actor = addPerson(display, known, null);
    }
    if (actor < 0) {
      const tok: Token = ctx.words[w.first];
      const next = wordAfterName(ctx, w);
      const prev = prevWord;
      const speaks = (next && SPEECH_VERBS.has(next.lower) && next.lower !== 'according') || (prev && /^(said|says|added|told|according)$/.test(prev.lower) && !lead)
        || (isUpperCase(w.text) && w.text.length > 2 && next !== undefined && next.text === ':');
      const sentenceStart = prevWord === undefined || prevWord.sentence !== tok.sentence;
      // Looked up only for a word that speaks (the article's lower-case words are gathered on first need).
      const common = (): boolean => writtenLower(tok.lower) || GROUP_HEADS.has(w.folded) || (sentenceStart && tok.pos !== 'PROPN');
      if (!strict && (honor || titled || (speaks && !common()))) {
        const name = isUpperCase(w.text) && w.text.length > 2 ? w.text[0] + w.text.slice(1).toLowerCase() : word;
        const gender = lead && /^(mrs|ms|miss|madam|dame|lady)\.?$/i.test(lead.text) ? 'f' : lead && /^(mr|sir|lord)\.?$/i.test(lead.text) ? 'm' : null;
        actor = addPerson(name, null, gender);
      }
    }
    if (actor < 0) continue;
    const from = honor ? lead! : w;
    addMention(doc, actor, { start: from.start, end: w.end }, honor ? 'title' : 'surname');
    claim(ctx, from.start, w.end, actor);
    found.occurrences.push({ actor, from: w.first, to: w.last, full: false });
  }
  return found;
}

/** Records a run of name words as an organisation, leading "the" and titles left out (a module function: a call to a
 * closure made per article is compiled for the first article's closure and thrown away on the next one's). */
function addOrganization(ctx: ActorsContext, run: NameWord[]): void {
  const { doc } = ctx;
  let from = 0;
  while (from < run.length - 1 && (run[from].folded === 'the' || isTitleWord(run[from].text))) from++;
  const name = doc.text.slice(run[from].start, run[run.length - 1].end);
  const key = `org:${slugify(name).toUpperCase()}`;
  const actor = addActor(doc, { key, kind: 'organization', name, role: null, country: null, organization: key.slice(4), represents: key });
  addMention(doc, actor, { start: run[from].start, end: run[run.length - 1].end }, 'name');
  claim(ctx, run[from].start, run[run.length - 1].end, actor);
}

/** The word after a name word, or undefined at the end of the text. */
const wordAfterName = (ctx: ActorsContext, w: NameWord): Token | undefined => (w.last + 1 < ctx.words.length ? ctx.words[w.last + 1] : undefined);

/** Of several actors with the same surname (rare, so a plain scan), the one mentioned last before an offset, else the first. */
function nearest(actors: { mentions: { start: number }[] }[], candidates: number[], offset: number): number {
  let best = -1;
  let bestAt = -1;
  for (const a of candidates) {
    for (const m of actors[a].mentions) if (m.start < offset && m.start > bestAt) { best = a; bestAt = m.start; }
  }
  return best >= 0 ? best : candidates[0];
}
