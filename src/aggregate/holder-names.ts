// Display names for holder keys the store has no actor row for (a country or organisation an analyst named): from the analyser's lexicon data.
import countriesData from '../analyze/actors/data/countries.json' with { type: 'json' };
import organizationsData from '../analyze/actors/data/organizations.json' with { type: 'json' };

const NAMES = new Map<string, string>([
  ...(countriesData as Array<{ iso3: string; name: string }>).map((c) => [`country:${c.iso3}`, c.name] as [string, string]),
  ...(organizationsData as Array<{ key: string; name: string }>).map((o) => [`org:${o.key.toUpperCase()}`, o.name] as [string, string]),
]);

/** The holders an analyst may name besides the stored actors: every country and organisation the analyser knows. */
export const isKnownHolder = (key: string): boolean => NAMES.has(key);

/** A holder's name from the lexicon, else the key itself. */
export const lexiconName = (key: string): string => NAMES.get(key) ?? key;
