// The people ingest has learnt, in order, and which of them changed what the analyser knows: to tell stale analyses.
import { KnowledgeBuilder, type KnownPerson } from '../analyze/knowledge.js';

/** Prefixes of a changed entry's name and alias words (first four letters): text without all of them cannot name it. */
const probes = (p: KnownPerson): string[][] =>
  [p.name, ...p.aliases].map((k) => k.toLowerCase().split(/[\s\-'’.]+/).filter((w) => w.length > 1).map((w) => w.slice(0, 4)));

/**
 * The main thread's knowledge, grown person by person, with a version (the number of changes so far). An analysis
 * made with the knowledge of version v is still what the current knowledge would give unless a person changed since
 * v could be named in the text: `staleFor` tells, conservatively (a word's first letters anywhere in the text).
 */
export class KnowledgeLog {
  readonly knowledge = new KnowledgeBuilder();
  private readonly changes: string[][][] = [];

  get version(): number { return this.changes.length; }

  /** Adds people; returns them (to send to the workers, whose snapshots grow the same way). */
  learn(people: KnownPerson[]): KnownPerson[] {
    for (const p of people) {
      const keys = [p.name, ...p.aliases].map((k) => k.toLowerCase());
      const before = keys.map((k) => JSON.stringify(this.knowledge.people.get(k) ?? null));
      this.knowledge.add(p);
      if (keys.some((k, i) => JSON.stringify(this.knowledge.people.get(k) ?? null) !== before[i])) this.changes.push(probes(p));
    }
    return people;
  }

  /** True when a change made after `version` might be named in `text` (so an analysis made then may differ now). */
  staleFor(text: string, version: number): boolean {
    if (version >= this.changes.length) return false;
    const lower = text.toLowerCase();
    for (let i = version; i < this.changes.length; i++) {
      for (const words of this.changes[i]) if (words.length && words.every((w) => lower.includes(w))) return true;
    }
    return false;
  }
}
