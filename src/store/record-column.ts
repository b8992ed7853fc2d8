// The `record` column of an article: its analysis record without the article's text, which the row keeps once in `text`.
import type { AnalysisRecord } from '../analyze/record.js';

/** The record as stored: the article's text left out (the `text` column holds it). */
export const recordColumn = (record: AnalysisRecord): string => JSON.stringify({ ...record, article: { ...record.article, text: undefined } });

/**
 * The whole record from its column and the row's text. Rows written before the text was kept once hold it in the
 * record as well: that text is kept as it is. Throws when the column does not parse.
 */
export function wholeRecord(column: string, text: string): AnalysisRecord {
  const r = JSON.parse(column) as AnalysisRecord;
  if (r === null || typeof r !== 'object' || typeof r.article !== 'object' || r.article === null) throw new SyntaxError('not an analysis record');
  return typeof r.article.text === 'string' ? r : { ...r, article: { ...r.article, text } };
}
