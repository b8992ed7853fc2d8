// The parser's evaluation: where the treebank is, and UAS/LAS on dev and test with wink-nlp's tags and with the gold ones.
import fs from 'node:fs';
import path from 'node:path';
import type { Weights } from '../../analyze/parse/decode.js';
import { score, type Scores } from './score.js';
import type { Treebank } from './treebank.js';

export const SPLITS = ['train', 'dev', 'test'] as const;

/** The treebank's folder: `explicit`, or ../shared/data/ud-english-ewt from the working folder or a folder above it. */
export function findData(explicit: string | undefined): string {
  if (explicit) {
    if (!fs.existsSync(path.join(explicit, 'en_ewt-ud-train.conllu'))) throw new Error(`${explicit}: no en_ewt-ud-train.conllu there`);
    return explicit;
  }
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, '..', 'shared', 'data', 'ud-english-ewt');
    if (fs.existsSync(path.join(candidate, 'en_ewt-ud-train.conllu'))) return path.resolve(candidate);
    if (path.dirname(dir) === dir) break;
  }
  throw new Error('UD English EWT not found in ../shared/data/ud-english-ewt (give --data DIR)');
}

/** Scores by "split-tags": dev-wink, dev-gold, test-wink, test-gold. */
export type SplitScores = Record<string, Scores>;

export function scoreTable(weights: Weights, sets: Record<string, Treebank>): SplitScores {
  const out: SplitScores = {};
  for (const [name, set] of Object.entries(sets)) {
    out[`${name}-wink`] = score(weights, set.sentences);
    out[`${name}-gold`] = score(weights, set.sentences, { goldTags: true });
  }
  return out;
}

export function formatTable(s: SplitScores): string {
  const pct = (x: number) => (100 * x).toFixed(2).padStart(6);
  const lines = ['PARSER   input tags   words    UAS     LAS     LAS (full labels)'];
  for (const [key, v] of Object.entries(s)) {
    const [split, tags] = key.split('-');
    lines.push(`${split.padEnd(9)}${(tags === 'wink' ? 'wink-nlp' : 'gold').padEnd(13)}${String(v.words).padEnd(8)}${pct(v.uas)}  ${pct(v.las)}  ${pct(v.lasFull)}`);
  }
  lines.push('LAS compares the universal relation (before ":"), CoNLL 2018 style; every word counts, punctuation included.');
  return lines.join('\n');
}
