// The parser's features, after Zhang and Nivre (2011) with word clusters and suffixes: each is a 32-bit hash of a
// template number and the atoms it joins, written into an Int32Array. Changing a template changes the hashes: retrain.
import type { Atoms } from './atoms.js';
import { f1, f2, f3, f4 } from './hash.js';
import type { State } from './state.js';

/** Room for every feature of one state (moves) or one arc (labels). */
export const MAX_FEATURES = 128;

/** Distance between two words, in buckets 1, 2, 3, 4, 5-6, 7-9, 10+. */
function distance(a: number, b: number): number {
  const d = b > a ? b - a : a - b;
  return d < 5 ? d : d < 7 ? 5 : d < 10 ? 6 : 7;
}
const cap = (k: number, max: number) => (k < max ? k : max);

/** The features of a state for choosing the next move; returns how many were written. */
export function moveFeatures(s: State, a: Atoms, out: Int32Array): number {
  const W = a.word;
  const P = a.tag;
  const WP = a.wordTag;
  const C = a.cluster;
  const K = a.coarse;
  const L = s.label;
  const none = s.none;
  const s0 = s.depth > 0 ? s.stack[s.depth - 1] : none;
  const s1 = s.depth > 1 ? s.stack[s.depth - 2] : none;
  // The buffer: words b..n, then the root (0).
  const b = s.b;
  const n0 = b <= s.n ? b : 0;
  const n1 = b + 1 <= s.n ? b + 1 : b + 1 === s.n + 1 ? 0 : none;
  const n2 = b + 2 <= s.n ? b + 2 : b + 2 === s.n + 1 ? 0 : none;
  const s0h = s.head[s0] >= 0 ? s.head[s0] : none;
  const s0h2 = s0h !== none && s.head[s0h] >= 0 ? s.head[s0h] : none;
  const s0l = s.left1[s0];
  const s0l2 = s.left2[s0];
  const s0r = s.right1[s0];
  const s0r2 = s.right2[s0];
  const n0l = s.left1[n0];
  const n0l2 = s.left2[n0];
  const d = s0 === none ? 8 : n0 === 0 ? 9 : distance(s0, n0);
  const s0vl = cap(s.leftCount[s0], 6);
  const s0vr = cap(s.rightCount[s0], 6);
  const n0vl = cap(s.leftCount[n0], 6);
  const s0w = W[s0], s0p = P[s0], s0wp = WP[s0];
  const n0w = W[n0], n0p = P[n0], n0wp = WP[n0];
  const n1w = W[n1], n1p = P[n1];
  const n2p = P[n2];
  const s0sr = s.rightSetLo[s0] ^ Math.imul(s.rightSetHi[s0], 0x3c6ef372);
  const s0sl = s.leftSetLo[s0] ^ Math.imul(s.leftSetHi[s0], 0x3c6ef372);
  const n0sl = s.leftSetLo[n0] ^ Math.imul(s.leftSetHi[n0], 0x3c6ef372);
  let k = 0;
  out[k++] = f1(0, 0);
  // One word.
  out[k++] = f1(2, s0w);
  out[k++] = f1(3, s0p);
  out[k++] = f1(4, n0wp);
  out[k++] = f1(5, n0w);
  out[k++] = f1(6, n0p);
  out[k++] = f1(7, WP[n1]);
  out[k++] = f1(8, n1w);
  out[k++] = f1(9, n1p);
  out[k++] = f1(12, n2p);
  // Two words.
  out[k++] = f2(16, s0wp, n0p);
  out[k++] = f2(17, s0p, n0wp);
  out[k++] = f2(18, s0w, n0w);
  out[k++] = f2(19, s0p, n0p);
  out[k++] = f2(20, n0p, n1p);
  // Three tags.
  out[k++] = f3(21, n0p, n1p, n2p);
  out[k++] = f3(22, s0p, n0p, n1p);
  out[k++] = f3(23, P[s0h], s0p, n0p);
  out[k++] = f3(24, s0p, P[s0l], n0p);
  out[k++] = f3(25, s0p, P[s0r], n0p);
  out[k++] = f3(26, s0p, n0p, P[n0l]);
  // Distance.
  out[k++] = f2(27, s0w, d);
  out[k++] = f2(28, s0p, d);
  out[k++] = f2(30, n0p, d);
  out[k++] = f3(32, s0p, n0p, d);
  // Valency.
  out[k++] = f2(33, s0w, s0vr);
  out[k++] = f2(35, s0w, s0vl);
  out[k++] = f2(36, s0p, s0vl);
  out[k++] = f2(37, n0w, n0vl);
  out[k++] = f2(38, n0p, n0vl);
  // Heads and children.
  out[k++] = f1(43, P[s0l]);
  out[k++] = f1(44, L[s0l]);
  out[k++] = f1(46, P[s0r]);
  out[k++] = f1(47, L[s0r]);
  out[k++] = f1(48, W[n0l]);
  out[k++] = f1(49, P[n0l]);
  out[k++] = f1(50, L[n0l]);
  // Further out.
  out[k++] = f1(51, W[s0h2]);
  out[k++] = f1(52, P[s0h2]);
  out[k++] = f1(54, W[s0l2]);
  out[k++] = f1(55, P[s0l2]);
  out[k++] = f1(56, L[s0l2]);
  out[k++] = f1(60, W[n0l2]);
  out[k++] = f1(61, P[n0l2]);
  out[k++] = f1(62, L[n0l2]);
  out[k++] = f3(63, s0p, P[s0l], P[s0l2]);
  out[k++] = f3(64, s0p, P[s0r], P[s0r2]);
  out[k++] = f3(65, s0p, P[s0h], P[s0h2]);
  out[k++] = f3(66, n0p, P[n0l], P[n0l2]);
  // Label sets.
  out[k++] = f2(67, s0w, s0sr);
  out[k++] = f2(69, s0w, s0sl);
  out[k++] = f2(70, s0p, s0sl);
  out[k++] = f2(71, n0w, n0sl);
  out[k++] = f2(72, n0p, n0sl);
  // Beyond Zhang and Nivre: the second stack word, the arc of s0, the root's state.
  out[k++] = f3(73, P[s1], s0p, n0p);
  out[k++] = f2(75, P[s1], L[s1]);
  out[k++] = f3(76, L[s0], s0p, n0p);
  out[k++] = f3(77, cap(s.depth, 4), s0p, n0p);
  out[k++] = f3(78, n0p, n1p, n1w);
  out[k++] = f3(79, s0p, n0p, n1w);
  // Word clusters, coarse and fine, where words are too rare to learn from.
  out[k++] = f1(80, C[s0]);
  out[k++] = f1(81, C[n0]);
  out[k++] = f1(82, C[n1]);
  out[k++] = f2(84, C[s0], n0p);
  out[k++] = f2(85, s0p, C[n0]);
  out[k++] = f3(86, K[s0], K[n0], K[n1]);
  out[k++] = f3(87, K[s0], n0p, K[n0]);
  out[k++] = f2(88, C[n0], n1p);
  // Suffix and shape.
  out[k++] = f2(90, a.suffix[n0], n0p);
  out[k++] = f3(92, a.shape[n0], n0p, a.shape[s0]);
  out[k++] = f3(93, a.shape[n1], n1p, n0p);
  // wink-nlp's own tags, beside the tagger's.
  const G = a.wink;
  out[k++] = f2(94, G[s0], G[n0]);
  out[k++] = f3(95, G[s0], G[n0], G[n1]);
  out[k++] = f2(96, n0w, G[n0]);
  return k;
}

/** The features for labelling the arc head → dep about to be made; `right` when the dependent follows its head. */
export function labelFeatures(s: State, a: Atoms, head: number, dep: number, right: boolean, out: Int32Array): number {
  const W = a.word;
  const P = a.tag;
  const WP = a.wordTag;
  const C = a.cluster;
  const L = s.label;
  const none = s.none;
  const dir = right ? 1000 : 2000;
  const hw = W[head], hp = P[head], hwp = WP[head];
  const dw = W[dep], dp = P[dep], dwp = WP[dep];
  const dl = s.left1[dep];
  const dl2 = s.left2[dep];
  const dr = s.right1[dep];
  const hl = s.left1[head];
  const hr = s.right1[head];
  const hh = s.head[head] >= 0 ? s.head[head] : none;
  const dist = distance(head, dep);
  const hsl = s.leftSetLo[head] ^ Math.imul(s.leftSetHi[head], 0x3c6ef372);
  const hsr = s.rightSetLo[head] ^ Math.imul(s.rightSetHi[head], 0x3c6ef372);
  const dsl = s.leftSetLo[dep] ^ Math.imul(s.leftSetHi[dep], 0x3c6ef372);
  const prev = dep > 1 ? dep - 1 : none;
  const next = dep < s.n ? dep + 1 : none;
  let k = 0;
  out[k++] = f1(dir, 0);
  out[k++] = f1(dir + 2, dw);
  out[k++] = f1(dir + 3, dp);
  out[k++] = f1(dir + 4, hwp);
  out[k++] = f1(dir + 5, hw);
  out[k++] = f1(dir + 6, hp);
  out[k++] = f2(dir + 7, hp, dp);
  out[k++] = f2(dir + 8, hw, dp);
  out[k++] = f3(dir + 11, hp, dp, dist);
  out[k++] = f2(dir + 12, a.suffix[dep], dp);
  out[k++] = f2(dir + 13, a.shape[dep], dp);
  out[k++] = f2(dir + 14, C[dep], hp);
  out[k++] = f2(dir + 15, C[head], dp);
  // The dependent's own children: a case marker ("by"), a determiner, a clause's subject.
  out[k++] = f2(dir + 17, W[dl], dp);
  out[k++] = f3(dir + 18, L[dl], dp, hp);
  out[k++] = f2(dir + 19, W[dl2], dp);
  out[k++] = f3(dir + 20, L[dr], dp, hp);
  out[k++] = f3(dir + 21, dsl, dp, hp);
  out[k++] = f3(dir + 22, W[dl], P[dl], hp);
  // What the head already has: a subject, a passive auxiliary, an object.
  out[k++] = f3(dir + 23, hsl, hp, dp);
  out[k++] = f3(dir + 24, hsr, hp, dp);
  out[k++] = f3(dir + 25, L[hl], P[hl], dp);
  out[k++] = f3(dir + 26, L[hr], P[hr], dp);
  out[k++] = f3(dir + 27, L[head], hp, dp);
  out[k++] = f3(dir + 28, P[hh], hp, dp);
  // Neighbours of the dependent.
  out[k++] = f3(dir + 31, P[next], dp, hp);
  out[k++] = f3(dir + 32, W[prev], dp, hp);
  out[k++] = f2(dir + 33, C[dep], dp);
  out[k++] = f3(dir + 34, dw, hp, dist);
  out[k++] = f2(dir + 35, a.wink[dep], a.wink[head]);
  return k;
}
