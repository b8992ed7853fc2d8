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
  /** People by lower-case full name or alias; an alias two people share is left out. */
  people: ReadonlyMap<string, KnownPerson>;
}

export const EMPTY_KNOWLEDGE: Knowledge = { people: new Map() };

/** Grows a knowledge snapshot person by person (ingest adds what each article teaches before the next). */
export class KnowledgeBuilder implements Knowledge {
  private readonly map = new Map<string, KnownPerson>();
  private readonly ambiguous = new Set<string>();

  get people(): ReadonlyMap<string, KnownPerson> { return this.map; }

  add(p: KnownPerson): void {
    const known = this.map.get(p.name.toLowerCase());
    const merged: KnownPerson = known && known.key === p.key
      ? { ...known, role: p.role ?? known.role, country: p.country ?? known.country, organization: p.organization ?? known.organization,
          represents: p.represents ?? known.represents, aliases: [...new Set([...known.aliases, ...p.aliases])] }
      : p;
    this.map.set(merged.name.toLowerCase(), merged);
    for (const alias of merged.aliases) {
      const a = alias.toLowerCase();
      if (this.ambiguous.has(a)) continue;
      const other = this.map.get(a);
      if (other && other.key !== merged.key && other.name.toLowerCase() !== a) {
        this.map.delete(a);
        this.ambiguous.add(a);
      } else if (!other || other.key === merged.key) {
        this.map.set(a, merged);
      }
    }
  }
}

/** Builds a snapshot from a list of people, indexing each by full name and aliases. */
export function knowledgeFrom(people: Iterable<KnownPerson>): Knowledge {
  const b = new KnowledgeBuilder();
  for (const p of people) b.add(p);
  return b;
}
