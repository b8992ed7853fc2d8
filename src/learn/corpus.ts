// Reads labelled sets (articles beside NAME.gold.json files) into documents analysed up to a stage, with their gold.
import fs from 'node:fs';
import path from 'node:path';
import { newDoc, type Doc } from '../analyze/doc.js';
import { EMPTY_KNOWLEDGE } from '../analyze/knowledge.js';
import { STAGES } from '../analyze/pipeline.js';
import type { Article } from '../analyze/record.js';
import { analysedText } from '../analyze/index.js';
import { readInputs } from '../ingest/read-inputs.js';

export interface GoldStance { holder: string; proposal: string; stance: string; optional?: boolean }
export interface GoldProposal { key: string; anchors: string[]; proposer?: string; optional?: boolean }
export interface Gold { proposals: GoldProposal[]; stances: GoldStance[] }

export interface LabelledArticle {
  /** The set's folder, as given. */
  set: string;
  /** The file name without .txt. */
  name: string;
  /** Leave-one-story-out folds split on this: the file name before its first '-'. */
  story: string;
  article: Article;
  gold: Gold;
}

export const storyOf = (name: string): string => name.split('-')[0];

/** Every article of the folders that has a gold file beside it, in file-name order. */
export async function readLabelled(dirs: readonly string[]): Promise<LabelledArticle[]> {
  const out: LabelledArticle[] = [];
  for (const dir of dirs) {
    for await (const input of readInputs([dir])) {
      if (input.kind !== 'article' || !input.article.file) continue;
      const name = path.basename(input.article.file).replace(/\.[^.]+$/, '');
      const goldFile = path.join(dir, `${name}.gold.json`);
      if (!fs.existsSync(goldFile)) continue;
      const gold = JSON.parse(fs.readFileSync(goldFile, 'utf8')) as Gold;
      if (!Array.isArray(gold.proposals) || !Array.isArray(gold.stances)) continue;
      out.push({ set: dir, name, story: `${path.basename(dir)}/${storyOf(name)}`, article: input.article, gold });
    }
  }
  return out.sort((a, b) => a.set.localeCompare(b.set) || a.name.localeCompare(b.name));
}

/** The article analysed by every stage before `stage` (as `analyze` would, with no knowledge of other articles). */
export function analysedUpTo(article: Article, stage: string): Doc {
  const doc = newDoc(article, analysedText(article), EMPTY_KNOWLEDGE);
  for (const s of STAGES) {
    if (s.name === stage) break;
    s.run(doc);
  }
  return doc;
}

/** Every occurrence of each gold proposal's anchors in the text. */
export function anchorSpans(text: string, gold: Gold): Map<string, { start: number; end: number }[]> {
  const spans = new Map<string, { start: number; end: number }[]>();
  for (const p of gold.proposals) {
    const list: { start: number; end: number }[] = [];
    for (const a of p.anchors) {
      if (!a) continue;
      for (let i = text.indexOf(a); i >= 0; i = text.indexOf(a, i + 1)) list.push({ start: i, end: i + a.length });
    }
    spans.set(p.key, list);
  }
  return spans;
}

/** The gold proposal a predicted one stands for, as the scorer decides: the anchor its mentions overlap most. */
export function goldKeyOf(mentions: readonly { start: number; end: number }[], spans: Map<string, { start: number; end: number }[]>): string | null {
  let best: string | null = null;
  let bestOverlap = 0;
  for (const [key, list] of spans) {
    for (const m of mentions) for (const s of list) {
      const ov = Math.min(m.end, s.end) - Math.max(m.start, s.start);
      if (ov > bestOverlap) { bestOverlap = ov; best = key; }
    }
  }
  return best;
}
