// Stage: find direct, partial and indirect quotes and attribute each to its speaker.
import type { Doc } from '../doc.js';
import type { Stage } from '../stage.js';

export const quotes: Stage = {
  name: 'quotes',
  reads: ['tokens', 'sentences', 'actors'],
  adds: ['quotes', 'actors'],
  run(_doc: Doc) {},
};
