// Parses the plain-text input format: an optional ` date YYYY-MM-DD ` header line, then the article body.
import { createHash } from 'node:crypto';
import type { Article } from '../analyze/record.js';

const HEADER = /^ ?date (\d{4}-\d{2}-\d{2}) /;

export function contentId(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** Reads one article in the line format; without a header the date is unknown. */
export function parseTextArticle(raw: string, file: string | null): Article {
  const m = HEADER.exec(raw);
  const text = m ? raw.slice(m[0].length) : raw;
  return { id: contentId(text), date: m ? m[1] : null, title: null, url: null, source: null, file, language: 'en', text };
}
