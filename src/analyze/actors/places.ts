// Countries and organisations: names, short forms, demonyms, seats of government and org phrases found in the text.
import { addActor, addMention, type Doc } from '../doc.js';
import { ByLexeme, lexemesOf } from '../tokenize/lexemes.js';
import { claim, isCapitalised, wordBefore, type ActorsContext } from './context.js';
import { ACTOR_PHRASES, countryByIso, orgByKey, NOT_NAMES } from './lexicon.js';
import { fold, isWordChar } from './phrase-index.js';
import { slugify } from '../slug.js';

/** Words before a city that make it a place, not the government seated there ("visited Kyiv"). */
const LOCATIVE = new Set([
  'in', 'to', 'from', 'at', 'into', 'near', 'visit', 'visited', 'visiting', 'visits', 'toward', 'towards', 'outside',
  'across', 'via', 'through', 'around', 'arrived', 'left', 'leave', 'leaving', 'returned', 'return', 'based', 'hosted',
  'inside', 'over', 'travelled', 'traveled', 'flew', 'fly', 'trip', 'streets', 'of', 'near', 'reach', 'reached', 'between',
]);

/** Nouns that turn a country mention into its government ("the Polish government", "Russia's foreign ministry"). */
const GOVERNMENT_NOUNS = new Set([
  'government', 'administration', 'ministry', 'cabinet', 'presidency', 'embassy', 'leadership', 'authorities',
  'delegation', 'mission', 'regime', 'side', 'parliament', 'legislature',
]);
const GOVERNMENT_MODIFIERS = new Set(['foreign', 'defence', 'defense', 'interior', 'federal', 'national', 'finance', 'economy', 'justice']);

export function countryActor(doc: Doc, iso3: string): number {
  const c = countryByIso.get(iso3);
  const key = `country:${iso3}`;
  return addActor(doc, { key, kind: 'country', name: c?.name ?? iso3, role: null, country: iso3, organization: null, represents: key });
}

export function orgActor(doc: Doc, orgKey: string, name?: string): number {
  const o = orgByKey.get(orgKey);
  const key = `org:${orgKey}`;
  return addActor(doc, {
    key, kind: 'organization', name: o?.name ?? name ?? orgKey, role: null, country: o?.country ?? null,
    organization: orgKey, represents: key,
  });
}

export function groupActor(doc: Doc, phrase: string, country: string | null = null): number {
  const slug = slugify(phrase.replace(/^(the|a|an)\s+/i, ''));
  return addActor(doc, { key: `group:${slug}`, kind: 'group', name: phrase, role: null, country, organization: null, represents: null });
}

/** True for a word of lower-case ASCII letters and digits only (its folded form and lead key are itself). */
function plainWord(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const n = s.charCodeAt(i);
    if (!((n >= 97 && n <= 122) || (n >= 48 && n <= 57))) return false;
  }
  return true;
}

/**
 * Whether a lexicon phrase may start with a word, kept per word (the lexicon is complete once its module has loaded):
 * most words start none, and are passed by here.
 */
const MAY_LEAD = new ByLexeme((text) => ACTOR_PHRASES.hasLead(text.toLowerCase()));

/** Scans the text once, word by word, for lexicon phrases and records the actors and mentions they name. */
export function findPlaces(ctx: ActorsContext): void {
  const { doc, folded, words } = ctx;
  const text = doc.text;
  let coveredTo = 0;
  const lastOrgMention = new Map<string, number>();
  const lexemes = lexemesOf(doc.tokens);
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w.start < coveredTo) continue;
    if (w.start > 0 && isWordChar(folded[w.start - 1])) continue;
    const c = w.lower.charCodeAt(0);
    if (c < 128 && !((c >= 97 && c <= 122) || (c >= 48 && c <= 57))) continue; // punctuation opens no phrase
    if (!MAY_LEAD.of(doc.tokens, lexemes, w.i)) continue;
    const m = ACTOR_PHRASES.match(text, folded, w.start, plainWord(w.lower) ? w.lower : undefined);
    if (!m) continue;
    let end = m.end;
    const prev = wordBefore(words, k);
    const v = m.value;
    if (v.type === 'block') { ctx.placeOnly.fill(1, m.start, end); coveredTo = end; continue; }
    if (v.type === 'country') {
      if (v.via === 'capital' && prev && LOCATIVE.has(prev.lower) && !/^(kremlin|white house|pentagon|state department|downing street|elysee|élysée)/i.test(m.phrase)) { ctx.placeOnly.fill(1, m.start, end); coveredTo = end; continue; }
      if (v.via === 'name' && !/\s/.test(m.phrase) && isPartOfName(ctx, k, end)) { coveredTo = end; continue; }
      if (v.plural) {
        const g = groupActor(doc, text.slice(m.start, end), v.iso3);
        addMention(doc, g, { start: m.start, end }, 'group');
        coveredTo = end;
        continue;
      }
      const a = countryActor(doc, v.iso3);
      let start = m.start;
      // "the Polish government", "Poland's foreign ministry": the mention covers the whole phrase.
      let j = wordIndexAt(words, k, end);
      if (words[j] && /^['’]s$/.test(words[j].text)) j++;
      while (words[j] && GOVERNMENT_MODIFIERS.has(words[j].lower)) j++;
      if (words[j] && GOVERNMENT_NOUNS.has(words[j].lower) && j - wordIndexAt(words, k, end) <= 3) {
        end = words[j].end;
        if (prev && prev.lower === 'the') start = prev.start;
      }
      addMention(doc, a, { start, end }, v.via === 'name' ? 'name' : v.via);
      claim(ctx, start, end, a);
      coveredTo = end;
      continue;
    }
    if (v.type === 'org') {
      // "Russia's Security Council" is a national body, not the UN's.
      if (v.key === 'UNSC' && /^security council$/i.test(m.phrase) && prev && (/^['’]s?$/.test(prev.text) || ACTOR_PHRASES.match(text, folded, prev.start)?.value.type === 'country')) { coveredTo = end; continue; }
      const a = orgActor(doc, v.key);
      addMention(doc, a, { start: m.start, end }, 'name');
      claim(ctx, m.start, end, a);
      lastOrgMention.set(v.key, m.start);
      coveredTo = end;
      continue;
    }
    if (v.type === 'anaphor') {
      // "the alliance", "the bloc": only for an organisation already named (or a phrase that names it alone).
      const strong = /-led|atlantic/i.test(m.phrase);
      if (!lastOrgMention.has(v.key) && !strong) continue;
      const a = orgActor(doc, v.key);
      addMention(doc, a, { start: m.start, end }, 'phrase');
      claim(ctx, m.start, end, a);
      lastOrgMention.set(v.key, m.start);
      coveredTo = end;
    }
  }
  findBrussels(ctx, lastOrgMention);
}

/** "Brussels" stands for the EU only when the EU is named in the article and Brussels acts ("Brussels said", "Brussels'"). */
function findBrussels(ctx: ActorsContext, orgs: Map<string, number>): void {
  if (!orgs.has('EU') && !orgs.has('EC')) return;
  const { doc, words } = ctx;
  for (let k = 0; k < words.length; k++) {
    if (words[k].text !== 'Brussels') continue;
    const prev = words[k - 1];
    const next = words[k + 1];
    if (prev && LOCATIVE.has(prev.lower)) continue;
    if (!next || !(next.pos === 'VERB' || next.pos === 'AUX' || /^['’]s?$/.test(next.text))) continue;
    const a = orgActor(doc, orgs.has('EU') ? 'EU' : 'EC');
    addMention(doc, a, { start: words[k].start, end: words[k].end }, 'capital');
    claim(ctx, words[k].start, words[k].end, a);
  }
}

/** Index of the first word at or after a character offset, searching forward from k. */
function wordIndexAt(words: ActorsContext['words'], k: number, offset: number): number {
  let j = k;
  while (j < words.length && words[j].start < offset) j++;
  return j;
}

const GIVEN_NAMES = new Set(['Jordan', 'Georgia', 'Chad', 'India', 'Kenya', 'Israel', 'Israel', 'China', 'Dominica', 'Niger']);

/** A one-word country name inside a person's name ("Jim Jordan", "Georgia Meloni") is not the country. */
function isPartOfName(ctx: ActorsContext, k: number, end: number): boolean {
  const { words } = ctx;
  const prev = wordBefore(words, k);
  const next = words[wordIndexAt(words, k, end)];
  const nameLike = (t: typeof prev | undefined) =>
    t !== undefined && t.pos === 'PROPN' && isCapitalised(t.text) && t.text.length > 1 && !NOT_NAMES.has(fold(t.text)) &&
    ACTOR_PHRASES.match(ctx.doc.text, ctx.folded, t.start) === null && /^\p{L}+$/u.test(t.text);
  if (prev && prev.sentence === words[k].sentence && nameLike(prev) && prev.end < words[k].start) return true;
  // A country that is also a given name ("Jordan Peterson") only before a surname.
  if (GIVEN_NAMES.has(words[k].text) && next && next.sentence === words[k].sentence && nameLike(next) && !isCapitalised(words[k + 2]?.text ?? 'x')) return true;
  return false;
}
