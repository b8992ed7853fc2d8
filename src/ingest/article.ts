// Builds the Article every input format ends in: id, date checked, file named, language detected.
import { createHash } from 'node:crypto';
import type { Article } from '../analyze/record.js';
import { normalizeDate } from './dates.js';
import { IngestError, type Where } from './ingest-error.js';
import { detectLanguage } from './language.js';

/** What an input format found; everything but the text is optional. */
export interface ArticleFields {
  text: string;
  id?: string | null;
  date?: string | null;
  title?: string | null;
  url?: string | null;
  source?: string | null;
  /** A language the input declares (ISO 639-1); detected from the text when absent. */
  language?: string | null;
}

/** An article read from an input, with what was wrong but did not stop it being analysed. */
export interface ReadArticle {
  article: Article;
  problems: IngestError[];
}

/** A stable id for a text: the first 16 hex digits of its SHA-256. */
export function contentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/**
 * The C0 control characters an article may not hold: all but tab, line feed, form feed and carriage return
 * (form feed is a page break, white space to the analyser). PostgreSQL cannot store NUL at all; removing them
 * when reading makes every driver store the same text.
 */
const CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f]/g;

/** The fields with their control characters removed, and how many there were. */
function withoutControls(fields: ArticleFields): { fields: ArticleFields; removed: number } {
  let removed = 0;
  const clean = <T extends string | null | undefined>(s: T): T =>
    (typeof s === 'string' ? s.replace(CONTROLS, () => { removed++; return ''; }) as T : s);
  const { text, id, date, title, url, source, language } = fields;
  return {
    fields: { text: clean(text), id: clean(id), date: clean(date), title: clean(title), url: clean(url), source: clean(source), language: clean(language) },
    removed,
  };
}

const blankToNull = (s: string | null | undefined): string | null => (s && s.trim() ? s.trim() : null);

/**
 * Checks and completes what a format read, without control characters (a `control-characters` problem says how
 * many were removed). Throws IngestError `empty` when there is no text;
 * a date that is not a real date becomes null with a `bad-date` problem.
 */
export function buildArticle(given: ArticleFields, where: Where, options: { looseDate?: boolean } = {}): ReadArticle {
  const { fields, removed } = withoutControls(given);
  if (!fields.text.trim()) throw new IngestError('empty', 'empty article: no text', where);
  const problems: IngestError[] = [];
  if (removed > 0) {
    problems.push(new IngestError('control-characters', `${removed} control character${removed === 1 ? '' : 's'} (NUL and others that are not text) removed`, where));
  }
  let date: string | null = null;
  const rawDate = blankToNull(fields.date);
  // A month or a year ("2022-05", "2022") is a real but partial date: the record's day-precision date stays unknown, without an error.
  if (rawDate !== null && !/^\d{4}(-\d{2})?$/.test(rawDate)) {
    date = normalizeDate(rawDate, { loose: options.looseDate });
    if (date === null) {
      problems.push(new IngestError('bad-date', `unknown date "${rawDate}" (expected a real date as YYYY-MM-DD); analysed with the date unknown`, where));
    }
  }
  const declared = blankToNull(fields.language)?.toLowerCase() ?? null;
  const article: Article = {
    id: blankToNull(fields.id) ?? contentId(fields.text),
    date,
    title: blankToNull(fields.title),
    url: blankToNull(fields.url),
    source: blankToNull(fields.source),
    file: where.line === undefined ? where.file : `${where.file}:${where.line}`,
    language: declared ?? detectLanguage(fields.text),
    text: fields.text,
  };
  return { article, problems };
}
