// The arc-eager dynamic oracle (Goldberg and Nivre 2012): how many gold arcs each move would make unreachable.
import { LEFT, REDUCE, RIGHT, SHIFT, type State } from '../../analyze/parse/state.js';

/** A sentence's gold tree for the oracle: heads (projective) and each word's gold children. */
export interface GoldTree {
  heads: Int32Array;
  /** children[i]: the gold dependents of word i (0 for the root). */
  children: Int32Array[];
}

export function goldTree(heads: Int32Array): GoldTree {
  const lists: number[][] = Array.from({ length: heads.length }, () => []);
  for (let i = 1; i < heads.length; i++) lists[heads[i]].push(i);
  return { heads, children: lists.map((l) => Int32Array.from(l)) };
}

/**
 * Writes the cost of each move into costs[0..3] (Infinity for a move not allowed by `mask`). The root (0) is at the
 * end of the buffer, so it is always still reachable as a head.
 */
export function moveCosts(s: State, gold: GoldTree, mask: number, costs: Float64Array): void {
  costs.fill(Infinity);
  const heads = gold.heads;
  const b = s.b;
  const inBuffer = (k: number) => k === 0 || k >= b;
  const onStack = (k: number) => k !== 0 && s.inStack[k] === 1;
  const s0 = s.depth > 0 ? s.stack[s.depth - 1] : -1;
  const b0 = s.b0;
  // Gold dependents of s0 still in the buffer: lost by LEFT and REDUCE.
  let s0ChildrenInBuffer = 0;
  if (s0 >= 0) for (const k of gold.children[s0]) if (k >= b) s0ChildrenInBuffer++;
  // Gold dependents of b0 still headless on the stack: lost by SHIFT and RIGHT.
  let b0ChildrenOnStack = 0;
  if (b0 !== 0) for (const k of gold.children[b0]) if (k < b && s.inStack[k] === 1 && s.head[k] < 0) b0ChildrenOnStack++;
  if (mask & (1 << SHIFT)) costs[SHIFT] = (onStack(heads[b0]) ? 1 : 0) + b0ChildrenOnStack;
  if (mask & (1 << REDUCE)) costs[REDUCE] = s0ChildrenInBuffer;
  if (mask & (1 << LEFT)) costs[LEFT] = (heads[s0] !== b0 && inBuffer(heads[s0]) ? 1 : 0) + s0ChildrenInBuffer;
  if (mask & (1 << RIGHT)) {
    const h = heads[b0];
    costs[RIGHT] = (h !== s0 && (inBuffer(h) || onStack(h)) ? 1 : 0) + b0ChildrenOnStack;
  }
}
