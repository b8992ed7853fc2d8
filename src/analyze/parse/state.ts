// The arc-eager transition system with the root at the end of the buffer (Ballesteros and Nivre 2013): a stack, a
// buffer, the arcs built so far, and the four moves with their preconditions.

export const SHIFT = 0;
export const REDUCE = 1;
export const LEFT = 2;
export const RIGHT = 3;
export const MOVES = 4;

/**
 * A parse in progress over words 1..n. The buffer is the words b..n and then the root (0), which takes its one child
 * last, when everything else is attached: the sentence's root is chosen once the whole sentence has been read.
 * Positions that hold nothing read as n+1 (the atoms' "no word"), so feature code needs no tests.
 */
export class State {
  n = 0;
  none = 1;
  stack = new Int32Array(64);
  depth = 0;
  /** Next word of the buffer; n+1 once only the root is left in it. */
  b = 1;
  /** Head of each word, -1 while it has none. */
  head = new Int32Array(64);
  /** Label of each word's arc (label id), `noLabel` while it has none. */
  label = new Int32Array(64);
  /** Leftmost and second leftmost, rightmost and second rightmost children (none: n+1). */
  left1 = new Int32Array(64);
  left2 = new Int32Array(64);
  right1 = new Int32Array(64);
  right2 = new Int32Array(64);
  /** Number of left and right children. */
  leftCount = new Int32Array(64);
  rightCount = new Int32Array(64);
  /** Labels of the left and right children, as bit sets (labels 0..31 low word, 32..63 high word). */
  leftSetLo = new Int32Array(64);
  leftSetHi = new Int32Array(64);
  rightSetLo = new Int32Array(64);
  rightSetHi = new Int32Array(64);
  inStack = new Uint8Array(64);
  /** The word the root took as its child, or -1 until the end. */
  rootChild = -1;
  noLabel = 0;

  /** Starts the parse of a sentence of n words; `noLabel` is the label id features read for "no arc". */
  init(n: number, noLabel: number): void {
    const size = n + 2;
    if (this.head.length < size) this.grow(size);
    this.n = n;
    this.none = n + 1;
    this.noLabel = noLabel;
    const none = n + 1;
    for (let i = 0; i < size; i++) {
      this.head[i] = -1;
      this.label[i] = noLabel;
      this.left1[i] = none;
      this.left2[i] = none;
      this.right1[i] = none;
      this.right2[i] = none;
      this.leftCount[i] = 0;
      this.rightCount[i] = 0;
      this.leftSetLo[i] = 0;
      this.leftSetHi[i] = 0;
      this.rightSetLo[i] = 0;
      this.rightSetHi[i] = 0;
      this.inStack[i] = 0;
    }
    this.depth = 0;
    this.b = 1;
    this.rootChild = -1;
  }

  /** Finished: only the root left in the buffer, and nothing on the stack. */
  get done(): boolean { return this.b > this.n && this.depth === 0; }
  /** Top of the stack (n+1 when it is empty). */
  get s0(): number { return this.depth > 0 ? this.stack[this.depth - 1] : this.none; }
  /** Front of the buffer: the next word, or the root (0). */
  get b0(): number { return this.b <= this.n ? this.b : 0; }

  /**
   * Whether each move may be made now (bit i for move i). With only the root left in the buffer, the root takes the
   * last word on the stack (LEFT); a word without a head above others cannot wait for one, and REDUCE then attaches it
   * to the word below it (the only move left, see `repairs`).
   */
  legal(): number {
    if (this.depth === 0) return this.b <= this.n ? 1 << SHIFT : 0;
    const s0 = this.stack[this.depth - 1];
    const headless = this.head[s0] < 0;
    if (this.b > this.n) {
      if (!headless) return 1 << REDUCE;
      return this.depth === 1 ? 1 << LEFT : 1 << REDUCE;
    }
    return (1 << SHIFT) | (1 << RIGHT) | (headless ? 1 << LEFT : 1 << REDUCE);
  }

  /** Whether REDUCE now attaches a word that has no head to the one below it. */
  get repairs(): boolean { return this.depth > 1 && this.head[this.stack[this.depth - 1]] < 0; }

  /** Makes a move; for an arc (and a repairing REDUCE), `label` is its label id. */
  apply(move: number, label: number): void {
    const s0 = this.stack[this.depth - 1];
    switch (move) {
      case SHIFT: this.push(this.b++); break;
      case REDUCE:
        if (this.head[s0] < 0) this.arc(this.stack[this.depth - 2], s0, label);
        this.pop();
        break;
      case LEFT: this.arc(this.b0, s0, label); this.pop(); break;
      case RIGHT: this.arc(s0, this.b, label); this.push(this.b++); break;
    }
  }

  /** Adds the arc head → dep. */
  arc(head: number, dep: number, label: number): void {
    this.head[dep] = head;
    this.label[dep] = label;
    if (head === 0) { this.rootChild = dep; return; }
    const bit = 1 << (label & 31);
    if (dep < head) {
      // Left children come nearest first: each new one is the leftmost.
      this.left2[head] = this.left1[head];
      this.left1[head] = dep;
      this.leftCount[head]++;
      if (label < 32) this.leftSetLo[head] |= bit;
      else this.leftSetHi[head] |= bit;
    } else {
      // Right children come nearest first as well, except those a final repair adds: keep the two rightmost.
      const r1 = this.right1[head];
      if (r1 === this.none || dep > r1) { this.right2[head] = r1; this.right1[head] = dep; }
      else if (this.right2[head] === this.none || dep > this.right2[head]) this.right2[head] = dep;
      this.rightCount[head]++;
      if (label < 32) this.rightSetLo[head] |= bit;
      else this.rightSetHi[head] |= bit;
    }
  }

  private push(i: number): void {
    this.stack[this.depth++] = i;
    this.inStack[i] = 1;
  }

  private pop(): void {
    this.inStack[this.stack[--this.depth]] = 0;
  }

  private grow(size: number): void {
    const cap = Math.max(size, this.head.length * 2);
    for (const key of ['stack', 'head', 'label', 'left1', 'left2', 'right1', 'right2', 'leftCount', 'rightCount', 'leftSetLo', 'leftSetHi', 'rightSetLo', 'rightSetHi'] as const) {
      this[key] = new Int32Array(cap);
    }
    this.inStack = new Uint8Array(cap);
  }
}
