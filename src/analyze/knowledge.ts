// A read-only snapshot of what earlier articles taught (people and their roles), given to the analyser.

export interface KnownPerson {
  key: string;
  name: string;
  role: string | null;
  country: string | null;
  organization: string | null;
  represents: string | null;
  /** Forms the person is called by, e.g. the surname. */
  aliases: string[];
}

export interface Knowledge {
  /** People by lower-case full name or alias. */
  people: ReadonlyMap<string, KnownPerson>;
}

export const EMPTY_KNOWLEDGE: Knowledge = { people: new Map() };

/** Builds a snapshot from a list of people, indexing each by full name and aliases. */
export function knowledgeFrom(people: KnownPerson[]): Knowledge {
  const map = new Map<string, KnownPerson>();
  for (const p of people) {
    map.set(p.name.toLowerCase(), p);
    for (const a of p.aliases) if (!map.has(a.toLowerCase())) map.set(a.toLowerCase(), p);
  }
  return { people: map };
}
