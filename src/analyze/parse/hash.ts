// Feature hashing: a template number and up to four 32-bit atoms mixed into one well-spread 32-bit hash.

function fin(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
const T = (t: number) => Math.imul(t + 1, 0x27d4eb2d);
export const f1 = (t: number, a: number): number => fin(T(t) ^ a);
export const f2 = (t: number, a: number, b: number): number => fin(Math.imul(T(t) ^ a, 0x165667b1) ^ b);
export const f3 = (t: number, a: number, b: number, c: number): number => fin(Math.imul(Math.imul(T(t) ^ a, 0x165667b1) ^ b, 0x9e3779b1) ^ c);
export const f4 = (t: number, a: number, b: number, c: number, d: number): number =>
  fin(Math.imul(Math.imul(Math.imul(T(t) ^ a, 0x165667b1) ^ b, 0x9e3779b1) ^ c, 0x27d4eb2f) ^ d);

/** An int → int table (open addressing) for word hashes: values are 1 or more, and 0 means "not in the table". */
export class IntTable {
  private readonly keys: Int32Array;
  private readonly values: Int32Array;
  private readonly shift: number;
  private readonly mask: number;
  readonly size: number;

  constructor(keys: ArrayLike<number>, values: ArrayLike<number>) {
    let bits = 4;
    while (1 << bits < keys.length * 2) bits++;
    this.shift = 32 - bits;
    this.mask = (1 << bits) - 1;
    this.keys = new Int32Array(1 << bits);
    this.values = new Int32Array(1 << bits);
    this.size = 0;
    for (let k = 0; k < keys.length; k++) {
      if (values[k] < 1) throw new Error('IntTable: values must be 1 or more');
      let i = Math.imul(keys[k], 0x9e3779b1) >>> this.shift;
      while (this.values[i] !== 0 && this.keys[i] !== keys[k]) i = (i + 1) & this.mask;
      if (this.values[i] !== 0) continue; // the first value given for a key stays
      this.keys[i] = keys[k];
      this.values[i] = values[k];
      this.size++;
    }
  }

  get(key: number): number {
    const { keys, values, mask } = this;
    let i = Math.imul(key, 0x9e3779b1) >>> this.shift;
    while (values[i] !== 0) {
      if (keys[i] === key) return values[i];
      i = (i + 1) & mask;
    }
    return 0;
  }

  /** The [key, value] pairs, by ascending key (as unsigned 32-bit numbers). */
  entries(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.keys.length; i++) if (this.values[i] !== 0) out.push([this.keys[i], this.values[i]]);
    return out.sort((a, b) => (a[0] >>> 0) - (b[0] >>> 0));
  }
}
