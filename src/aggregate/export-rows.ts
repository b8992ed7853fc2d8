// The store's rows of one kind (proposals, stances, observations, quotes, actors, articles), page by page, as JSON Lines or CSV.
import { positionsOf, summarize } from './positions.js';
import type { Page, PageKind, PageRows, Store } from '../store/store.js';

export const EXPORTS = ['proposals', 'stances', 'observations', 'quotes', 'actors', 'articles'] as const;
export type ExportWhat = (typeof EXPORTS)[number];

/** Rows read per page. */
export const PAGE = 500;

/** Every row of a kind of the store, page after page (keyset paging: none read twice or missed while others write). */
async function* pages<K extends PageKind>(store: Store, kind: K, size: number): AsyncGenerator<Array<PageRows[K]>> {
  for (let after: string | null = null; ;) {
    const page: Page<PageRows[K]> = await store.page(kind, after, size);
    if (page.rows.length) yield page.rows;
    if (page.next === null) return;
    after = page.next;
  }
}

/**
 * Every row of one kind, page by page, so a large store is never held in memory at once. Stances are read by pages of
 * proposals (a proposal's positions together); `pageSize` is for tests.
 */
export async function* exportRows(store: Store, what: ExportWhat, options: { pageSize?: number } = {}): AsyncGenerator<Record<string, unknown>> {
  const size = options.pageSize ?? PAGE;
  if (what === 'proposals' || what === 'stances') {
    for await (const page of pages(store, 'proposals', size)) {
      if (what === 'proposals') for (const p of await summarize(store, page)) yield { ...p, stances: p.stances.length };
      else {
        for (const s of await positionsOf(store, page.map((p) => p.id))) { const { correction, ...rest } = s; yield { ...rest, note: correction?.note ?? null }; }
      }
    }
    return;
  }
  for await (const page of pages(store, what, size)) for (const row of page) yield { ...row };
}

/**
 * A CSV cell. A text a spreadsheet would read as a formula (starting with =, +, -, @, a tab or a carriage return) gets a
 * leading single quote and is quoted (OWASP's advice against CSV injection, CWE-1236); numbers are written as they are.
 */
export const csvCell = (v: unknown): string => {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (/^[=+\-@\t\r]/.test(s)) return `"'${s.replace(/"/g, '""')}"`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Rows as lines of JSON Lines or CSV (header from the first row's fields). */
export async function* rowLines(rows: AsyncIterable<Record<string, unknown>>, format: 'jsonl' | 'csv'): AsyncGenerator<string> {
  let header: string[] | null = null;
  for await (const row of rows) {
    if (format === 'jsonl') { yield `${JSON.stringify(row)}\n`; continue; }
    if (!header) { header = Object.keys(row); yield `${header.map(csvCell).join(',')}\n`; }
    yield `${header.map((h) => csvCell(row[h])).join(',')}\n`;
  }
}

/** Writes rows as JSON Lines or CSV; `write` may return a promise, awaited before the next line (backpressure). Returns the rows written. */
export async function writeRows(rows: AsyncIterable<Record<string, unknown>>, format: 'jsonl' | 'csv', write: (s: string) => unknown): Promise<number> {
  let n = 0;
  let header = format === 'csv';
  for await (const line of rowLines(rows, format)) {
    await write(line);
    if (header) header = false;
    else n++;
  }
  return n;
}
