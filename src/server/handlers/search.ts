// GET /api/search: full-text search over proposals, quotes and articles with filters, as `standpoint search --json` prints it.
import { z } from 'zod';
import { searchView } from '../../aggregate/search-view.js';
import { isIsoDate, OUTLOOK_STANCES } from '../../institutions/index.js';
import type { RouteContext } from '../route.js';
import { bodyKey, holderKey, wholeNumber } from './query.js';

const date = (what: string) => z.string().refine(isIsoDate, `expected a date YYYY-MM-DD (${what})`);

export const SearchQuery = z.strictObject({
  q: z.string().trim().min(1, 'give words to search for (q)').describe('words (all must match, plural or singular), "a phrase", a OR b, -word to leave out'),
  actor: holderKey.optional().describe('only what concerns this holder or speaker (country:NLD or NLD, org:EU, person:slug)'),
  body: bodyKey.optional().describe('only proposals decided by this body (org:NATO or NATO), and quotes and articles mentioning one'),
  stance: z.string().trim().toLowerCase().pipe(z.enum(OUTLOOK_STANCES as [string, ...string[]])).optional()
    .describe(`only proposals where a holder (the actor) stands so now, corrections applied, and quotes and articles reporting it: ${OUTLOOK_STANCES.join(', ')}`),
  since: date('since').optional().describe('only what is dated on or after this day'),
  until: date('until').optional().describe('only what is dated on or before this day'),
  source: z.string().trim().min(1).optional().describe("only articles from this source (outlet), and what they report; case does not matter"),
  limit: wholeNumber(1, 1000).default(20).describe('at most this many hits of each kind (1–1000)'),
}).refine((v) => !(v.since && v.until && v.since > v.until), { message: 'since is after until', path: ['since'] });

export async function getSearch({ store, query }: RouteContext<z.infer<typeof SearchQuery>>) {
  const { q, limit, ...filters } = query;
  const given = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
  return searchView(store, q, given, limit);
}
