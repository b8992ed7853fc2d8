// Stage: keeps only the people whose voice the article reports (they speak, propose or hold a stance), dropping the
// named bystanders ("Putin" in a caption), and renumbers every layer that points at actors.
import { asObjectList, tokenAt, type Doc } from '../doc.js';
import type { Stage } from '../stage.js';
import { SPEECH_NOUNS, SPEECH_VERBS } from './context.js';
import { isTitleWord } from './titles.js';
import { NOT_NAMES } from './lexicon.js';
import { fold } from './phrase-index.js';
import { slugify } from '../slug.js';

const SKIPPABLE = new Set(['speaking', 'has', 'have', 'had', 'also', 'then', 'later', 'previously', 'earlier', 'again', 'on', 'reportedly', 'publicly', 'openly', 'repeatedly', 'would', 'will', 'was', 'is']);

/** True when a mention is the subject of a speech verb ("Müller said", "he has warned") or its object ("said Müller"). */
function speaksAt(doc: Doc, start: number, end: number): boolean {
  const toks = doc.tokens;
  const blank = (t: { pos: string; text: string }) => t.pos === 'SPACE' || /^\s+$/.test(t.text);
  const verbAt = (from: number): boolean => {
    for (let j = from, n = 0; j < toks.length && n < 4; j++) {
      const t = toks[j];
      if (blank(t)) continue;
      if (SPEECH_VERBS.has(t.lower) && t.lower !== 'according') return true;
      if (!SKIPPABLE.has(t.lower)) return false;
      n++;
    }
    return false;
  };
  let j = tokenAt(doc, end);
  while (j < toks.length && blank(toks[j])) j++;
  // "X and Y said": a name joined to the speaker's speaks with it.
  if (toks[j]?.lower === 'and') {
    let k = j + 1;
    while (k < toks.length && blank(toks[k])) k++;
    if (/^\p{Lu}/u.test(toks[k]?.text ?? '')) {
      while (k < toks.length && (blank(toks[k]) || /^\p{Lu}/u.test(toks[k].text)) && toks[k].sentence === toks[j].sentence) k++;
      j = k;
    }
  }
  if (verbAt(j)) return true;
  // "…, Zhang Jun, expressed"; "X, the European Commission president, outlined"; up to two appositions.
  for (let round = 0; round < 3 && toks[j]?.text === ','; round++) {
    if (verbAt(j + 1)) return true;
    let k = j + 1;
    while (k < toks.length && k - j < 30 && toks[k].text !== ',' && toks[k].sentence === toks[j].sentence) k++;
    if (toks[k]?.text !== ',') break;
    j = k;
  }
  if (toks[j]?.text === ',' && verbAt(j + 1)) return true;
  let i = tokenAt(doc, start) - 1;
  while (i >= 0 && (toks[i].pos === 'SPACE' || /^\s+$/.test(toks[i].text))) i--;
  if (i >= 0 && /^(said|says|added|adds|stated|wrote|warned|insisted|asked|explained)$/.test(toks[i].lower)) return true;
  // "said Lithuania's Foreign Minister, Rūta Valaitienė": the verb stands before the person's title.
  for (let h = i, n = 0; h >= 0 && n < 10; h--) {
    const t = toks[h];
    if (blank(t)) continue;
    n++;
    if (/^(said|says|added|told|stated|wrote|warned|insisted|announced)$/.test(t.lower)) return n > 1;
    if (!(/^\p{Lu}/u.test(t.text) || /^(['’]s|,|of|the|for|to|-)$/.test(t.lower) || isTitleWord(t.text))) break;
  }
  if (i >= 1 && toks[i].lower === 'to' && toks[i - 2]?.lower === 'according') return true;
  // "urged by X", "calls from X", "a proposal by X".
  if (i >= 2 && /^(by|from)$/.test(toks[i].lower)) {
    let h = i - 1;
    while (h >= 0 && (toks[h].pos === 'SPACE' || /^\s+$/.test(toks[h].text) || toks[h].pos === 'ADJ' || toks[h].pos === 'ADV')) h--;
    if (h >= 0 && (SPEECH_VERBS.has(toks[h].lower) || SPEECH_NOUNS.has(toks[h].lower))) return true;
  }
  return false;
}

/** Actor indices of the people who speak, propose or hold a stance. */
function voiced(doc: Doc): Set<number> {
  const keep = new Set<number>();
  for (const q of doc.quotes) if (q.speaker !== null) keep.add(q.speaker);
  for (const p of doc.proposals) if (p.proposer !== null) keep.add(p.proposer);
  for (const s of doc.stances) keep.add(s.holder);
  // A person through whom their government's stance is reported ("Turkish President X signed …") holds it too.
  const stanceSentences = new Map<string, Set<number>>();
  for (const s of doc.stances) {
    const key = doc.actors[s.holder]?.represents ?? doc.actors[s.holder]?.key;
    if (!key) continue;
    const set = stanceSentences.get(key) ?? new Set<number>();
    set.add(doc.tokens[tokenAt(doc, s.evidence.start)]?.sentence ?? -1);
    stanceSentences.set(key, set);
  }
  doc.actors.forEach((a, i) => {
    if (a.kind !== 'person' || !a.represents || keep.has(i)) return;
    const sentences = stanceSentences.get(a.represents);
    if (sentences && a.mentions.some((m) => m.via !== 'pronoun' && sentences.has(doc.tokens[tokenAt(doc, m.start)]?.sentence ?? -2))) keep.add(i);
  });
  // The first person named in a sentence that holds a quotation, outside it, is taken to be its voice.
  const quoted = new Map<number, { start: number; end: number }[]>();
  for (const q of doc.quotes) {
    const list = quoted.get(q.sentence) ?? [];
    list.push(q);
    quoted.set(q.sentence, list);
  }
  const firstInSentence = new Map<number, { actor: number; start: number }>();
  doc.actors.forEach((a, i) => {
    if (a.kind !== 'person') return;
    for (const m of a.mentions) {
      const s = doc.tokens[tokenAt(doc, m.start)]?.sentence ?? -1;
      const qs = quoted.get(s);
      if (!qs || qs.some((q) => m.start >= q.start && m.end <= q.end)) continue;
      const cur = firstInSentence.get(s);
      if (!cur || m.start < cur.start) firstInSentence.set(s, { actor: i, start: m.start });
    }
  });
  for (const { actor } of firstInSentence.values()) keep.add(actor);
  doc.actors.forEach((a, i) => {
    if (a.kind === 'person' && !keep.has(i) && a.mentions.some((m) => speaksAt(doc, m.start, m.end))) keep.add(i);
  });
  return keep;
}

/** A "person" whose one-word name is a region, a common word or a shouted dateline ("Sahel", "Member", "ISTANBUL"),
 * as a later stage may have named one from a capitalised word before a speech verb. */
function notAPerson(name: string): boolean {
  if (/\s/.test(name.trim())) return false;
  const f = fold(name.replace(/\.$/, ''));
  return NOT_NAMES.has(f) || (name.length >= 4 && name === name.toUpperCase() && /^\p{Lu}+$/u.test(name));
}

export function pruneSilentPeople(doc: Doc): void {
  // Such a speaker is a place or body speaking ("Sahel said"), not a person.
  // A new actor object rather than the old one rewritten: rewriting `kind` or `key` of one actor in a long batch makes
  // V8 drop the compiled code of every function that reads actors (a dozen of them, compiled again afterwards).
  for (let i = 0; i < doc.actors.length; i++) {
    const a = doc.actors[i];
    if (a.kind !== 'person' || a.role || !notAPerson(a.name)) continue;
    const org = slugify(a.name).toUpperCase();
    doc.actors[i] = {
      key: `org:${org}`, kind: 'organization', name: a.name, role: a.role, country: null, organization: org,
      represents: `org:${org}`, mentions: a.mentions,
    };
  }
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
  doc.actors = asObjectList(actors);
  for (const q of doc.quotes) if (q.speaker !== null) q.speaker = map.get(q.speaker) ?? null;
  for (const p of doc.proposals) if (p.proposer !== null) p.proposer = map.get(p.proposer) ?? null;
  doc.stances = asObjectList(doc.stances.filter((s) => map.has(s.holder)));
  for (const s of doc.stances) s.holder = map.get(s.holder)!;
}

export const actorsPrune: Stage = {
  name: 'actors-prune',
  reads: ['actors', 'quotes', 'proposals', 'stances'],
  adds: ['actors'],
  run: pruneSilentPeople,
};
