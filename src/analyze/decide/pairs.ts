// The candidate (holder, proposal) pairs of an article and the features the stance model reads for each.
import { tokenAt, type Doc, type Stance } from '../doc.js';
import { kindOf } from '../proposals/proposals.js';
import { clauseOf } from '../proposals/clauses.js';
import { foundByPhrase, phraseProbability } from '../phrases/phrases.js';
import { meaningCodes } from '../vectors/codes.js';

/** One party (whom actors speak for) and one proposal of the article, with what the text says of them together. */
export interface Pair {
  /** The key the stance counts for: the government or organisation an actor speaks for, or the person. */
  holderKey: string;
  /** The actor that stands for the party in the record (the party itself when named, else one who speaks for it). */
  holder: number;
  proposal: number;
  /** The stances the rules read for this party on this proposal. */
  rules: Stance[];
  /** First sentence where both are named (or the party's quote sits beside the proposal), for evidence. */
  sentence: number | null;
  /** First quote of the party in or beside a sentence naming the proposal. */
  quote: number | null;
  features: string[];
}

const STOP = new Set([
  'the', 'a', 'an', 'and', 'or', 'of', 'to', 'in', 'on', 'for', 'with', 'at', 'by', 'from', 'as', 'that', 'this', 'these', 'those',
  'it', 'its', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'which', 'who', 'whom', 'their', 'his',
  'her', 'they', 'he', 'she', 'we', 'our', 'also', 'but', 'said', 'says', 'told', 'about', 'after', 'before', 'over', 'into',
  'than', 'then', 'there', 'them', 'what', 'when', 'where', 'while', 'would', 'will', 'can', 'could', 'may', 'might', 'should',
  'more', 'most', 'some', 'such', 'other', 'one', 'two', 'year', 'years', 'last', 'new', 'mr', 'ms', 'mrs',
]);
const NEGATIONS = new Set(['not', "n't", 'no', 'never', 'nor', 'without', 'against', 'neither']);
const CONTENT_POS = new Set(['VERB', 'ADJ', 'NOUN', 'ADV', 'AUX', 'PART', 'ADP']);

const bin = (n: number): string => (n >= 3 ? '3+' : String(n));

/** The word forms of a token worth a feature: lower case, letters (and an apostrophe), not a stop word. */
function wordOf(doc: Doc, t: number): string | null {
  const tok = doc.tokens[t];
  if (NEGATIONS.has(tok.lower)) return tok.lower;
  if (!CONTENT_POS.has(tok.pos) || tok.lower.length < 3 || STOP.has(tok.lower) || !/^[a-z][a-z'-]*$/.test(tok.lower)) return null;
  return tok.lower;
}

export const holderKeyOf = (doc: Doc, actor: number): string | null => {
  const a = doc.actors[actor];
  if (a.kind === 'group' || a.key.startsWith('group:')) return null;
  return a.represents ?? a.key;
};

interface Party { key: string; actors: number[]; kind: string; sentences: Set<number>; tokens: Map<number, number[]> }

/** Every party the article names, with the sentences and tokens where it is named or speaks. */
function partiesOf(doc: Doc): Map<string, Party> {
  const parties = new Map<string, Party>();
  const partyOf = (key: string, kind: string): Party => {
    let p = parties.get(key);
    if (!p) { p = { key, actors: [], kind, sentences: new Set(), tokens: new Map() }; parties.set(key, p); }
    return p;
  };
  doc.actors.forEach((a, i) => {
    const key = holderKeyOf(doc, i);
    if (key === null) return;
    const kind = key.startsWith('country:') ? 'country' : key.startsWith('org:') ? 'org' : 'person';
    const party = partyOf(key, kind);
    party.actors.push(i);
    for (const m of a.mentions) {
      const t = tokenAt(doc, m.start);
      if (t >= doc.tokens.length) continue;
      const s = doc.tokens[t].sentence;
      party.sentences.add(s);
      const list = party.tokens.get(s) ?? [];
      list.push(t);
      party.tokens.set(s, list);
    }
  });
  return parties;
}

/** The sentences a quote's text runs over. */
function quoteSentences(doc: Doc, q: { start: number; end: number }): number[] {
  const first = tokenAt(doc, q.start);
  const last = Math.max(first, tokenAt(doc, Math.max(q.start, q.end - 1)));
  const out: number[] = [];
  for (let t = first; t <= last && t < doc.tokens.length; t++) if (!out.includes(doc.tokens[t].sentence)) out.push(doc.tokens[t].sentence);
  return out;
}

const bucketConfidence = (c: number): string => (c >= 0.8 ? 'hi' : c >= 0.6 ? 'mid' : 'lo');

/**
 * The candidate pairs of a document whose proposals and rule stances are in place (before pruning); with each
 * proposal's probability of being one the article reports positions on, when the proposal model gave them.
 */
export function pairsOf(doc: Doc, proposalProbabilities: readonly number[] | null = null): Pair[] {
  const parties = partiesOf(doc);
  // Sentences and tokens of each proposal's mentions.
  const proposalTokens = doc.proposals.map((p) => {
    const bySentence = new Map<number, number[]>();
    for (const m of p.mentions) {
      const t = tokenAt(doc, m.start);
      if (t >= doc.tokens.length) continue;
      const s = doc.tokens[t].sentence;
      const list = bySentence.get(s) ?? [];
      list.push(t);
      bySentence.set(s, list);
    }
    return bySentence;
  });
  // Quotes by party: the sentences they run over.
  const quotesBy = new Map<string, { q: number; sentences: number[] }[]>();
  doc.quotes.forEach((q, qi) => {
    if (q.speaker === null) return;
    const key = holderKeyOf(doc, q.speaker);
    if (key === null) return;
    const list = quotesBy.get(key) ?? [];
    list.push({ q: qi, sentences: quoteSentences(doc, q) });
    quotesBy.set(key, list);
  });
  const rulesBy = new Map<string, Stance[]>();
  for (const s of doc.stances) {
    const key = holderKeyOf(doc, s.holder);
    if (key === null) continue;
    const k = `${key}|${s.proposal}`;
    const list = rulesBy.get(k) ?? [];
    list.push(s);
    rulesBy.set(k, list);
  }
  // The article's main proposal: named in the most sentences (the first of equals).
  let main = -1;
  proposalTokens.forEach((m, i) => { if (m.size > 0 && (main < 0 || m.size > proposalTokens[main].size)) main = i; });
  // How much the rules read in the whole article: where they read much, they leave less unread.
  // (The cues' readings: not those the verb-phrase stage reads off a governing word, which would move every pair's feature.)
  let read = 0;
  for (const s of doc.stances) if (!clauseOf(doc.proposals[s.proposal])) read++;
  const articleRules = `art-rules:${read >= 6 ? '6+' : read >= 3 ? '3-5' : String(read)}`;
  const pairs: Pair[] = [];
  for (const party of parties.values()) {
    const lead = party.actors.find((a) => doc.actors[a].key === party.key) ?? party.actors[0];
    for (let pi = 0; pi < doc.proposals.length; pi++) {
      const pTokens = proposalTokens[pi];
      const rules = rulesBy.get(`${party.key}|${pi}`) ?? [];
      // The sentences naming both, and the party's quotes in or beside a sentence naming the proposal.
      const co = [...party.sentences].filter((s) => pTokens.has(s)).sort((a, b) => a - b);
      const quotes = (quotesBy.get(party.key) ?? []).filter((q) => q.sentences.some((s) => pTokens.has(s) || pTokens.has(s - 1) || pTokens.has(s + 1)));
      const features = pairFeatures(doc, party, pi, pTokens, co, quotes, rules, pi === main);
      if (proposalProbabilities) features.push(`prop:${Math.min(9, Math.floor(proposalProbabilities[pi] * 10))}`);
      features.push(articleRules, `${articleRules}|${rules.length ? 'r' : 'no-r'}`);
      pairs.push({
        holderKey: party.key, holder: rules[0]?.holder ?? lead, proposal: pi, rules,
        sentence: co[0] ?? quotes[0]?.sentences[0] ?? null, quote: rules.find((r) => r.quote !== null)?.quote ?? quotes[0]?.q ?? null, features,
      });
    }
  }
  return pairs;
}

function pairFeatures(
  doc: Doc, party: Party, pi: number, pTokens: Map<number, number[]>, co: readonly number[], quotes: readonly { q: number; sentences: number[] }[],
  rules: Stance[], main: boolean,
): string[] {
  const f = new Set<string>(['bias', `ht:${party.kind}`]);
  const p = doc.proposals[pi];
  f.add(`pk:${clauseOf(p) ? 'clause' : kindOf(p) ?? 'none'}`); // a verb phrase apart from the plans named by nouns
  const clause = clauseOf(p);
  f.add(foundByPhrase(p) ? 'src:phrase' : clause ? 'src:clause' : 'src:trigger');
  if (clause) {
    // The party's role in the verb phrase: who urged, agreed, refused ("cl-subj:refuse"), who was asked ("cl-addr:urge").
    f.add(`clg:${clause.governor}`);
    f.add(`cl-like:${Math.min(9, Math.floor(clause.likeness * 10))}`);
    const role = clause.subject !== null && holderKeyOf(doc, clause.subject) === party.key ? 'cl-subj'
      : clause.addressee !== null && holderKeyOf(doc, clause.addressee) === party.key ? 'cl-addr' : 'cl-other';
    f.add(role);
    f.add(`${role}:${clause.governor}`);
  }
  const pp = phraseProbability(p);
  if (pp !== null) f.add(`pp:${Math.min(9, Math.floor(pp * 10))}`);
  if (p.proposer !== null) f.add('has-proposer');
  if (party.kind === 'org') f.add(`hk:${party.key}`);
  // A verb phrase's readings (off its governing word, "agreed to") are weighed apart from the cues' readings: shared,
  // their many misses taught the model to overrule the cues' readings too.
  const r = clause ? 'cr' : 'r';
  if (rules.length === 0) f.add(`${r}:none`);
  for (const rule of rules) {
    f.add(`${r}:${rule.stance}`);
    f.add(`${r}:${rule.stance}:${bucketConfidence(rule.confidence)}`);
    if (rule.quote !== null) f.add(`${r}:${rule.stance}:q`);
    if (rule.condition) f.add(`${r}:cond`);
  }
  const labels = new Set(rules.map((x) => x.stance));
  if (labels.size > 1) f.add(`${r}:mixed`);
  const proposerKey = p.proposer === null ? null : holderKeyOf(doc, p.proposer);
  if (proposerKey === party.key) f.add('proposer');
  else if (proposerKey !== null) f.add('other-proposer');
  if (p.body !== null && p.body === party.key) f.add('is-body');
  const adjacent = [...party.sentences].filter((s) => !pTokens.has(s) && (pTokens.has(s - 1) || pTokens.has(s + 1)));
  f.add(`co:${bin(co.length)}`);
  f.add(`adj:${bin(adjacent.length)}`);
  f.add(`hm:${bin(party.sentences.size)}`);
  f.add(`pm:${bin(pTokens.size)}`);
  if (party.sentences.has(0) || party.sentences.has(1)) f.add('h-lead');
  if (main) {
    // What the party does anywhere in the article, read as about the main proposal ("Hungary voted against").
    f.add('main');
    for (const [s, hs] of party.tokens) {
      const sent = doc.sentences[s];
      for (const h of hs) {
        const v = verbAfter(doc, h, sent.last);
        if (v) {
          const negated = hasNegationBefore(doc, h, sent.last);
          f.add(`main-hv:${v}`);
          if (negated) f.add(`main-hv-neg:${v}`);
          for (const c of meaningCodes(v)) f.add(negated ? `main-hvc-neg:${c}` : `main-hvc:${c}`);
        }
      }
      if (pTokens.has(s)) continue;
      for (let t = sent.first; t <= sent.last; t++) {
        const w = wordOf(doc, t);
        if (w) f.add(`main-s:${w}`);
      }
    }
  }
  if (co.length === 0 && adjacent.length === 0) f.add('apart');
  for (const s of co) {
    const sent = doc.sentences[s];
    const hs = party.tokens.get(s) ?? [];
    const ps = pTokens.get(s) ?? [];
    // The closest mention of each in the sentence: the words between them, and their order.
    let best: [number, number] | null = null;
    for (const h of hs) for (const q of ps) if (!best || Math.abs(h - q) < Math.abs(best[0] - best[1])) best = [h, q];
    for (const h of hs) {
      const v = verbAfter(doc, h, sent.last);
      if (v) {
        const negated = hasNegationBefore(doc, h, sent.last);
        f.add(`hv:${v}`);
        if (negated) f.add(`hv-neg:${v}`);
        for (const c of meaningCodes(v)) f.add(negated ? `hvc-neg:${c}` : `hvc:${c}`);
      }
    }
    for (const q of ps) {
      const v = verbBefore(doc, q, sent.first);
      if (v) {
        f.add(`pv:${v}`);
        for (const c of meaningCodes(v)) f.add(`pvc:${c}`);
      }
    }
    for (const h of hs) {
      // The words before the party's mention, past its name: "condemnation from X", "welcomed by X".
      for (let t = h - 1, n = 0; t >= sent.first && n < 3; t--) {
        if (doc.tokens[t].pos === 'PROPN') continue;
        n++;
        const w = wordOf(doc, t);
        if (w) f.add(`hl:${w}`);
      }
    }
    for (const q of ps) {
      // The party as the proposal's agent or owner: "recognition by X", "support from X", "X's decision to" (the name may open the mention).
      for (let t = q + 1; t <= Math.min(sent.last, q + 6); t++) {
        const w = doc.tokens[t].lower;
        if (w !== 'by' && w !== 'from') continue;
        if (hs.some((h) => h > t && h <= t + 3)) f.add(`agent:${w}`);
        break;
      }
      if (hs.some((h) => h <= q && h >= q - 4 && (POSSESSIVE.has(doc.tokens[h + 1]?.lower ?? '') || POSSESSIVE.has(doc.tokens[h + 2]?.lower ?? '')))) f.add('poss');
    }
    if (best) {
      const [h, q] = best;
      f.add(h < q ? 'order:hp' : 'order:ph');
      const d = Math.abs(h - q);
      f.add(`dist:${d <= 3 ? 'near' : d <= 10 ? 'mid' : 'far'}`);
      for (let t = Math.min(h, q) + 1; t < Math.max(h, q); t++) {
        const w = wordOf(doc, t);
        if (w) f.add(`b:${w}`);
      }
    }
    for (let t = sent.first; t <= sent.last; t++) {
      const w = wordOf(doc, t);
      if (!w) continue;
      f.add(`s:${w}`);
      if (NEGATIONS.has(w)) f.add('neg');
    }
  }
  for (const q of quotes) {
    const quote = doc.quotes[q.q];
    for (let t = tokenAt(doc, quote.start); t < doc.tokens.length && doc.tokens[t].start < quote.end; t++) {
      const w = wordOf(doc, t);
      if (w) f.add(`q:${w}`);
    }
  }
  f.add(`qs:${bin(quotes.length)}`);
  return [...f];
}

const POSSESSIVE = new Set(["'s", '’s']);
const LIST_WORDS = new Set([',', 'and', 'or', "'s", '’s', 'the', 'of']);
const SKIP_BEFORE_VERB = new Set(['ADV', 'AUX', 'PART', 'SPACE']);

/** The verb a named party is the subject of: the first verb after it (and after a list it heads), within a few words. */
function verbAfter(doc: Doc, at: number, last: number): string | null {
  const toks = doc.tokens;
  let t = at + 1;
  // Past the rest of the name and a list of names ("Poland, Hungary and Slovakia voted").
  while (t <= last && (toks[t].pos === 'PROPN' || LIST_WORDS.has(toks[t].lower) || toks[t].pos === 'SPACE')) t++;
  for (let n = 0; t <= last && n < 4; t++, n++) {
    const tok = toks[t];
    if (tok.pos === 'VERB') return tok.lower;
    if (!SKIP_BEFORE_VERB.has(tok.pos)) return null;
  }
  return null;
}

/** A negation between a party and its verb ("Austria has not backed"). */
function hasNegationBefore(doc: Doc, at: number, last: number): boolean {
  for (let t = at + 1; t <= Math.min(last, at + 6); t++) {
    if (NEGATIONS.has(doc.tokens[t].lower)) return true;
    if (doc.tokens[t].pos === 'VERB') return false;
  }
  return false;
}

/** The verb whose object a proposal's mention is: the nearest verb before it, over determiners and modifiers. */
function verbBefore(doc: Doc, at: number, first: number): string | null {
  const toks = doc.tokens;
  for (let t = at - 1, n = 0; t >= first && n < 5; t--, n++) {
    const tok = toks[t];
    if (tok.pos === 'VERB') return tok.lower;
    if (!['DET', 'ADJ', 'NOUN', 'PROPN', 'ADP', 'PRON', 'SPACE', 'NUM', 'PART'].includes(tok.pos) && tok.lower !== "'s") return null;
  }
  return null;
}
