// The people ingest has learnt, in order, and which entries each change touched: to tell stale analyses.
import { KnowledgeBuilder, type KnownPerson } from '../analyze/knowledge.js';

/**
 * The writer's knowledge, grown person by person, with a version (the number of changes so far). An analysis
 * made with the knowledge of version v is still what the current knowledge would give unless an entry changed since
 * v is one the analyser looked up (it reads knowledge by key only; see RecordingKnowledge). A reset (the knowledge
 * read again whole, after writes that were undone) makes every earlier analysis stale.
 */
export class KnowledgeLog {
  private builder = new KnowledgeBuilder();
  /** Per change, the keys (lower-case names and aliases, as the knowledge map holds them) whose entries it changed; null: a reset. */
  private readonly changes: (string[] | null)[] = [];

  get knowledge(): KnowledgeBuilder { return this.builder; }

  get version(): number { return this.changes.length; }

  /** Adds people (each replacing what was known under their key); returns them (to send to the analysers). */
  learn(people: KnownPerson[]): KnownPerson[] {
    for (const p of people) {
      const touched = [...new Set([p.name, ...p.aliases, ...(this.builder.person(p.key)?.aliases ?? []), this.builder.person(p.key)?.name ?? p.name].map((k) => k.toLowerCase()))];
      const before = touched.map((k) => this.builder.people.get(k));
      this.builder.add(p);
      const changed = touched.filter((k, i) => !samePerson(this.builder.people.get(k), before[i]));
      if (changed.length) this.changes.push(changed);
    }
    return people;
  }

  /** Forgets everything known and learns these people instead (what the store holds after writes were undone). */
  reset(people: KnownPerson[]): KnownPerson[] {
    this.builder = new KnowledgeBuilder();
    for (const p of people) this.builder.add(p);
    this.changes.push(null);
    return people;
  }

  /**
   * True when an entry changed after `version` is among the keys an analysis looked up (null: it read the whole
   * snapshot), or the knowledge was reset since, so that the analysis made then may differ now.
   */
  staleFor(lookups: readonly string[] | null, version: number): boolean {
    if (version >= this.changes.length) return false;
    if (lookups === null) return true;
    const read = new Set(lookups);
    for (let i = version; i < this.changes.length; i++) {
      const changed = this.changes[i];
      if (changed === null || changed.some((k) => read.has(k))) return true;
    }
    return false;
  }
}

const samePerson = (a: KnownPerson | undefined, b: KnownPerson | undefined): boolean =>
  a === b || (!!a && !!b && JSON.stringify(a) === JSON.stringify(b));
