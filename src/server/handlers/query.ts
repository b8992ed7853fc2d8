// Query pieces several endpoints share: paging, keys typed loosely (TUR, nato), repeated parameters.
import { z } from 'zod';
import { parseHolderKey } from '../../institutions/index.js';

/** A whole number written in decimal digits only (not `1e3`, `0x10`, ` 1` or empty), from `least` to `most`. */
export const wholeNumber = (least: number, most: number) =>
  z.string().regex(/^\d{1,16}$/, 'expected a whole number').transform(Number).pipe(z.number().min(least).max(most));

export const paging = (defaultLimit: number, maxLimit: number) => ({
  limit: wholeNumber(1, maxLimit).default(defaultLimit).describe(`at most this many (1–${maxLimit})`),
  offset: wholeNumber(0, Number.MAX_SAFE_INTEGER).default(0).describe('skip this many'),
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
