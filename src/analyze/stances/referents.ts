// Whom a possessive, a pronoun or a passive agent names: "its veto", "it wanted", "vetoed by the US", "namely France, China".
import type { StanceContext } from './context.js';
import { coordinatedLeft, coordinatedRight, governor, isGroup, possessedHead } from './subjects.js';

const LIST_INTROS = new Set(['namely', 'including', 'notably', 'especially', ':']);

/** "Hungary's veto", "the American veto", "its refusal". */
export function possessor(ctx: StanceContext, cueFirst: number): number[] | null {
  const { words, ix } = ctx;
  let k = cueFirst - 1;
  while (k >= 0 && (words[k].pos === 'ADJ' || words[k].pos === 'ADV') && !ix.at[k]) k--;
  if (k >= 0 && words[k].norm === "'s") k--;
  const u = k >= 0 ? ix.at[k] : null;
  return u && !ctx.doc.actors[u.actor].key.startsWith('group:') ? [u.actor] : null;
}

/** Whom "its" / "his" refers to: the nearest actor before it in the sentence that is not governed by a preposition or verb. */
export function possessiveReferent(ctx: StanceContext, k: number, first: number): number | null {
  const { ix, quoteAt, doc } = ctx;
  // "with Hungary its main opponent".
  const right = ix.at[k - 1];
  if (right && !doc.actors[right.actor].key.startsWith('group:')) return right.actor;
  for (let j = k - 1; j >= first; j--) {
    if (quoteAt[j] >= 0 && doc.quotes[quoteAt[j]].kind !== 'indirect') continue;
    const u = ix.at[j];
    if (!u) continue;
    j = u.first;
    if (doc.actors[u.actor].key.startsWith('group:') || isGroup(ctx, u)) continue;
    if (governor(ctx, u) === 'prep') continue;
    return u.actor;
  }
  return null;
}

/** Whom "it" / "they" stands for within its sentence: the nearest actor before it that is a subject, or null. */
export function pronounReferent(ctx: StanceContext, k: number, first: number): number | null {
  const { ix, quoteAt, doc } = ctx;
  for (let j = k - 1; j >= first; j--) {
    if (quoteAt[j] >= 0 && doc.quotes[quoteAt[j]].kind !== 'indirect') continue;
    const u = ix.at[j];
    if (!u) continue;
    j = u.first;
    if (u.via === 'pronoun' || doc.actors[u.actor].key.startsWith('group:') || isGroup(ctx, u)) continue;
    if (governor(ctx, u) !== null || !possessedHead(ctx, u)) continue;
    return u.actor;
  }
  return null;
}

/** Actors right after one of the given words following position `from` ("opposition from Greece and Cyprus", "vetoed by the US"). */
export function agentAfter(ctx: StanceContext, from: number, preps: Set<string>): number[] | null {
  const { words } = ctx;
  const sentence = words[from].sentence;
  const last = ctx.sentences.get(sentence)!.last;
  for (let k = from + 1; k <= from + 3 && k <= last; k++) {
    const n = words[k].norm;
    if (n === ',' || n === 'notably' || n === 'mainly' || n === 'chiefly' || n === 'especially') continue;
    if (preps.has(n)) {
      const list = coordinatedRight(ctx, k + 1, last);
      if (list.length) return list;
      if (n !== 'by') return null;
      // "by permanent member and Israel ally the United States": a short description first.
      for (let j = k + 1; j <= k + 7 && j <= last; j++) {
        if (words[j].norm === ',' || words[j].norm === '.') break;
        if (ctx.ix.at[j] && words[j - 1].norm === 'the') {
          const l2 = coordinatedRight(ctx, j, last);
          if (l2.length) return l2;
        }
      }
      return null;
    }
    if (words[k].pos !== 'ADV') break;
  }
  return null;
}

/** "…supported the resolution, namely France, China, Russia as well as Albania". */
export function listAfter(ctx: StanceContext, from: number, last: number): number[] | null {
  const { words } = ctx;
  for (let k = from + 1; k <= Math.min(last, from + 4); k++) {
    if (LIST_INTROS.has(words[k].norm)) {
      const list = coordinatedRight(ctx, k + 1, last);
      return list.length ? list : null;
    }
  }
  return null;
}

/** "Belarus and Syria joined Russia in voting against it": the joiners and the joined. */
export function joinedIn(ctx: StanceContext, cueFirst: number, first: number): number[] | null {
  const { words, ix } = ctx;
  if (words[cueFirst - 1]?.norm !== 'in') return null;
  const obj = ix.at[cueFirst - 2];
  if (!obj) return null;
  const verb = obj.first - 1 >= first ? words[obj.first - 1] : null;
  if (!verb || !/^(join|joins|joined|joining)$/.test(verb.norm)) return null;
  let k = obj.first - 2;
  while (k >= first && (words[k].pos === 'ADV' || words[k].pos === 'AUX')) k--;
  const subj = k >= first ? ix.at[k] : null;
  const out = subj ? coordinatedLeft(ctx, subj, first) : [];
  return [...out, obj.actor];
}

/** A stance noun that the clause's subject gives or voices ("gave a clear no", "pledged his support", "expressed opposition"). */
export function nounTakenBySubject(ctx: StanceContext, cueFirst: number): boolean {
  const { words } = ctx;
  for (let k = cueFirst - 1; k >= 0 && cueFirst - k <= 5; k--) {
    const n = words[k].norm;
    if (/^(gave|give|gives|giving|expressed|voiced|signalled|signaled|pledged|offered|offers|lent|announced|reiterated|made|has|have|had|is|was|received|take|takes|took|taken|taking|hold|holds|held)$/.test(n)) return true;
    if (words[k].pos === 'VERB' || words[k].norm === ',') return false;
  }
  return false;
}
