// What an analyser stage is: a named function from the document to one or more new layers.
import type { Doc } from './doc.js';

export type Layer = 'tokens' | 'sentences' | 'parse' | 'actors' | 'quotes' | 'proposals' | 'stances' | 'dates';

export interface Stage {
  name: string;
  /** Layers the stage needs; a pipeline whose earlier stages do not add them fails to build. */
  reads: Layer[];
  /** Layers the stage adds or extends. */
  adds: Layer[];
  run(doc: Doc): void;
}

/** Checks that every stage's needs are met by the stages before it; throws naming the first unmet need. */
export function checkPipeline(stages: readonly Stage[]): void {
  const have = new Set<Layer>();
  for (const stage of stages) {
    for (const need of stage.reads) {
      if (!have.has(need)) throw new Error(`analyser stage "${stage.name}" reads "${need}", which no earlier stage adds`);
    }
    for (const layer of stage.adds) have.add(layer);
  }
}
