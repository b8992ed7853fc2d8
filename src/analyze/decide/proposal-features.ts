// The features of each proposal of an article that tell whether it is one the article reports positions on.
import { tokenAt, type Doc } from '../doc.js';
import { kindOf } from '../proposals/proposals.js';
import { clauseOf } from '../proposals/clauses.js';
import { headWord, phraseProbability } from '../phrases/phrases.js';
import { meaningCodes } from '../vectors/codes.js';
import { holderKeyOf } from './pairs.js';

const bin = (n: number): string => (n >= 4 ? '4+' : String(n));
const place = (s: number): string => (s === 0 ? '0' : s <= 2 ? '1-2' : s <= 6 ? '3-6' : '7+');

/** One feature list per proposal of the document (after the rule stances, before any pruning). */
export function proposalFeatures(doc: Doc): string[][] {
  const ruleCount = new Map<number, Set<string>>();
  for (const s of doc.stances) {
    const key = holderKeyOf(doc, s.holder);
    if (key === null) continue;
    const set = ruleCount.get(s.proposal) ?? new Set<string>();
    set.add(`${key}|${s.stance}`);
    ruleCount.set(s.proposal, set);
  }
  // Parties named in each sentence.
  const partiesIn = new Map<number, Set<string>>();
  doc.actors.forEach((a, i) => {
    const key = holderKeyOf(doc, i);
    if (key === null) return;
    for (const m of a.mentions) {
      const t = tokenAt(doc, m.start);
      if (t >= doc.tokens.length) continue;
      const s = doc.tokens[t].sentence;
      const set = partiesIn.get(s) ?? new Set<string>();
      set.add(key);
      partiesIn.set(s, set);
    }
  });
  const sentenceCounts = doc.proposals.map((p) => new Set(p.mentions.map((m) => doc.tokens[Math.min(tokenAt(doc, m.start), doc.tokens.length - 1)]?.sentence ?? 0)).size);
  const most = Math.max(0, ...sentenceCounts);
  return doc.proposals.map((p, i) => {
    const f = new Set<string>(['bias']);
    const clause = clauseOf(p);
    f.add(`pk:${clause ? 'clause' : kindOf(p) ?? 'none'}`); // a verb phrase apart from the plans named by nouns
    const pp = phraseProbability(p);
    if (clause) {
      // A verb phrase: what governs it says whether it is put forward ("urged … to", "a plan to") or only reported.
      f.add('src:clause');
      f.add(`clg:${clause.governor}`);
      f.add(`cls:${clause.shape}`);
      if (clause.subject !== null) f.add('cl-subj');
      if (clause.addressee !== null) f.add('cl-addr');
      f.add(`cl-like:${Math.min(9, Math.floor(clause.likeness * 10))}`);
    } else f.add(pp === null ? 'src:trigger' : `pp:${Math.min(9, Math.floor(pp * 10))}`);
    if (p.proposer !== null) f.add('has-proposer');
    if (p.body !== null) f.add('has-body');
    const sentences = new Set<number>();
    for (const m of p.mentions) {
      const t = tokenAt(doc, m.start);
      if (t < doc.tokens.length) sentences.add(doc.tokens[t].sentence);
    }
    f.add(`ms:${bin(sentences.size)}`);
    if (sentences.size === most) f.add('most-named');
    f.add(`first:${place(Math.min(...sentences, 99))}`);
    const parties = new Set<string>();
    for (const s of sentences) for (const k of partiesIn.get(s) ?? []) parties.add(k);
    f.add(`parties:${bin(parties.size)}`);
    f.add(`rules:${bin(ruleCount.get(i)?.size ?? 0)}`);
    const head = p.mentions.length ? headWord(doc.text.slice(p.mentions[0].start, p.mentions[0].end)) : '';
    if (head) {
      f.add(`h:${head}`);
      for (const c of meaningCodes(head)) f.add(`hc:${c}`);
    }
    return [...f];
  });
}
