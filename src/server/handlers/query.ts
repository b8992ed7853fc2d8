// Query pieces several endpoints share: paging, keys typed loosely (TUR, nato), repeated parameters.
import { z } from 'zod';
import { parseHolderKey } from '../../institutions/index.js';

export const paging = (defaultLimit: number, maxLimit: number) => ({
  limit: z.coerce.number().int().min(1).max(maxLimit).default(defaultLimit).describe(`at most this many (1–${maxLimit})`),
  offset: z.coerce.number().int().min(0).default(0).describe('skip this many'),
});

/** A holder key as the CLI reads it: `TUR`, `country:tur`, `org:nato`, `person:slug`. */
export const holderKey = z.string().transform((v, ctx) => {
  try {
    return parseHolderKey(v);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});

/** A deciding body's key as stored on a proposal (`org:NATO`); `NATO` and `nato` are read too. */
export const bodyKey = z.string().min(1).transform((v) => (v.includes(':') ? `${v.slice(0, v.indexOf(':')).toLowerCase()}:${v.slice(v.indexOf(':') + 1).toUpperCase()}` : `org:${v.toUpperCase()}`));

/** A parameter that may be given several times (`?stance=a&stance=b`). */
export const repeated = z.union([z.string(), z.array(z.string())]).transform((v) => (Array.isArray(v) ? v : [v]));
