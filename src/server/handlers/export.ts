// GET /api/export: the store's rows of one kind as JSON Lines or CSV, streamed page by page.
import { z } from 'zod';
import { EXPORTS, exportRows, writeRows } from '../../aggregate/export-rows.js';
import type { RouteContext } from '../route.js';

export const ExportQuery = z.strictObject({
  what: z.enum(EXPORTS).describe(`what to export: ${EXPORTS.join(', ')}`),
  format: z.enum(['jsonl', 'csv']).default('jsonl').describe('jsonl (default) or csv'),
});

export async function getExport({ store, query }: RouteContext<z.infer<typeof ExportQuery>>) {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        await writeRows(exportRows(store, query.what), query.format, (s) => controller.enqueue(encoder.encode(s)));
        controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
  });
  const type = query.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8';
  return new Response(body, { headers: { 'content-type': type, 'content-disposition': `attachment; filename="${query.what}.${query.format}"` } });
}
