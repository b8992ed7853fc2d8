// Stage: the dependency parse of each sentence (greedy arc-eager, averaged perceptron; see README.md here): every
// token's head and Universal Dependencies relation.
import fs from 'node:fs';
import { isSpaceToken, type Doc, type Token } from '../doc.js';
import type { Stage } from '../stage.js';
import { GreedyParser } from './decode.js';
import { ModelWeights } from './model.js';
import { forgetChildren } from './tree.js';

let loaded: GreedyParser | null = null;

/** The parser with the shipped weights (parser.bin beside this module), loaded on first use. */
export function parser(): GreedyParser {
  loaded ??= new GreedyParser(new ModelWeights(fs.readFileSync(new URL('./parser.bin', import.meta.url))));
  return loaded;
}

/** Parses `tokens` (the words of one sentence, no white space) and sets each one's head (a token's `i`; -1 for the root) and relation. */
export function parseTokens(tokens: readonly Token[]): void {
  if (tokens.length === 0) return;
  const p = parser();
  const { heads, labels } = p.parse(tokens.map((t) => t.text), tokens.map((t) => t.pos));
  const names = p.weights.labels;
  for (let j = 0; j < tokens.length; j++) {
    const h = heads[j + 1];
    tokens[j].head = h === 0 ? -1 : tokens[h - 1].i;
    tokens[j].rel = names[labels[j + 1]];
  }
}

export const parse: Stage = {
  name: 'parse',
  reads: ['tokens', 'sentences'],
  adds: ['parse'],
  run(doc: Doc) {
    const words: Token[] = [];
    for (const s of doc.sentences) {
      words.length = 0;
      for (let k = s.first; k <= s.last; k++) if (!isSpaceToken(doc.tokens[k])) words.push(doc.tokens[k]);
      parseTokens(words);
    }
    forgetChildren(doc.tokens);
  },
};
