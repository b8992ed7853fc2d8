// Stage: keeps only the people whose voice the article reports (they speak, propose or hold a stance), dropping the
// named bystanders ("Putin" in a caption), and renumbers every layer that points at actors.
import { tokenAt, type Doc } from '../doc.js';
import type { Stage } from '../stage.js';
import { SPEECH_VERBS } from './context.js';

const SKIPPABLE = new Set(['has', 'have', 'had', 'also', 'then', 'later', 'previously', 'earlier', 'again', 'on', 'reportedly', 'publicly', 'openly', 'repeatedly', 'would', 'will', 'was', 'is']);

/** True when a mention is the subject of a speech verb ("Müller said", "he has warned") or its object ("said Müller"). */
function speaksAt(doc: Doc, start: number, end: number): boolean {
  const toks = doc.tokens;
  let j = tokenAt(doc, end);
  for (let n = 0; j < toks.length && n < 4; j++) {
    const t = toks[j];
    if (t.pos === 'SPACE' || /^\s+$/.test(t.text)) continue;
    if (SPEECH_VERBS.has(t.lower) && t.lower !== 'according') return true;
    if (!SKIPPABLE.has(t.lower)) break;
    n++;
  }
  let i = tokenAt(doc, start) - 1;
  while (i >= 0 && (toks[i].pos === 'SPACE' || /^\s+$/.test(toks[i].text))) i--;
  if (i >= 0 && /^(said|says|added|adds|stated|wrote|warned|insisted|asked|explained)$/.test(toks[i].lower)) return true;
  if (i >= 1 && toks[i].lower === 'to' && toks[i - 2]?.lower === 'according') return true;
  return false;
}

/** Actor indices of the people who speak, propose or hold a stance. */
function voiced(doc: Doc): Set<number> {
  const keep = new Set<number>();
  for (const q of doc.quotes) if (q.speaker !== null) keep.add(q.speaker);
  for (const p of doc.proposals) if (p.proposer !== null) keep.add(p.proposer);
  for (const s of doc.stances) keep.add(s.holder);
  doc.actors.forEach((a, i) => {
    if (a.kind === 'person' && !keep.has(i) && a.mentions.some((m) => speaksAt(doc, m.start, m.end))) keep.add(i);
  });
  return keep;
}

export function pruneSilentPeople(doc: Doc): void {
  const keep = voiced(doc);
  const map = new Map<number, number>();
  const actors = [];
  for (let i = 0; i < doc.actors.length; i++) {
    const a = doc.actors[i];
    if (a.kind === 'person' && !keep.has(i)) continue;
    map.set(i, actors.length);
    actors.push(a);
  }
  if (actors.length === doc.actors.length) return;
  for (const a of actors) for (const m of a.mentions) m.actor = map.get(m.actor) ?? m.actor;
  doc.actors = actors;
  for (const q of doc.quotes) if (q.speaker !== null) q.speaker = map.get(q.speaker) ?? null;
  for (const p of doc.proposals) if (p.proposer !== null) p.proposer = map.get(p.proposer) ?? null;
  doc.stances = doc.stances.filter((s) => map.has(s.holder));
  for (const s of doc.stances) s.holder = map.get(s.holder)!;
}

export const actorsPrune: Stage = {
  name: 'actors-prune',
  reads: ['actors', 'quotes', 'proposals', 'stances'],
  adds: ['actors'],
  run: pruneSilentPeople,
};
