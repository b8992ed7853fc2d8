// The parser's weights file (parser.bin): its layout, and the run-time tables read from it, found by feature hash.
//
// Layout, little-endian: "SPP1", u32 header length, header JSON (labels, tag classes, hash bits, counts), then
// sections, each a u32 byte length and its bytes:
//   moves   rows as delta varints (ascending), then int8 × 4 per row (SHIFT, REDUCE, LEFT, RIGHT);
//   labels  rows as delta varints, u8 entry count per row, then (u8 class, int8 weight) per entry;
//   tags    the same as labels, for the tagger;
//   clusters   u32 count, int32 word hashes (wordHash of the lower-cased word), u16 cluster per word;
//   dictionary u32 count, int32 form hashes (formHash), u8 tag class + 1 per word.
// Weights are int8, companded (one curve per table, in the header): small weights keep their precision.
//
// At run time every table is indexed directly by a feature's hash bits, with no search and no branch: the parse's time
// goes to memory reads of these tables, and a read whose address is known at once can start with the others.
import { IntTable } from './hash.js';
import type { Weights } from './decode.js';

export const MAGIC = 'SPP1';

export interface ModelHeader {
  format: 1;
  labels: string[];
  /** Label ids allowed before (left) and after (right) the head. */
  leftLabels: number[];
  rightLabels: number[];
  tagClasses: string[];
  moveBits: number;
  labelBits: number;
  tagBits: number;
  /** Per table: |weight| = max · (|q| / 127)^(1/power) for the stored int8 q. */
  scales: { moves: Quantiser; labels: Quantiser; tags: Quantiser };
}

export interface Quantiser { max: number; power: number }

/**
 * The weight of each int8 value q, at index q + 128, in units of max / 127²: on the square-root curve a weight is
 * max · (q / 127)², so in these units it is the whole number ±q², and a sum of them is exact. Scores are only ever
 * compared with others of the same table, which a common unit leaves in the same order.
 */
function levels(z: Quantiser): Float64Array {
  if (z.power !== 0.5) throw new Error(`parser weights on a curve of power ${z.power} are not known`);
  const out = new Float64Array(256);
  for (let q = -127; q <= 127; q++) out[q + 128] = Math.sign(q) * q * q;
  return out;
}

/** Reads the ascending keys written as delta varints. */
function readKeys(bytes: Uint8Array, at: number, count: number): { keys: Int32Array; end: number } {
  const keys = new Int32Array(count);
  let key = 0;
  for (let r = 0; r < count; r++) {
    let delta = 0;
    let shift = 0;
    let b: number;
    do { b = bytes[at++]; delta += (b & 0x7f) * 2 ** shift; shift += 7; } while (b & 0x80);
    key += delta;
    keys[r] = key;
  }
  return { keys, end: at };
}

/**
 * A sparse table: for each row, a run of entries, each class × 256 + (int8 weight + 128) in one Uint16, found through
 * a dense index of 2^bits rows (first entry × 256 + entry count; 0 for a row without entries).
 */
class SparseTable {
  readonly index: Int32Array;
  readonly entries: Uint16Array;
  readonly shift: number;
  readonly levels: Float64Array;
  /** Each feature's index value, and a sum of first entries read only to have them fetched: see `score`. */
  private readonly found = new Int32Array(256);
  private fetched = 0;

  constructor(section: Uint8Array, bits: number, z: Quantiser) {
    this.levels = levels(z);
    const view = new DataView(section.buffer, section.byteOffset, section.byteLength);
    const count = view.getUint32(0, true);
    const entries = view.getUint32(4, true);
    const { keys, end } = readKeys(section, 8, count);
    const counts = section.subarray(end, end + count);
    const at = end + count;
    this.entries = new Uint16Array(entries);
    for (let e = 0; e < entries; e++) this.entries[e] = section[at + e] * 256 + ((section[at + entries + e] + 128) & 255);
    this.index = new Int32Array(2 ** bits);
    let start = 0;
    for (let r = 0; r < count; r++) { this.index[keys[r]] = start * 256 + counts[r]; start += counts[r]; }
    this.shift = 32 - bits;
  }

  score(feats: Int32Array, count: number, scores: Float64Array): void {
    const { index, entries, shift, levels: level, found } = this;
    // Three passes: the index reads, then a read of each row's first entries, then the sums. The first two have no
    // branch that waits on a read, so the processor has all of a pass's reads from memory under way at once; summing
    // row by row at once would wait for each row's index, then for its entries, one row after another.
    for (let f = 0; f < count; f++) found[f] = index[feats[f] >>> shift];
    let fetched = 0;
    for (let f = 0; f < count; f++) fetched += entries[found[f] >>> 8];
    this.fetched = fetched;
    for (let f = 0; f < count; f++) {
      const v = found[f];
      const start = v >>> 8;
      const end = start + (v & 255);
      for (let e = start; e < end; e++) {
        const x = entries[e];
        scores[x >>> 8] += level[x & 255];
      }
    }
  }
}

/** The weights of parser.bin, ready to score. */
export class ModelWeights implements Weights {
  readonly header: ModelHeader;
  readonly labels: readonly string[];
  readonly leftLabels: Uint8Array;
  readonly rightLabels: Uint8Array;
  readonly rootLabel: number;
  readonly clusters: IntTable;
  readonly dictionary: IntTable;
  readonly tagCount: number;
  /** Four int8 weights (SHIFT, REDUCE, LEFT, RIGHT, low byte first) for each of the 2^moveBits rows. */
  private readonly moves: Int32Array;
  private readonly moveShift: number;
  private readonly moveLevels: Float64Array;
  private readonly labelTable: SparseTable;
  private readonly tagTable: SparseTable;

  constructor(file: Uint8Array) {
    // A plain Uint8Array over the same memory: a Node Buffer's slice() would not copy.
    const bytes = new Uint8Array(file.buffer, file.byteOffset, file.byteLength);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC) throw new Error('not a parser weights file (no SPP1 mark)');
    const headerLength = view.getUint32(4, true);
    let at = 8 + headerLength;
    const header = JSON.parse(new TextDecoder().decode(bytes.subarray(8, at))) as ModelHeader;
    if (header.format !== 1) throw new Error(`parser weights format ${header.format} is not known`);
    this.header = header;
    const section = (): Uint8Array => {
      const length = view.getUint32(at, true);
      const s = bytes.subarray(at + 4, at + 4 + length);
      at += 4 + length;
      return s;
    };
    const moves = section();
    const labels = section();
    const tags = section();
    const clusters = section();
    const dictionary = section();
    this.labels = header.labels;
    this.rootLabel = header.labels.indexOf('root');
    this.leftLabels = mask(header.labels.length, header.leftLabels);
    this.rightLabels = mask(header.labels.length, header.rightLabels);
    this.tagCount = header.tagClasses.length;
    // Moves: four int8 weights packed in the slot's value.
    const count = new DataView(moves.buffer, moves.byteOffset, moves.byteLength).getUint32(0, true);
    const { keys, end } = readKeys(moves, 4, count);
    // A copy, so that the packed weights are aligned for an Int32Array (little-endian, as every platform Node runs on).
    const packed = new Int32Array(moves.slice(end, end + count * 4).buffer);
    this.moves = new Int32Array(2 ** header.moveBits);
    for (let r = 0; r < count; r++) this.moves[keys[r]] = packed[r];
    this.moveShift = 32 - header.moveBits;
    this.moveLevels = levels(header.scales.moves);
    this.labelTable = new SparseTable(labels, header.labelBits, header.scales.labels);
    this.tagTable = new SparseTable(tags, header.tagBits, header.scales.tags);
    this.clusters = intTable(clusters, 2);
    this.dictionary = intTable(dictionary, 1);
  }

  scoreMoves(feats: Int32Array, count: number, scores: Float64Array): void {
    const rows = this.moves;
    const shift = this.moveShift;
    const level = this.moveLevels;
    let a = 0;
    let b = 0;
    let c = 0;
    let d = 0;
    for (let f = 0; f < count; f++) {
      const v = rows[feats[f] >>> shift];
      a += level[((v << 24) >> 24) + 128];
      b += level[((v << 16) >> 24) + 128];
      c += level[((v << 8) >> 24) + 128];
      d += level[(v >> 24) + 128];
    }
    scores[0] += a;
    scores[1] += b;
    scores[2] += c;
    scores[3] += d;
  }

  scoreLabels(feats: Int32Array, count: number, scores: Float64Array): void { this.labelTable.score(feats, count, scores); }
  scoreTags(feats: Int32Array, count: number, scores: Float64Array): void { this.tagTable.score(feats, count, scores); }
}

/** An IntTable from its section: u32 count, int32 keys, then values of `width` bytes (unsigned). */
function intTable(section: Uint8Array, width: 1 | 2): IntTable {
  const count = new DataView(section.buffer, section.byteOffset, section.byteLength).getUint32(0, true);
  const keys = new Int32Array(section.slice(4, 4 + count * 4).buffer);
  const raw = section.slice(4 + count * 4, 4 + count * 4 + count * width).buffer;
  return new IntTable(keys, width === 2 ? new Uint16Array(raw) : new Uint8Array(raw));
}

function mask(size: number, ids: readonly number[]): Uint8Array {
  const m = new Uint8Array(size);
  for (const id of ids) m[id] = 1;
  return m;
}
