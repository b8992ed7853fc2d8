// The people ingest has learnt, in order, and which of them changed what the analyser knows: to tell stale analyses.
import { KnowledgeBuilder, type KnownPerson } from '../analyze/knowledge.js';

/** Lower case, one space for any run of white space, plain apostrophes: the form the analyser's lookups use. */
const normal = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').replace(/[’‘]/g, "'");

/**
 * The main thread's knowledge, grown person by person, with a version (the number of changes so far). An analysis
 * made with the knowledge of version v is still what the current knowledge would give unless an entry changed since
 * v is named in the text: the analyser looks people up by the lower-cased names and words of the text, so an entry
 * whose key (a full name or alias) does not occur in the text cannot have been read.
 */
export class KnowledgeLog {
  readonly knowledge = new KnowledgeBuilder();
  /** Per change, the keys whose entries it changed. */
  private readonly changes: string[][] = [];

  get version(): number { return this.changes.length; }

  /** Adds people; returns them (to send to the workers, whose snapshots grow the same way). */
  learn(people: KnownPerson[]): KnownPerson[] {
    for (const p of people) {
      // The entry's own keys and, when it merges into a known person, that person's aliases (they point at the merged entry).
      const known = this.knowledge.people.get(p.name.toLowerCase());
      const keys = [...new Set([p.name, ...p.aliases, ...(known?.aliases ?? [])].map((k) => k.toLowerCase()))];
      const before = keys.map((k) => JSON.stringify(this.knowledge.people.get(k) ?? null));
      this.knowledge.add(p);
      const changed = keys.filter((k, i) => JSON.stringify(this.knowledge.people.get(k) ?? null) !== before[i]);
      if (changed.length) this.changes.push(changed.map(normal));
    }
    return people;
  }

  /** True when an entry changed after `version` is named in `text` (so an analysis made then may differ now). */
  staleFor(text: string, version: number): boolean {
    if (version >= this.changes.length) return false;
    const t = normal(text);
    for (let i = version; i < this.changes.length; i++) if (this.changes[i].some((k) => namesWord(t, k))) return true;
    return false;
  }
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/** True when `key` occurs in `text` as whole words ("smit" in "minister smit said", not in "smith"): the analyser looks names up by words. */
function namesWord(text: string, key: string): boolean {
  for (let i = text.indexOf(key); i >= 0; i = text.indexOf(key, i + 1)) {
    const before = text[i - 1];
    const after = text[i + key.length];
    if ((before === undefined || !WORD_CHAR.test(before)) && (after === undefined || !WORD_CHAR.test(after))) return true;
  }
  return false;
}
