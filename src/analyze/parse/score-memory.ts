// Scores remembered for runs of features that come back often (a word's own features, seen again with the word):
// a direct-mapped table from the run's feature hashes to the scores they add up to.
//
// A run is always the first features of a scoring, scored from zero: the scores remembered are then the very sums a
// scoring would reach after them (the same additions in the same order), so that going on from them changes nothing.

export class ScoreMemory {
  /** For each slot: whether it holds a run yet, the run's features, and their scores. */
  private readonly filled: Uint8Array;
  private readonly keys: Int32Array;
  private readonly scores: Float64Array;
  private readonly shift: number;
  /** The slot of the run last asked for. */
  private slot = 0;

  /** Runs of `width` features, scores of `classes` classes, 2^bits slots. */
  constructor(readonly width: number, readonly classes: number, bits = 12) {
    this.filled = new Uint8Array(2 ** bits);
    this.keys = new Int32Array(2 ** bits * width);
    this.scores = new Float64Array(2 ** bits * classes);
    this.shift = 32 - bits;
  }

  /** Sets `scores` to those remembered for feats[0..width) and says true; or says false, having found none. */
  recall(feats: Int32Array, scores: Float64Array): boolean {
    const { width, classes, keys } = this;
    let h = 0;
    for (let f = 0; f < width; f++) h = Math.imul(h ^ feats[f], 0x9e3779b1);
    const slot = (this.slot = h >>> this.shift);
    if (this.filled[slot] === 0) return false;
    for (let f = 0; f < width; f++) if (keys[slot * width + f] !== feats[f]) return false;
    for (let c = 0; c < classes; c++) scores[c] = this.scores[slot * classes + c];
    return true;
  }

  /** Remembers `scores` for feats[0..width), which `recall` was last asked for. */
  keep(feats: Int32Array, scores: Float64Array): void {
    const { width, classes, slot } = this;
    this.filled[slot] = 1;
    for (let f = 0; f < width; f++) this.keys[slot * width + f] = feats[f];
    for (let c = 0; c < classes; c++) this.scores[slot * classes + c] = scores[c];
  }
}
