// The people ingest has learnt, in order, and which entries each change touched: to tell stale analyses.
import { KnowledgeBuilder, type KnownPerson } from '../analyze/knowledge.js';

/**
 * The main thread's knowledge, grown person by person, with a version (the number of changes so far). An analysis
 * made with the knowledge of version v is still what the current knowledge would give unless an entry changed since
 * v is one the analyser looked up (it reads knowledge by key only; see RecordingKnowledge).
 */
export class KnowledgeLog {
  readonly knowledge = new KnowledgeBuilder();
  /** Per change, the keys (lower-case names and aliases, as the knowledge map holds them) whose entries it changed. */
  private readonly changes: string[][] = [];

  get version(): number { return this.changes.length; }

  /** Adds people; returns them (to send to the workers, whose snapshots grow the same way). */
  learn(people: KnownPerson[]): KnownPerson[] {
    for (const p of people) {
      // The entry's own keys and, when it merges into a known person, that person's aliases (they point at the merged entry).
      const known = this.knowledge.people.get(p.name.toLowerCase());
      const keys = [...new Set([p.name, ...p.aliases, ...(known?.aliases ?? [])].map((k) => k.toLowerCase()))];
      const before = keys.map((k) => this.knowledge.people.get(k));
      this.knowledge.add(p);
      const changed = keys.filter((k, i) => !samePerson(this.knowledge.people.get(k), before[i]));
      if (changed.length) this.changes.push(changed);
    }
    return people;
  }

  /**
   * True when an entry changed after `version` is among the keys an analysis looked up (null: it read the whole
   * snapshot), so that the analysis made then may differ now.
   */
  staleFor(lookups: readonly string[] | null, version: number): boolean {
    if (version >= this.changes.length) return false;
    if (lookups === null) return true;
    const read = new Set(lookups);
    for (let i = version; i < this.changes.length; i++) if (this.changes[i].some((k) => read.has(k))) return true;
    return false;
  }
}

const samePerson = (a: KnownPerson | undefined, b: KnownPerson | undefined): boolean =>
  a === b || (!!a && !!b && JSON.stringify(a) === JSON.stringify(b));
