// Who puts a proposal forward and which body must agree, read from the phrase that names it.
import { objectList, type Doc } from '../doc.js';
import { representsKey, type ActorIndex, type MentionUnit } from './actor-index.js';
import type { Candidate } from './candidates.js';
import { BODIES, VAGUE_BODY_WORDS } from './triggers.js';
import type { Word } from './words.js';

/** Organisation keys that are deciding bodies rather than proposers when they modify a proposal ("a Nato mission"). */
const BODY_KEYS = new Set(['org:NATO', 'org:UNSC', 'org:UNGA', 'org:EU', 'org:UN', 'org:G7', 'org:OSCE', 'org:AU']);
const AGENT_PREPS = new Set(['by', 'from']);

/** Distinct actor mentions covering words [a, b]. */
export function mentionsIn(ix: ActorIndex, a: number, b: number): MentionUnit[] {
  const out = objectList<MentionUnit>();
  for (let k = a; k <= b; k++) {
    const u = ix.at[k];
    if (u && !out.includes(u)) out.push(u);
  }
  return out;
}

export interface PhraseRoles {
  proposer: number | null;
  body: string | null;
  /** Actors the proposal is about (accession candidates). */
  subjects: number[];
}

/** Reads proposer, body and subjects off a candidate's modifiers and complement. */
export function phraseRoles(doc: Doc, words: Word[], ix: ActorIndex, c: Candidate, articleBodies: Set<string>): PhraseRoles {
  const roles: PhraseRoles = { proposer: null, body: null, subjects: [] };
  const kind = c.kind;
  // "freezing Georgia's status": whose status it is says nothing of who proposes freezing it.
  const mods = c.headFirst > c.np.first && c.undo === undefined ? mentionsIn(ix, c.np.first, c.headFirst - 1) : [];
  for (const u of mods) {
    const key = representsKey(doc, u.actor);
    const actorKey = doc.actors[u.actor].key;
    const named = bodyIn(words, u.first, u.last, articleBodies);
    if (named) { roles.body ??= named; continue; }
    if (BODY_KEYS.has(actorKey) || BODY_KEYS.has(key)) { roles.body ??= bodyOf(actorKey); continue; }
    if (kind === 'accession') { roles.subjects.push(u.actor); roles.proposer ??= u.actor; continue; }
    if (kind === 'embargo' || kind === 'weapons' || kind === 'no-fly-zone' || kind === 'ceasefire' || kind === 'troops') continue;
    roles.proposer ??= u.actor;
  }
  // "X-drafted", "drafted by X", "proposal by X", "calls from X".
  if (c.np.complement) {
    const [s, e] = c.np.complement;
    // "another proposal of Poland's": the possessive "of X's" names the proposer.
    if (words[s].norm === 'of' && words[s + 2]?.norm === "'s" && ix.at[s + 1] && (c.strength === 'generic' || c.strength === 'anaphor')) {
      roles.proposer ??= ix.at[s + 1]!.actor;
    }
    for (let k = s; k <= e; k++) {
      if (!AGENT_PREPS.has(words[k].norm)) continue;
      // "by X" names the proposer right after the head or after a participle ("drafted by", "put forward by").
      if (k > s && !/(ed|forward|put)$/.test(words[k - 1].norm)) continue;
      if (words[k].norm === 'from' && c.strength !== 'generic' && c.strength !== 'anaphor') continue;
      // "from President Volodymyr Zelensky": past a title or two to the name.
      let j = k + 1;
      while (j <= Math.min(e, k + 3) && !ix.at[j] && (words[j].pos === 'DET' || words[j].pos === 'PROPN' || words[j].pos === 'NOUN' || words[j].pos === 'ADJ')) j++;
      const u = j <= e ? ix.at[j] : null;
      if (u) {
        const key = doc.actors[u.actor].key;
        if (BODY_KEYS.has(key) && kind !== 'plan' && c.strength !== 'generic') roles.body ??= bodyOf(key);
        else roles.proposer ??= u.actor;
        break;
      }
    }
    if (kind === 'accession') {
      // "membership of Sweden", "accession of Finland and Sweden".
      if (words[s].norm === 'of' || words[s].norm === 'for') {
        for (const u of mentionsIn(ix, s + 1, Math.min(e, s + 6))) {
          const key = doc.actors[u.actor].key;
          if (!BODY_KEYS.has(key)) roles.subjects.push(u.actor);
        }
      }
    }
  }
  roles.body ??= bodyIn(words, c.np.first, c.np.complement ? c.np.complement[1] : c.np.head, articleBodies);
  if (c.proposerHint !== undefined) roles.proposer ??= c.proposerHint;
  return roles;
}

const bodyOf = (key: string): string => (key === 'org:UN' ? 'org:UNSC' : key);

/** A body named by words [a, b]; vague words ("the alliance") only when the article names that body plainly. */
export function bodyIn(words: Word[], a: number, b: number, articleBodies: Set<string>): string | null {
  for (const m of BODIES.scan(words, a, b)) {
    const vague = m.first === m.last && VAGUE_BODY_WORDS.has(words[m.first].norm);
    if (vague && !articleBodies.has(m.entry)) continue;
    if (m.entry === 'org:UN') continue;
    return m.entry;
  }
  return null;
}

/** Bodies the article names plainly (not by a vague word). */
export function articleBodies(words: Word[]): Set<string> {
  const out = new Set<string>();
  for (const m of BODIES.scan(words)) {
    if (m.first === m.last && VAGUE_BODY_WORDS.has(words[m.first].norm)) continue;
    out.add(m.entry);
  }
  return out;
}
