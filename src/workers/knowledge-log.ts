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
 * The writer's knowledge, grown person by person, with a version (the number of changes so far). An analysis
 * made with the knowledge of version v is still what the current knowledge would give unless an entry changed since
 * v is one the analyser looked up (it reads knowledge by key only; see RecordingKnowledge). A reset (the knowledge
 * read again whole, after writes that were undone) makes every earlier analysis stale.
 */
export class KnowledgeLog {
  private builder = new KnowledgeBuilder();
  /**
   * Per change from the `base`-th on, the keys (lower-case names and aliases, as the knowledge map holds them) whose
   * entries it changed; null: a reset.
   */
  private changes: (string[] | null)[] = [];
  private base = 0;

  /** `retain`: how many of the latest changes to remember at least (at most twice as many are held). */
  constructor(readonly retain = RETAINED_CHANGES) {
    if (!Number.isInteger(retain) || retain < 1) throw new RangeError(`a knowledge log must retain at least one change, not ${retain}`);
  }

  get knowledge(): KnowledgeBuilder { return this.builder; }

  get version(): number { return this.base + this.changes.length; }

  /** How many changes the log holds the keys of now (at most twice `retain`). */
  get retained(): number { return this.changes.length; }

  /** Adds people (each replacing what was known under their key); returns them (to send to the analysers). */
  learn(people: KnownPerson[]): KnownPerson[] {
    for (const p of people) {
      const touched = this.builder.touchedBy(p);
      const before = touched.map((k) => this.builder.people.get(k));
      this.builder.add(p);
      const changed = touched.filter((k, i) => !samePerson(this.builder.people.get(k), before[i]));
      if (changed.length) this.push(changed);
    }
    return people;
  }

  /** Forgets everything known and learns these people instead (what the store holds after writes were undone). */
  reset(people: KnownPerson[]): KnownPerson[] {
    this.builder = new KnowledgeBuilder();
    for (const p of people) this.builder.add(p);
    this.push(null);
    return people;
  }

  private push(change: string[] | null): void {
    this.changes.push(change);
    // Forgets the oldest changes once twice `retain` are held (dropping them in one copy keeps learning linear).
    if (this.changes.length >= 2 * this.retain) {
      const drop = this.changes.length - this.retain;
      this.changes = this.changes.slice(drop);
      this.base += drop;
    }
  }

  /**
   * True when an entry changed after `version` is among the keys an analysis looked up (null: it read the whole
   * snapshot), or the knowledge was reset since, so that the analysis made then may differ now; also true when
   * `version` is older than the changes the log remembers (the analysis is then made again, with what is known now).
   */
  staleFor(lookups: readonly string[] | null, version: number): boolean {
    if (version >= this.version) return false;
    if (lookups === null || version < this.base) return true;
    const read = new Set(lookups);
    for (let i = version - this.base; i < this.changes.length; i++) {
      const changed = this.changes[i];
      if (changed === null || changed.some((k) => read.has(k))) return true;
    }
    return false;
  }
}

const samePerson = (a: KnownPerson | undefined, b: KnownPerson | undefined): boolean =>
  a === b || (!!a && !!b && JSON.stringify(a) === JSON.stringify(b));
