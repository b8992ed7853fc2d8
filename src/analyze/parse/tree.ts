// Reading the parse: a token's children, its dependents of a relation, a verb's subjects, conjuncts, clause head, negation.
import type { Doc, Token } from '../doc.js';

/** Each token's children, in text order, as one list with start offsets (built once per token list). */
interface ChildIndex { start: Int32Array; list: Int32Array }

const indexes = new WeakMap<readonly Token[], ChildIndex>();

function childIndex(tokens: readonly Token[]): ChildIndex {
  let index = indexes.get(tokens);
  if (index && index.start.length === tokens.length + 1) return index;
  const n = tokens.length;
  const start = new Int32Array(n + 1);
  for (const t of tokens) if (t.head >= 0) start[t.head + 1]++;
  for (let i = 0; i < n; i++) start[i + 1] += start[i];
  const fill = start.slice(0, n);
  const list = new Int32Array(start[n]);
  for (const t of tokens) if (t.head >= 0) list[fill[t.head]++] = t.i;
  index = { start, list };
  indexes.set(tokens, index);
  return index;
}

/** Forgets the children built for a token list (the parse stage calls it after setting heads). */
export function forgetChildren(tokens: readonly Token[]): void {
  indexes.delete(tokens);
}

/** The tokens whose head is token i, in text order. */
export function children(doc: Doc, i: number): number[] {
  const { start, list } = childIndex(doc.tokens);
  return Array.from(list.subarray(start[i], start[i + 1]));
}

/** Whether a relation is `rel` or one of its subtypes ('nsubj' covers 'nsubj:pass'; 'nsubj:pass' only itself). */
export const isRel = (rel: string, wanted: string): boolean =>
  rel === wanted || (rel.length > wanted.length && rel.charCodeAt(wanted.length) === 58 && rel.startsWith(wanted));

/** The children of token i whose relation is `rel` or one of its subtypes. */
export function dependents(doc: Doc, i: number, rel: string): number[] {
  const { start, list } = childIndex(doc.tokens);
  const out: number[] = [];
  for (let k = start[i]; k < start[i + 1]; k++) if (isRel(doc.tokens[list[k]].rel, rel)) out.push(list[k]);
  return out;
}

/**
 * The token and every token coordinated with it ("France, Spain and Italy"): from the first conjunct (UD attaches the
 * others to it with 'conj'), all its conj descendants; in text order.
 */
export function conjuncts(doc: Doc, i: number): number[] {
  const tokens = doc.tokens;
  let first = i;
  for (let guard = 0; tokens[first].rel === 'conj' && tokens[first].head >= 0 && guard < tokens.length; guard++) first = tokens[first].head;
  const out = [first];
  for (let k = 0; k < out.length; k++) out.push(...dependents(doc, out[k], 'conj').filter((c) => tokens[c].rel === 'conj'));
  return out.sort((a, b) => a - b);
}

/**
 * The subjects of a verb (or other predicate): its nsubj and csubj dependents (subtypes included: 'nsubj:pass'), each
 * with its conjuncts; a verb with none that is conjoined to another ("rejected" in "Spain met and rejected it") shares
 * that one's subjects. In text order.
 */
export function subjects(doc: Doc, verb: number): number[] {
  const tokens = doc.tokens;
  let v = verb;
  for (let guard = 0; guard < tokens.length; guard++) {
    const own = [...dependents(doc, v, 'nsubj'), ...dependents(doc, v, 'csubj')];
    if (own.length > 0) return [...new Set(own.flatMap((s) => conjuncts(doc, s)))].sort((a, b) => a - b);
    if (tokens[v].rel !== 'conj' || tokens[v].head < 0) return [];
    v = tokens[v].head;
  }
  return [];
}

/** Relations that make their dependent the head of a clause of its own. */
const CLAUSE_RELS = ['ccomp', 'xcomp', 'advcl', 'acl', 'csubj', 'parataxis'];
const PREDICATE_TAGS = new Set(['VERB', 'AUX']);

/**
 * The head of the clause the token belongs to: the token itself or its nearest ancestor that is the sentence's root,
 * a clausal dependent (ccomp, xcomp, advcl, acl, csubj, parataxis, with subtypes), or a verb conjoined to another.
 */
export function clauseHead(doc: Doc, i: number): number {
  const tokens = doc.tokens;
  let t = i;
  for (let guard = 0; guard <= tokens.length; guard++) {
    const tok = tokens[t];
    if (tok.head < 0) return t;
    if (CLAUSE_RELS.some((r) => isRel(tok.rel, r))) return t;
    if (tok.rel === 'conj' && (PREDICATE_TAGS.has(tok.pos) || dependents(doc, t, 'nsubj').length > 0)) return t;
    t = tok.head;
  }
  return t;
}

const NEGATORS = new Set(['not', "n't", 'never', 'n’t']);

/**
 * Whether a verb (or other predicate) is negated: an advmod child "not", "n't" or "never", or a subject or object
 * child determined by "no" ("no country supported it", "they have no plans").
 */
export function isNegated(doc: Doc, verb: number): boolean {
  const tokens = doc.tokens;
  for (const c of children(doc, verb)) {
    const child = tokens[c];
    if (isRel(child.rel, 'advmod') && NEGATORS.has(child.lower)) return true;
    if (isRel(child.rel, 'nsubj') || isRel(child.rel, 'obj')) {
      for (const d of dependents(doc, c, 'det')) if (tokens[d].lower === 'no') return true;
    }
  }
  return false;
}
