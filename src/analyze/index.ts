// The analyser: one article (and a read-only knowledge snapshot) in, one analysis record out. Pure, no I/O.
import { newDoc } from './doc.js';
import { EMPTY_KNOWLEDGE, type Knowledge } from './knowledge.js';
import { STAGES } from './pipeline.js';
import type { AnalysisRecord, Article } from './record.js';
import { MAX_ANALYSED_CHARS } from './limits.js';
import { toRecord } from './to-record.js';

export { MAX_ANALYSED_CHARS } from './limits.js';

export interface AnalysisResult {
  record: AnalysisRecord;
  /** Things the reader should know: text cut at the cap, a language we have no rules for, a stage that failed. */
  warnings: string[];
}

/** The text the analyser reads: the article's, cut at the last paragraph or sentence end before the cap. */
export function analysedText(article: Article): string {
  if (article.text.length <= MAX_ANALYSED_CHARS) return article.text;
  const head = article.text.slice(0, MAX_ANALYSED_CHARS);
  const cut = Math.max(head.lastIndexOf('\n'), head.lastIndexOf('. ') + 1);
  return head.slice(0, cut > MAX_ANALYSED_CHARS / 2 ? cut : MAX_ANALYSED_CHARS);
}

export function analyze(article: Article, knowledge: Knowledge = EMPTY_KNOWLEDGE): AnalysisResult {
  const warnings: string[] = [];
  const text = analysedText(article);
  if (text.length < article.text.length) {
    warnings.push(`article is ${article.text.length} characters long; only the first ${text.length} were analysed (cap ${MAX_ANALYSED_CHARS})`);
  }
  const doc = newDoc(article, text, knowledge);
  if (article.language !== 'en') {
    warnings.push(`article is in language "${article.language}", not English: no rules applied, layers left empty`);
    return { record: toRecord(doc), warnings };
  }
  for (const stage of STAGES) {
    try {
      stage.run(doc);
    } catch (err) {
      warnings.push(`analyser stage "${stage.name}" failed: ${(err as Error).message}`);
    }
  }
  warnings.push(...doc.warnings);
  return { record: toRecord(doc), warnings };
}

export type { AnalysisRecord, Article } from './record.js';
export type { Knowledge } from './knowledge.js';
