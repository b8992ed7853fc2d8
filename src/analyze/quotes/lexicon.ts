// The quotes stage's word lists (speech verbs, speaker words), loaded once from JSON into lookup tables.
import verbsData from './speech-verbs.json' with { type: 'json' };
import wordsData from './speaker-words.json' with { type: 'json' };

export type VerbClass = 'speech' | 'thought' | 'object';

export interface VerbEntry {
  lemma: string;
  cls: VerbClass;
}

const verbs = new Map<string, VerbEntry>();
for (const cls of ['speech', 'thought', 'object'] as const) {
  for (const [lemma, forms] of Object.entries(verbsData[cls] as Record<string, string[]>)) {
    for (const f of forms) if (!verbs.has(f)) verbs.set(f, { lemma, cls });
  }
}

/** The lemma and class of a reporting verb form ("warned" → warn, speech), or undefined. */
export const reportingVerb = (lower: string): VerbEntry | undefined => verbs.get(lower);

/** Every verb form the lexicon knows, for tests. */
export const verbForms = (): string[] => [...verbs.keys()];

const set = (xs: string[]) => new Set(xs.map((x) => x.toLowerCase()));

export const PERSON_PRONOUNS = set(wordsData.pronouns.person);
export const PLURAL_PRONOUNS = set(wordsData.pronouns.plural);
export const THING_PRONOUNS = set(wordsData.pronouns.thing);
export const GROUP_NOUNS = set(wordsData.groupNouns);
export const ROLE_NOUNS = set(wordsData.roleNouns);
export const DOCUMENT_NOUNS = set(wordsData.documentNouns);
export const GROUP_DETERMINERS = set(wordsData.groupDeterminers);
export const TITLES = set(wordsData.titles);
export const OUTLET_WORDS = set(wordsData.outletWords);
export const ORG_WORDS = set(wordsData.orgWords);
export const NOT_NAMES = set(wordsData.notNames);
export const TIME_WORDS = set(wordsData.timeWords);
export const NOT_SPEAKERS = set(wordsData.notSpeakers);
/** Nouns for someone's staff or office: "X's office said" is not X speaking. */
export const OFFICE_NOUNS = set(wordsData.officeNouns);

export const isPronoun = (lower: string): boolean =>
  PERSON_PRONOUNS.has(lower) || PLURAL_PRONOUNS.has(lower) || THING_PRONOUNS.has(lower);
