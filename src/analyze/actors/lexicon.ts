// The actors stage's lexicons, loaded once from the JSON files in data/ and indexed for phrase lookup.
import countriesData from './data/countries.json' with { type: 'json' };
import organizationsData from './data/organizations.json' with { type: 'json' };
import titlesData from './data/titles.json' with { type: 'json' };
import wordsData from './data/words.json' with { type: 'json' };
import groupsData from './data/groups.json' with { type: 'json' };
import { fold, PhraseIndex } from './phrase-index.js';

export interface CountryEntry { iso3: string; name: string; names: string[]; demonyms: string[]; seats: string[] }
export interface OrgEntry { key: string; name: string; names: string[]; anaphora: string[]; country?: string; media?: boolean }
export type Speaks = 'office' | 'self';
export interface TitleEntry { phrase: string; speaks: Speaks }

export const COUNTRIES: readonly CountryEntry[] = countriesData as CountryEntry[];
export const ORGANIZATIONS: readonly OrgEntry[] = organizationsData as OrgEntry[];
export const TITLES: readonly TitleEntry[] = (titlesData as { titles: TitleEntry[] }).titles as TitleEntry[];

export const countryByIso = new Map(COUNTRIES.map((c) => [c.iso3, c]));
export const orgByKey = new Map(ORGANIZATIONS.map((o) => [o.key, o]));

/** What a lexicon phrase found in the text stands for. */
export type LexValue =
  | { type: 'country'; iso3: string; via: 'name' | 'demonym' | 'capital'; plural: boolean }
  | { type: 'org'; key: string; via: 'name' }
  | { type: 'anaphor'; key: string }
  | { type: 'block' };

/** Country names, demonyms, seats of government, organisation names and their anaphora, and non-actor phrases. */
export const ACTOR_PHRASES = new PhraseIndex<LexValue>();
for (const c of COUNTRIES) {
  for (const n of c.names) ACTOR_PHRASES.add(n, { type: 'country', iso3: c.iso3, via: 'name', plural: false });
  for (const d of c.demonyms) {
    const plural = /s$/.test(d) && d !== 'Swiss' && !/ese$/.test(d);
    ACTOR_PHRASES.add(d, { type: 'country', iso3: c.iso3, via: 'demonym', plural });
  }
  for (const s of c.seats) ACTOR_PHRASES.add(s, { type: 'country', iso3: c.iso3, via: 'capital', plural: false });
}
for (const o of ORGANIZATIONS) {
  for (const n of o.names) ACTOR_PHRASES.add(n, { type: 'org', key: o.key, via: 'name' });
  for (const a of o.anaphora) ACTOR_PHRASES.add(a, { type: 'anaphor', key: o.key });
}
const words = wordsData as {
  notActors: string[]; notNames: string[]; pronouns: Record<string, string>; femaleFirstNames: string[];
  orgHeads: string[]; placeHeads: string[];
};
for (const p of words.notActors) ACTOR_PHRASES.add(p, { type: 'block' });

/** Titles and offices, matched in any case; values say whom the holder speaks for. */
export const TITLE_PHRASES = new PhraseIndex<TitleEntry>();
for (const t of TITLES) TITLE_PHRASES.add(t.phrase.toLowerCase(), t);

const titles = titlesData as { modifiers: string[]; selfModifiers: string[]; honorifics: string[]; nameParticles: string[] };
/** Words that may stand inside a title ("deputy", "foreign", "acting"). */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set(titles.modifiers.map((w) => fold(w)));
/** Words that make any title a personal one ("former", "retired"). */
export const SELF_MODIFIERS: ReadonlySet<string> = new Set(titles.selfModifiers.map((w) => fold(w)));
export const HONORIFICS: ReadonlySet<string> = new Set(titles.honorifics.map((w) => fold(w)));
/** Lower-case particles allowed inside names ("von der Leyen", "bin Salman"). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set(titles.nameParticles);
/** Capitalised words that never start or join a person's name. */
export const NOT_NAMES: ReadonlySet<string> = new Set(words.notNames.map((w) => fold(w)));
export const PRONOUNS: ReadonlyMap<string, string> = new Map(Object.entries(words.pronouns));
/** Words that make a run of capitalised words an organisation ("Tax Policy Center") or a place ("Black Sea"). */
export const ORG_HEADS: ReadonlySet<string> = new Set(words.orgHeads.map((w) => fold(w)));
export const PLACE_HEADS: ReadonlySet<string> = new Set(words.placeHeads.filter((w) => !words.orgHeads.includes(w)).map((w) => fold(w)));
export const FEMALE_FIRST_NAMES: ReadonlySet<string> = new Set(words.femaleFirstNames.map((w) => fold(w)));

const groups = groupsData as { heads: string[]; singularHeads: string[]; determiners: string[]; modifiers: string[] };
/** Nouns that head an unnamed group of speakers ("officials", "a source"). */
export const GROUP_HEADS: ReadonlySet<string> = new Set([...groups.heads, ...groups.singularHeads].map((w) => fold(w)));
export const GROUP_SINGULAR: ReadonlySet<string> = new Set(groups.singularHeads.map((w) => fold(w)));
export const GROUP_DETERMINERS: ReadonlySet<string> = new Set(groups.determiners.map((w) => fold(w)));
export const GROUP_MODIFIERS: ReadonlySet<string> = new Set(groups.modifiers.map((w) => fold(w)));
