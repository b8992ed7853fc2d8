// Roles: reads the title around a person's name ("Estonia's Defence Minister X", "X, the Dutch representative") into
// role, country, organisation and whom the person speaks for.
import { objectList, type Token } from '../doc.js';
import { claimedAt, wordAt, type ActorsContext } from './context.js';
import type { PeopleFound } from './names.js';
import { isTitleWord, titleSpeaks } from './titles.js';
import { HONORIFICS } from './lexicon.js';
import { contextCountry, dominantCountry } from './home-country.js';
import { speakingFor } from './speaking-for.js';

export interface RoleReading { role: string; country: string | null; organization: string | null; represents: string | null }

const CONNECTORS = new Set(['of', 'to', 'the', 'for', 'at', 'on', 'in', '-']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'another', 'one']);
const PARTY_MARK = /^\(?(R|D|I)$/;
/** Abbreviated ranks, whose full stop the tokenizer may take for a sentence end ("Maj. Gen. X"). */
const RANK_ABBREVIATIONS = /^(gen|maj|lt|col|capt|sgt|adm|brig|cmdr)$/i;
/** Military ranks: titles of their own only when nothing else says what the person does. */
const RANKS = /^(gen|maj|lt|col|capt|sgt|adm|brig|cmdr|general|colonel|major|captain|lieutenant|sergeant|admiral|brigadier|commander)\.?$/i;
/** Abbreviated titles, written out ("Rep." is a member of Congress, not a UN representative). */
const ABBREVIATED: Record<string, string> = { 'sen.': 'senator', 'rep.': 'congressman', 'gov.': 'governor', 'amb.': 'ambassador', 'gen.': 'general', 'adm.': 'admiral' };

/** Reads title words, countries and organisations from a stretch of words (in text order). A person named in it
 * ("Orbán's spokesperson", "an adviser to President Obama", "a spokesman for Hillary Clinton") is the patron:
 * the holder works for them and speaks for whom they speak for. */
function readStretch(ctx: ActorsContext, ws: Token[]): RoleReading | null {
  const { doc } = ctx;
  const titleWords: string[] = [];
  let country: string | null = null;
  let organization: string | null = null;
  let orgIsTarget = false;
  let patron: number | null = null;
  let patronServed = false;
  let afterServe = false;
  const ranks: string[] = [];
  for (let k = 0; k < ws.length; k++) {
    const w = ws[k];
    const a = claimedAt(ctx, w.start);
    if (a >= 0) {
      const actor = doc.actors[a];
      const prev = ws[k - 1]?.lower === 'the' ? ws[k - 2] : ws[k - 1];
      if (actor.kind === 'person') {
        const possessive = /^['’]s?$/.test(ws[k + 1]?.text ?? '');
        const served = afterServe || (prev !== undefined && /^(to|for|of)$/.test(prev.lower));
        if ((possessive || served) && patron === null) { patron = a; patronServed = served && !possessive; }
        while (ws[k + 1] && claimedAt(ctx, ws[k + 1].start) === a) k++;
        continue;
      }
      afterServe = false;
      if (actor.kind === 'country') country ??= actor.country;
      else if (actor.kind === 'organization') {
        if (!organization || !orgIsTarget) {
          organization = actor.organization;
          orgIsTarget = prev !== undefined && /^(to|at|in)$/.test(prev.lower);
        }
        if (!country && actor.country) country = actor.country;
      }
      continue;
    }
    // "his senior climate adviser": the patron is the person last named before.
    if ((w.lower === 'his' || w.lower === 'her') && k === 0 && patron === null) {
      const p = lastPersonBefore(ctx, w.start);
      if (p >= 0) patron = p;
      continue;
    }
    // "Its foreign minister, X": the country or organisation last named.
    if ((w.lower === 'its' || w.lower === 'their') && k === 0) {
      const owner = lastBodyBefore(ctx, w.start);
      // "The Social Democrats … Their defence spokesperson": a party's people speak for the party, not a government.
      if (owner >= 0 && doc.actors[owner].kind === 'group') return { role: titleWordsOf(ws), country: null, organization: null, represents: null };
      if (owner >= 0 && doc.actors[owner].kind === 'country') country ??= doc.actors[owner].country;
      else if (owner >= 0) { organization ??= doc.actors[owner].organization; country ??= doc.actors[owner].country; }
      continue;
    }
    // Titles after the patron belong to the patron ("adviser to President Obama").
    if (patron !== null && patronServed) continue;
    if (/^(to|for)$/.test(w.lower) && titleWords.length) { afterServe = true; continue; }
    if (afterServe) continue;
    if (RANKS.test(w.text)) { ranks.push(ABBREVIATED[w.lower] ?? (w.lower.length > 5 ? w.lower : 'general')); continue; }
    if (isTitleWord(w.text)) titleWords.push(ABBREVIATED[w.lower] ?? w.lower.replace(/\.$/, ''));
    else if (w.lower === 'of' || w.lower === '-') titleWords.push(w.lower);
  }
  if (!titleWords.length && ranks.length) titleWords.push(ranks[ranks.length - 1]);
  // "director of new [York University…]": what follows the last "of" must hold a title of its own, or it goes.
  const lastOf = titleWords.lastIndexOf('of');
  if (lastOf > 0 && !titleSpeaks(titleWords.slice(lastOf + 1).join(' ')) && !/^(state|defense|defence|staff|foreign affairs)$/.test(titleWords.slice(lastOf + 1).join(' '))) titleWords.length = lastOf;
  while (titleWords.length && /^(of|-)$/.test(titleWords[titleWords.length - 1])) titleWords.pop();
  while (titleWords.length && /^(of|-)$/.test(titleWords[0])) titleWords.shift();
  if (!titleWords.length) return null;
  const role = titleWords.join(' ').replace(/ - /g, '-');
  const speaks = titleSpeaks(role);
  if (!speaks) return null;
  let represents: string | null = null;
  // The EU's commissioners sit in the European Commission ("EU trade commissioner X").
  if (organization === 'EU' && /\bcommissioner\b/.test(role)) organization = 'EC';
  // "his Portuguese counterpart": a counterpart serves another government, not the person named before.
  if (patron !== null && /\bcounterparts?\b/.test(role) && country) patron = null;
  if (patron !== null) {
    const p = doc.actors[patron];
    country ??= p.country;
    if (p.represents?.startsWith('org:')) organization ??= p.organization;
    // Staff speak for whom their patron speaks for; a candidate's staff only for the campaign.
    return { role, country, organization, represents: speaks === 'office' ? p.represents : null };
  }
  if (speaks === 'office') {
    const diplomat = /\b(ambassador|envoy|representative|delegate|diplomat)\b/.test(role);
    if (organization && !orgIsTarget && !(diplomat && country)) represents = `org:${organization}`;
    else if (country) represents = `country:${country}`;
  }
  return { role, country, organization, represents };
}

/** The person whose name was last written before an offset, in the same or the previous sentence, or -1. */
function lastPersonBefore(ctx: ActorsContext, offset: number): number {
  const k = wordAt(ctx, offset);
  const sentence = ctx.words[k]?.sentence ?? 0;
  for (let j = k - 1; j >= 0 && ctx.words[j].sentence >= sentence - 1; j--) {
    const a = claimedAt(ctx, ctx.words[j].start);
    if (a >= 0 && ctx.doc.actors[a].kind === 'person') return a;
  }
  return -1;
}

/** True when a name ends its apposition: a comma, semicolon or full stop follows, or the sentence ends. */
function closesApposition(words: Token[], to: number): boolean {
  const next = words[to + 1];
  return !next || next.sentence !== words[to].sentence || /^[,;.”"’]$/.test(next.text);
}

/** The group with a mention covering an offset, or -1 (groups claim no characters). */
function groupAt(ctx: ActorsContext, offset: number): number {
  let marks = groupMarks.get(ctx);
  if (!marks || marks.count !== ctx.doc.actors.length) {
    // Each character covered by a group's mention, marked with the first such group (plus one).
    const at = new Int32Array(ctx.doc.text.length + 1);
    for (let g = ctx.doc.actors.length - 1; g >= 0; g--) {
      if (ctx.doc.actors[g].kind !== 'group') continue;
      for (const m of ctx.doc.actors[g].mentions) at.fill(g + 1, m.start, m.end);
    }
    marks = { count: ctx.doc.actors.length, at };
    groupMarks.set(ctx, marks);
  }
  return offset >= 0 && offset < marks.at.length ? marks.at[offset] - 1 : -1;
}
const groupMarks = new WeakMap<ActorsContext, { count: number; at: Int32Array }>();

/** The title words of a stretch, as a role ("defence spokesperson"). */
function titleWordsOf(ws: Token[]): string {
  return ws.filter((w) => isTitleWord(w.text) && !/^(its|their)$/.test(w.lower)).map((w) => w.lower).join(' ');
}

/** The country, organisation or group whose name was last written before an offset, within two sentences, or -1. */
function lastBodyBefore(ctx: ActorsContext, offset: number): number {
  const k = wordAt(ctx, offset);
  const sentence = ctx.words[k]?.sentence ?? 0;
  for (let j = k - 1; j >= 0 && ctx.words[j].sentence >= sentence - 2; j--) {
    const a = claimedAt(ctx, ctx.words[j].start);
    if (a >= 0 && ctx.doc.actors[a].kind !== 'person') return a;
    if (groupAt(ctx, ctx.words[j].start) >= 0) return groupAt(ctx, ctx.words[j].start);
  }
  return -1;
}

/** The words before a name that belong to its title, stopping at anything else. A "to" or "for" is crossed only
 * towards countries and organisations ("Ambassador to the UN X"), never past another title ("adviser to President X"). */
function leftStretch(ctx: ActorsContext, from: number, to: number): Token[] {
  const { words } = ctx;
  const out = objectList<Token>();
  const pending: Token[] = [];
  let sentence = words[from].sentence;
  let titleSeen = false;
  const self = claimedAt(ctx, words[from].start);
  let edge = from - 1;
  while (edge >= 0 && self >= 0 && claimedAt(ctx, words[edge].start) === self) edge--;
  for (let j = from - 1; j >= 0 && from - j <= 12; j--) {
    const w = words[j];
    if (w.sentence !== sentence) {
      // "Maj. Gen. X": a sentence split after an abbreviated rank is no real boundary.
      if (w.text === '.' && RANK_ABBREVIATIONS.test(words[j - 1]?.text ?? '') && words[j - 1].end === w.start) { sentence = w.sentence; continue; }
      break;
    }
    const a = claimedAt(ctx, w.start);
    if (a >= 0 && a === self) continue; // the person's own honorific ("Lord Collins")
    const anchor = a >= 0 || /^['’]s?$/.test(w.text);
    if (a >= 0 && ctx.doc.actors[a].kind === 'person' && !/^['’]s?$/.test(words[j + 1]?.text ?? '')) break;
    if (/^(to|for)$/.test(w.lower) && titleSeen) break;
    // "a spokeswoman for the State Department, X": a "for" is crossed from a body back to the title before it.
    if (w.lower === 'for' && !(out.some((t) => claimedAt(ctx, t.start) >= 0) && isTitleWord(words[j - 1]?.text ?? '') && claimedAt(ctx, words[j - 1].start) < 0)) break;
    if (/^(his|her|its|their)$/.test(w.lower) && titleSeen) { out.unshift(...pending.splice(0), w); break; }
    const title = isTitleWord(w.text);
    if (anchor || title || CONNECTORS.has(w.lower) || RANKS.test(w.text)) {
      if (a < 0 && title) titleSeen = true;
      out.unshift(...pending.splice(0), w);
      continue;
    }
    // "Lord Collins", "Dr Ortiz": an honorific is no title.
    if (HONORIFICS.has(w.lower) && out.length === 0) continue;
    // "Britain's minister for Africa, Lord X": the portfolio after "for" is skipped, the title before it kept.
    if (a < 0 && words[j - 1]?.lower === 'for' && words[j - 2] && isTitleWord(words[j - 2].text) && claimedAt(ctx, words[j - 2].start) < 0) { j--; continue; }
    // "Obama's science adviser", "Italian Agriculture Minister": a word inside a title counts once something
    // further left anchors it.
    if (titleSeen && pending.length < 2 && a < 0 && /^\p{L}+$/u.test(w.text) && (w.pos === 'NOUN' || w.pos === 'ADJ' || w.pos === 'PROPN')) { pending.unshift(w); continue; }
    // "Maj. Gen.": the tokenizer may split the abbreviation's full stop off.
    if (w.text === '.' && RANK_ABBREVIATIONS.test(words[j - 1]?.text ?? '') && words[j - 1].end === w.start) continue;
    // "Russia's UN ambassador, Vassily Nebenzia, said": a title before a comma stands in apposition.
    if (w.text === ',' && out.every((t) => RANKS.test(t.text)) && (j === edge || out.length > 0) && closesApposition(words, to)) continue;
    break;
  }
  while (out.length && CONNECTORS.has(out[0].lower)) out.shift();
  return out;
}

/** The words of an apposition after a name ("X, the Dutch representative,"), or of a party mark ("(R-Ga.)"). */
function rightStretch(ctx: ActorsContext, to: number): Token[] | 'legislator' {
  const { words } = ctx;
  const out = objectList<Token>();
  let j = to + 1;
  // "(R-Ga.)" or ", D-Conn.,": a member of Congress.
  if (words[j]?.text === '(' && PARTY_MARK.test(words[j + 1]?.text ?? '') && words[j + 2]?.text === '-') return 'legislator';
  if (words[j]?.text === ',' && PARTY_MARK.test(words[j + 1]?.text ?? '') && words[j + 2]?.text === '-' && /^\p{Lu}/u.test(words[j + 3]?.text ?? '')) return 'legislator';
  if (words[j]?.text !== ',') return out;
  j++;
  if (words[j] && DETERMINERS.has(words[j].lower)) j++;
  for (; j < words.length && out.length < 10; j++) {
    const w = words[j];
    if (w.sentence !== words[to].sentence) break;
    const a = claimedAt(ctx, w.start);
    if (a >= 0 && ctx.doc.actors[a].kind === 'person' && !/^['’]s?$/.test(words[j + 1]?.text ?? '')) {
      // "a spokesman for Hillary Clinton", "an adviser to President Obama": the person served ends the stretch.
      if (out.some((t) => /^(to|for)$/.test(t.lower))) { while (words[j] && claimedAt(ctx, words[j].start) === a) out.push(words[j++]); }
      break;
    }
    if (a >= 0 || /^['’]s?$/.test(w.text) || isTitleWord(w.text) || CONNECTORS.has(w.lower)) { out.push(w); continue; }
    // "X, the country's finance minister": the country is the one the passage is about.
    if (/^(country|nation)$/.test(w.lower) && /^['’]s?$/.test(words[j + 1]?.text ?? '') && out.length === 0) continue;
    break;
  }
  return out;
}

/** Roles that only a government has ("minister", "government spokesman"); a bare "president" or "director" may be anyone's. */
const GOVERNMENT_ROLE = /\b(minister|ministry|government|spokesman|spokeswoman|spokesperson|ambassador|envoy|secretary of state|foreign secretary|defence secretary|defense secretary)\b/;

/** Organisations whose named people speak for them ("NATO's Mark Rutte"); an outlet's reporter does not. */
const ORG_BODIES = new Set(['NATO', 'EU', 'EC', 'EP', 'UN', 'UNSC', 'UNGA', 'OSCE', 'AU', 'ASEAN', 'IAEA', 'IMF', 'WHO', 'WTO', 'G7', 'G20', 'ICC', 'ICJ', 'OPEC', 'WB', 'OECD']);

/** "Luxembourg’s Francois Bausch": a country's own person speaks for it. */
function possessiveCountry(ctx: ActorsContext, from: number): RoleReading | null {
  const { words, doc } = ctx;
  if (from === 0 || !/^['’]s?$/.test(words[from - 1].text)) return null;
  const a = claimedAt(ctx, from >= 2 ? words[from - 2].start : -1);
  if (a < 0) return null;
  const owner = doc.actors[a];
  if (owner.kind === 'country') return { role: '', country: owner.country, organization: null, represents: owner.key };
  if (owner.kind === 'organization' && ORG_BODIES.has(owner.organization ?? '')) return { role: '', country: null, organization: owner.organization, represents: owner.key };
  return null;
}

/** Fills each person's role, country, organisation and represents from the titles around their names. */
export function findRoles(ctx: ActorsContext, people: PeopleFound): void {
  const { doc } = ctx;
  const done = new Set<number>();
  for (const occ of people.occurrences) {
    if (done.has(occ.actor)) continue;
    const left = leftStretch(ctx, occ.from, occ.to);
    let reading = readStretch(ctx, left);
    if (!reading) {
      const right = rightStretch(ctx, occ.to);
      if (right === 'legislator') reading = { role: 'lawmaker', country: 'USA', organization: null, represents: null };
      else reading = readStretch(ctx, right);
    }
    if (!reading && occ.full) reading = possessiveCountry(ctx, occ.from);
    const behalf = speakingFor(ctx, occ.from, occ.to);
    if (behalf) {
      // "speaking for the Alliance of Small Island States" outweighs the speaker's own title.
      reading = { role: reading?.role ?? '', country: behalf.startsWith('country:') ? behalf.slice(8) : reading?.country ?? null,
        organization: behalf.startsWith('org:') ? behalf.slice(4) : null, represents: behalf };
    }
    if (!reading) continue;
    const a = doc.actors[occ.actor];
    // The text's title wins over world knowledge; what the text leaves out, knowledge keeps.
    a.role = reading.role || a.role;
    a.country = reading.country ?? a.country;
    a.organization = reading.organization ?? (reading.country ? null : a.organization);
    a.represents = behalf ?? (reading.role && titleSpeaks(reading.role) === 'self' ? null : reading.represents ?? a.represents);
    if (a.represents === null && reading.role && titleSpeaks(reading.role) === 'office' && !a.country && !a.organization) {
      if (/\bcommissioner\b/.test(reading.role) && doc.actors.some((x) => x.key === 'org:EC' || x.key === 'org:EU')) {
        // "Trade Commissioner X" in a story about the EU is a member of the European Commission.
        a.organization = 'EC';
        a.represents = 'org:EC';
      } else if (GOVERNMENT_ROLE.test(reading.role)) {
        // An office with no country named ("Defence Minister X told us") is the office of the country its sentence
        // (or the one before) is about, else of the country the article is about.
        const home = contextCountry(ctx, occ.from) ?? dominantCountry(doc);
        if (home) { a.country = home; a.represents = `country:${home}`; }
      }
    }
    done.add(occ.actor);
  }
}
