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

/** The lower-case forms a person is known by: full name and aliases. */
const formsOf = (p: KnownPerson): string[] => [...new Set([p.name, ...p.aliases].map((f) => f.toLowerCase()))];

/**
 * A knowledge snapshot kept up to date person by person: each person is given whole (as the store holds them: every
 * name and alias they were called by) and replaces what was known under their key. What a form (a lower-case name or
 * alias) means depends only on the people known, never on the order they came in: the one person called so; among
 * several, the one whose full name it is; else no one (an alias two people share is left out). So a snapshot grown
 * article by article and one read whole from the store agree.
 */
export class KnowledgeBuilder implements Knowledge {
  private readonly byKey = new Map<string, KnownPerson>();
  /** Form → keys of the people called so. */
  private readonly called = new Map<string, Set<string>>();
  private readonly map = new Map<string, KnownPerson>();

  get people(): ReadonlyMap<string, KnownPerson> { return this.map; }

  /** The forms whose meaning adding `p` may change: theirs, and those of whom it replaces. */
  touchedBy(p: KnownPerson): string[] {
    const old = this.byKey.get(p.key);
    return [...new Set([...formsOf(p), ...(old ? formsOf(old) : [])])];
  }

  /** Adds a person, or replaces what was known under their key. */
  add(p: KnownPerson): void {
    const old = this.byKey.get(p.key);
    const before = old ? formsOf(old) : [];
    for (const f of before) {
      const keys = this.called.get(f)!;
      keys.delete(p.key);
      if (!keys.size) this.called.delete(f);
    }
    this.byKey.set(p.key, p);
    const after = formsOf(p);
    for (const f of after) {
      const keys = this.called.get(f);
      if (keys) keys.add(p.key);
      else this.called.set(f, new Set([p.key]));
    }
    for (const f of new Set([...before, ...after])) this.resolve(f);
  }

  private resolve(form: string): void {
    const keys = this.called.get(form);
    let who: KnownPerson | undefined;
    if (keys?.size === 1) who = this.byKey.get(keys.values().next().value!);
    else if (keys) {
      const named = [...keys].map((k) => this.byKey.get(k)!).filter((p) => p.name.toLowerCase() === form);
      if (named.length === 1) who = named[0];
    }
    if (who) this.map.set(form, who);
    else this.map.delete(form);
  }
}

/** Builds a snapshot from a list of people, indexing each by full name and aliases. */
export function knowledgeFrom(people: Iterable<KnownPerson>): Knowledge {
  const b = new KnowledgeBuilder();
  for (const p of people) b.add(p);
  return b;
}
