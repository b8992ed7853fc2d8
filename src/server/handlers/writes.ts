// POST /api/stances/:id/corrections: an analyst's stance for a holder on a proposal, kept beside the machine's.
import { z } from 'zod';
import { StoreError } from '../../store/store.js';
import { ApiError } from '../api-error.js';
import type { RouteContext } from '../route.js';

/** Text a store can hold: PostgreSQL refuses U+0000. */
const noNul = (s: string) => !s.includes('\0');

export const CorrectionBody = z.strictObject({
  stance: z.enum(['support', 'oppose', 'undecided']),
  note: z.string().max(2000).refine(noNul, 'a note cannot hold a NUL character').nullish(),
  author: z.string().min(1).max(200).refine(noNul, 'an author cannot hold a NUL character').optional(),
});

/** A stance id as the path gives it: a positive whole number that a double holds exactly (not past 2^53). */
export const StanceParams = z.object({
  id: z.string().regex(/^[1-9]\d{0,15}$/, 'a stance id is a positive whole number').refine((v) => Number.isSafeInteger(Number(v)), 'a stance id is at most 2^53 - 1'),
});

export async function postCorrection({ c, store, params }: RouteContext<unknown>) {
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
