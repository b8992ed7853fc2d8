// Which actor mention covers which word: the look-up the proposals and stances stages use to find proposers and holders.
import type { Doc } from '../doc.js';
import { wordAt, type Word } from './words.js';

export interface MentionUnit {
  actor: number;
  first: number; // word index
  last: number;  // word index, inclusive
  via: string;
}

export interface ActorIndex {
  /** Per word, the mention unit covering it (the longest when several do), or null. */
  at: (MentionUnit | null)[];
  units: MentionUnit[];
}

const CACHE = new WeakMap<Word[], { mentions: number; index: ActorIndex }>();

/** The index of a document's actor mentions over its words, built once while the mentions stay the same. */
export function actorIndex(doc: Doc, words: Word[]): ActorIndex {
  let mentions = 0;
  for (const a of doc.actors) mentions += a.mentions.length;
  const cached = CACHE.get(words);
  if (cached && cached.mentions === mentions) return cached.index;
  const index = buildIndex(doc, words);
  CACHE.set(words, { mentions, index });
  return index;
}

function buildIndex(doc: Doc, words: Word[]): ActorIndex {
  const at: (MentionUnit | null)[] = new Array(words.length).fill(null);
  const units: MentionUnit[] = [];
  doc.actors.forEach((a, ai) => {
    for (const m of a.mentions) {
      const first = wordAt(words, m.start);
      if (first >= words.length || words[first].start >= m.end) continue;
      let last = first;
      while (last + 1 < words.length && words[last + 1].start < m.end) last++;
      const u: MentionUnit = { actor: ai, first, last, via: m.via };
      units.push(u);
      for (let k = first; k <= last; k++) {
        const cur = at[k];
        if (!cur || cur.last - cur.first < last - first) at[k] = u;
      }
    }
  });
  units.sort((x, y) => x.first - y.first || y.last - x.last);
  return { at, units };
}

/** The key of whom an actor speaks for (its own key when it represents nobody else). */
export function representsKey(doc: Doc, actor: number): string {
  const a = doc.actors[actor];
  return a.represents ?? a.key;
}
