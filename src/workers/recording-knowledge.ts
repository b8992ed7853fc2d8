// A knowledge snapshot that notes every key the analyser looks up: an analysis depends on those entries only.
import type { Knowledge, KnownPerson } from '../analyze/knowledge.js';

/**
 * The people of a snapshot seen through `get` and `has`, each key looked up remembered. The analyser reads
 * knowledge by key alone, so its result is the same under any snapshot that agrees on the keys it looked up.
 * Reading the whole map (size, iteration) makes the analysis depend on every entry: `lookups()` is then null.
 */
class RecordingPeople implements ReadonlyMap<string, KnownPerson> {
  readonly keysRead = new Set<string>();
  readAll = false;

  constructor(private readonly people: ReadonlyMap<string, KnownPerson>) {}

  get(key: string): KnownPerson | undefined { this.keysRead.add(key); return this.people.get(key); }
  has(key: string): boolean { this.keysRead.add(key); return this.people.has(key); }
  get size(): number { this.readAll = true; return this.people.size; }
  forEach(fn: (value: KnownPerson, key: string, map: ReadonlyMap<string, KnownPerson>) => void, thisArg?: unknown): void {
    this.readAll = true;
    this.people.forEach((v, k) => fn.call(thisArg, v, k, this));
  }
  entries(): MapIterator<[string, KnownPerson]> { this.readAll = true; return this.people.entries(); }
  keys(): MapIterator<string> { this.readAll = true; return this.people.keys(); }
  values(): MapIterator<KnownPerson> { this.readAll = true; return this.people.values(); }
  [Symbol.iterator](): MapIterator<[string, KnownPerson]> { return this.entries(); }
}

export class RecordingKnowledge implements Knowledge {
  readonly people: RecordingPeople;

  constructor(knowledge: Knowledge) { this.people = new RecordingPeople(knowledge.people); }

  /** The keys looked up so far, or null when the whole snapshot was read. */
  lookups(): string[] | null { return this.people.readAll ? null : [...this.people.keysRead]; }
}
