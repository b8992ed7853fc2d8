// GET /api/export: the store's rows of one kind as JSON Lines or CSV, streamed page by page.
import { z } from 'zod';
import { EXPORTS, exportRows, rowLines } from '../../aggregate/export-rows.js';
import type { RouteContext } from '../route.js';

export const ExportQuery = z.strictObject({
  what: z.enum(EXPORTS).describe(`what to export: ${EXPORTS.join(', ')}`),
  format: z.enum(['jsonl', 'csv']).default('jsonl').describe('jsonl (default) or csv'),
});

/** Characters sent at a time. */
const CHUNK = 1 << 16;

export async function getExport({ store, query }: RouteContext<z.infer<typeof ExportQuery>>) {
  const encoder = new TextEncoder();
  const lines = rowLines(exportRows(store, query.what), query.format);
  // Pulled as the client reads: a slow client holds up the reading of pages, not a whole table in memory.
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        let chunk = '';
        for (let next = await lines.next(); ; next = await lines.next()) {
          if (!next.done) chunk += next.value;
          if (next.done || chunk.length >= CHUNK) {
            if (chunk) controller.enqueue(encoder.encode(chunk));
            if (next.done) controller.close();
            return;
          }
        }
      } catch (err) {
        controller.error(err);
      }
    },
    async cancel() { await lines.return(undefined); },
  });
  const type = query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
  return new Response(body, { headers: { 'content-type': type, 'content-disposition': `attachment; filename="${query.what}.${query.format}"` } });
}
