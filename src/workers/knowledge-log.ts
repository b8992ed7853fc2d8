// The people ingest has learnt, in order, and which entries each recent change touched: to tell stale analyses.
import { KnowledgeBuilder, type KnownPerson } from '../analyze/knowledge.js';

/**
 * How many of the latest changes the log remembers the keys of (by default). An analysis in flight was made with
 * the knowledge of a few changes ago: ingest has at most a few articles per worker in flight, each teaching a few
 * people. One made with an older version than the log remembers is called stale, and is analysed again with the
 * current knowledge (the result is then what one thread gives), so the log stays small however long it runs.
 */
export const RETAINED_CHANGES = 8192;

/**
 * The main thread's knowledge, grown person by person, with a version (the number of changes so far). An analysis
 * made with the knowledge of version v is still what the current knowledge would give unless an entry changed since
 * v is one the analyser looked up (it reads knowledge by key only; see RecordingKnowledge).
 */
export class KnowledgeLog {
  readonly knowledge = new KnowledgeBuilder();
  /** Per change from the `base`-th on, the keys (lower-case names and aliases, as the knowledge map holds them) whose entries it changed. */
  private changes: string[][] = [];
  private base = 0;

  /** `retain`: how many of the latest changes to remember at least (at most twice as many are held). */
  constructor(readonly retain = RETAINED_CHANGES) {
    if (!Number.isInteger(retain) || retain < 1) throw new RangeError(`a knowledge log must retain at least one change, not ${retain}`);
  }

  get version(): number { return this.base + this.changes.length; }

  /** How many changes the log holds the keys of now (at most twice `retain`). */
  get retained(): number { return this.changes.length; }

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
    // Forgets the oldest changes once twice `retain` are held (dropping them in one copy keeps learning linear).
    if (this.changes.length >= 2 * this.retain) {
      const drop = this.changes.length - this.retain;
      this.changes = this.changes.slice(drop);
      this.base += drop;
    }
    return people;
  }

  /**
   * True when an entry changed after `version` is among the keys an analysis looked up (null: it read the whole
   * snapshot), so that the analysis made then may differ now; also true when `version` is older than the changes the
   * log remembers (the analysis is then made again, with what is known now).
   */
  staleFor(lookups: readonly string[] | null, version: number): boolean {
    if (version >= this.version) return false;
    if (lookups === null || version < this.base) return true;
    const read = new Set(lookups);
    for (let i = version - this.base; i < this.changes.length; i++) if (this.changes[i].some((k) => read.has(k))) return true;
    return false;
  }
}

const samePerson = (a: KnownPerson | undefined, b: KnownPerson | undefined): boolean =>
  a === b || (!!a && !!b && JSON.stringify(a) === JSON.stringify(b));
