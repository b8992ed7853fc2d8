// POST /api/stances/:id/corrections: an analyst's stance for a holder on a proposal, kept beside the machine's.
import { z } from 'zod';
import { StoreError } from '../../store/store.js';
import { ApiError } from '../api-error.js';
import type { RouteContext } from '../route.js';

export const CorrectionBody = z.strictObject({
  stance: z.enum(['support', 'oppose', 'undecided']),
  note: z.string().max(2000).nullish(),
  author: z.string().min(1).max(200).optional(),
});

export async function postCorrection({ c, store, params }: RouteContext<unknown>) {
  if (!/^\d+$/.test(params.id)) throw new ApiError('bad-request', `a stance id is a whole number, not "${params.id}"`);
  let value: unknown;
  try {
    value = await c.req.json();
  } catch {
    throw new ApiError('bad-request', 'the body must be JSON: {"stance": "support" | "oppose" | "undecided", "note"?, "author"?}');
  }
  const body = CorrectionBody.safeParse(value);
  if (!body.success) throw new ApiError('bad-request', z.prettifyError(body.error));
  try {
    const correction = await store.addCorrection({ stanceId: Number(params.id), stance: body.data.stance, note: body.data.note ?? null, author: body.data.author ?? 'api' });
    return c.json(correction, 201);
  } catch (err) {
    if (err instanceof StoreError && err.code === 'not-found') throw new ApiError('not-found', err.message);
    throw err;
  }
}
