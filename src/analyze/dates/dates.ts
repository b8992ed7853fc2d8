// Stage: resolve when each stance was expressed ("on Wednesday") against the article's date.
import type { Doc } from '../doc.js';
import type { Stage } from '../stage.js';

export const dates: Stage = {
  name: 'dates',
  reads: ['sentences', 'stances'],
  adds: ['dates'],
  run(_doc: Doc) {},
};
