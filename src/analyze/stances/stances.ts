// Stage: the position of each holder on each proposal (support, oppose, undecided), with condition and evidence.
import type { Doc } from '../doc.js';
import type { Stage } from '../stage.js';

export const stances: Stage = {
  name: 'stances',
  reads: ['tokens', 'sentences', 'actors', 'quotes', 'proposals'],
  adds: ['stances'],
  run(_doc: Doc) {},
};
