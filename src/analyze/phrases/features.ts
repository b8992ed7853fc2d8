// The noun phrases of an article that may name a proposal, each with the features the phrase model reads.
import { isSpaceToken, tokenAt, type Doc } from '../doc.js';
import type { Span } from '../record.js';
import { meaningCodes } from '../vectors/codes.js';
import { proposalLikeness } from '../vectors/proposal-likeness.js';

export interface NounCandidate {
  /** Token index of the phrase's last noun. */
  token: number;
  /** The phrase: its modifiers and nouns up to the head. */
  span: Span;
  /** The head word, lower case, a plural -s dropped (phrases are grouped on it). */
  head: string;
  features: string[];
}

const NOUNISH = new Set(['NOUN', 'PROPN']);
const MODIFIER = new Set(['NOUN', 'PROPN', 'ADJ', 'NUM']);
const bin = (n: number): string => (n >= 4 ? '4+' : String(n));

/** A head word's vector features, kept per word (looking a word up, with its fallbacks, costs more than the model). */
const HEAD_FEATURES = new Map<string, readonly string[]>();
function headFeatures(word: string): readonly string[] {
  let f = HEAD_FEATURES.get(word);
  if (!f) {
    f = [`pl:${Math.min(9, Math.floor(proposalLikeness(word) * 10))}`, ...meaningCodes(word).map((c) => `hc:${c}`)];
    if (HEAD_FEATURES.size >= 100_000) HEAD_FEATURES.clear();
    HEAD_FEATURES.set(word, f);
  }
  return f;
}

/** A word without a plural -s ("sanctions" → "sanction"; not "press"). */
export const singular = (w: string): string => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w);

/** Every noun phrase head not already inside a proposal or actor mention, with its phrase and features. */
export function nounCandidates(doc: Doc): NounCandidate[] {
  const toks = doc.tokens;
  const covered = new Uint8Array(toks.length); // 1: a proposal's mention, 2: an actor's mention
  const quoted = new Uint8Array(toks.length);
  const mark = (spans: Iterable<Span>, into: Uint8Array, value: number) => {
    for (const s of spans) for (let t = tokenAt(doc, s.start); t < toks.length && toks[t].start < s.end; t++) into[t] = value;
  };
  mark(doc.proposals.flatMap((p) => p.mentions), covered, 1);
  const nearProposal = new Uint8Array(doc.sentences.length);
  for (let t = 0; t < toks.length; t++) if (covered[t] === 1) nearProposal[toks[t].sentence] = 1;
  mark(doc.actors.flatMap((a) => a.mentions), covered, 2);
  const actorIn = new Uint8Array(doc.sentences.length);
  for (let t = 0; t < toks.length; t++) if (covered[t] === 2) actorIn[toks[t].sentence] = 1;
  mark(doc.quotes, quoted, 1);
  const headCount = new Map<string, number>();
  for (const t of toks) if (NOUNISH.has(t.pos)) headCount.set(singular(t.lower), (headCount.get(singular(t.lower)) ?? 0) + 1);
  const out: NounCandidate[] = [];
  for (const s of doc.sentences) {
    const words: number[] = [];
    for (let t = s.first; t <= s.last; t++) if (!isSpaceToken(toks[t])) words.push(t);
    for (let k = 0; k < words.length; k++) {
      const h = words[k];
      if (!NOUNISH.has(toks[h].pos) || covered[h] || !/\p{L}/u.test(toks[h].text)) continue;
      if (k + 1 < words.length && NOUNISH.has(toks[words[k + 1]].pos) && !covered[words[k + 1]]) continue; // not the head yet
      let first = k;
      while (first > 0 && (MODIFIER.has(toks[words[first - 1]].pos) || toks[words[first - 1]].text === '-') && !covered[words[first - 1]]) first--;
      const head = singular(toks[h].lower);
      const f = new Set<string>(['bias', `w:${toks[h].lower}`, `h:${head}`, `suf:${head.slice(-3)}`, `pos:${toks[h].pos}`]);
      if (/^\p{Lu}/u.test(toks[h].text) && k > 0) f.add('cap');
      for (const x of headFeatures(toks[h].lower)) f.add(x);
      for (let j = first; j < k; j++) f.add(`m:${toks[words[j]].lower}`);
      if (k > first) f.add(`mh:${toks[words[k - 1]].lower}|${head}`);
      const before = (n: number) => (first - n >= 0 ? toks[words[first - n]] : null);
      const after = (n: number) => (k + n < words.length ? toks[words[k + n]] : null);
      f.add(`p1:${before(1)?.lower ?? '<s>'}`);
      f.add(`p2:${before(2)?.lower ?? '<s>'}`);
      f.add(`n1:${after(1)?.lower ?? '</s>'}`);
      f.add(`n2:${after(2)?.lower ?? '</s>'}`);
      if (before(1)?.lower === "'s" || before(1)?.lower === '’s') f.add('poss');
      if (before(1) && covered[words[first - 1]] === 2) f.add('actor-before');
      for (let j = first - 1; j >= 0 && j >= first - 6; j--) {
        const t = toks[words[j]];
        if (t.pos === 'VERB') {
          f.add(`v:${t.lower}`);
          for (const c of meaningCodes(t.lower)) f.add(`vc:${c}`);
          break;
        }
      }
      f.add(`cnt:${bin(headCount.get(head) ?? 0)}`);
      if (s.i <= 1) f.add('lead');
      if (quoted[h]) f.add('quoted');
      if (nearProposal[s.i]) f.add('near-proposal');
      if (actorIn[s.i]) f.add('actor-in-sentence');
      out.push({ token: h, span: { start: toks[words[first]].start, end: toks[h].end }, head, features: [...f] });
    }
  }
  return out;
}
