// A treebank read for the parser: each sentence's words, wink-nlp's tags and the treebank's own, gold heads and labels.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { readConllu } from '../../analyze/parse/conllu.js';
import { tagWords } from '../../analyze/tokenize/tokenize.js';

export interface TreebankSentence {
  forms: string[];
  /** wink-nlp's tags, the ones the parser meets at run time. */
  tags: string[];
  /** The treebank's tags (for the parse "with gold tags", for reference). */
  goldTags: string[];
  /** The treebank's Penn Treebank tags (the parser's own tagger learns them). */
  goldXpos: string[];
  /** Heads of words 1..n (index 0 unused; 0 = the root). */
  heads: Int32Array;
  /** Full relations ('nsubj:pass'), index 0 unused. */
  rels: string[];
}

export interface Treebank {
  file: string;
  sha256: string;
  sentences: TreebankSentence[];
}

/** Reads a CoNLL-U file and tags its words with wink-nlp. */
export function readTreebank(file: string): Treebank {
  const bytes = fs.readFileSync(file);
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const sentences = readConllu(bytes.toString('utf8')).map((s): TreebankSentence => {
    const forms = s.words.map((w) => w.form);
    return {
      forms,
      tags: tagWords(forms),
      goldTags: s.words.map((w) => w.upos),
      goldXpos: s.words.map((w) => w.xpos),
      heads: Int32Array.from([0, ...s.words.map((w) => w.head)]),
      rels: ['', ...s.words.map((w) => w.deprel)],
    };
  });
  return { file: path.basename(file), sha256, sentences };
}

/** Whether word d's arc from heads[d] is projective: every word between them descends from the head. */
function projective(heads: Int32Array, d: number): boolean {
  const h = heads[d];
  const [lo, hi] = h < d ? [h, d] : [d, h];
  for (let k = lo + 1; k < hi; k++) {
    let a = k;
    while (a !== 0 && a !== h) a = heads[a];
    if (a !== h) return false;
  }
  return true;
}

/**
 * The tree made projective by lifting (Nivre and Nilsson 2005): while some arc is not projective, the shortest such
 * arc's dependent takes its head's head. Labels stay.
 */
export function projectivize(heads: Int32Array): Int32Array {
  const out = Int32Array.from(heads);
  for (;;) {
    let pick = -1;
    let span = Infinity;
    for (let d = 1; d < out.length; d++) {
      const len = Math.abs(out[d] - d);
      if (len < span && !projective(out, d)) { pick = d; span = len; }
    }
    if (pick < 0) return out;
    out[pick] = out[out[pick]];
  }
}
