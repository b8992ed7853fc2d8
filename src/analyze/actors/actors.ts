// Stage: find countries, organisations, people and groups, and every mention of each (pronouns included).
import type { Doc } from '../doc.js';
import type { Stage } from '../stage.js';

export const actors: Stage = {
  name: 'actors',
  reads: ['tokens', 'sentences'],
  adds: ['actors'],
  run(_doc: Doc) {},
};
