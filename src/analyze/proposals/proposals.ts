// Stage: find what is put forward for agreement, its proposer, its deciding body and every mention of it.
import type { Doc } from '../doc.js';
import type { Stage } from '../stage.js';

export const proposals: Stage = {
  name: 'proposals',
  reads: ['tokens', 'sentences', 'actors', 'quotes'],
  adds: ['proposals'],
  run(_doc: Doc) {},
};
