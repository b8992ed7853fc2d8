// The store's rows of one kind (proposals, stances, observations, quotes, actors, articles), page by page, as JSON Lines or CSV.
import { positionsOf, summarize } from './positions.js';
import type { Store } from '../store/store.js';

export const EXPORTS = ['proposals', 'stances', 'observations', 'quotes', 'actors', 'articles'] as const;
export type ExportWhat = (typeof EXPORTS)[number];
const PAGE = 500;

/** Rows of one kind, page by page, so a large store is never held in memory at once. */
export async function* exportRows(store: Store, what: ExportWhat): AsyncGenerator<Record<string, unknown>> {
  if (what === 'actors') { for (const a of await store.actors()) yield { ...a }; return; }
  if (what === 'quotes') { for (const q of await store.quotes()) yield { ...q }; return; }
  if (what === 'articles') {
    for (let off = 0; ; off += PAGE) {
      const page = await store.articles({ limit: PAGE, offset: off });
      for (const a of page) yield { ...a };
      if (page.length < PAGE) return;
    }
  }
  for (let off = 0; ; off += PAGE) {
    const page = await store.proposals({ limit: PAGE, offset: off });
    const ids = page.map((p) => p.id);
    if (what === 'proposals') for (const p of await summarize(store, page)) yield { ...p, stances: p.stances.length };
    if (what === 'stances') for (const s of await positionsOf(store, ids)) { const { correction, ...rest } = s; yield { ...rest, note: correction?.note ?? null }; }
    if (what === 'observations') for (const o of await store.observations({ proposalIds: ids })) yield { ...o };
    if (page.length < PAGE) return;
  }
}

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** Writes rows as JSON Lines or CSV (header from the first row's fields). */
export async function writeRows(rows: AsyncIterable<Record<string, unknown>>, format: 'jsonl' | 'csv', write: (s: string) => void): Promise<number> {
  let n = 0;
  let header: string[] | null = null;
  for await (const row of rows) {
    if (format === 'jsonl') write(`${JSON.stringify(row)}\n`);
    else {
      if (!header) { header = Object.keys(row); write(`${header.join(',')}\n`); }
      write(`${header.map((h) => csvCell(row[h])).join(',')}\n`);
    }
    n++;
  }
  return n;
}
