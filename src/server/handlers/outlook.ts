// GET /api/outlook: a proposal's outlook, or a what-if from a body, a date and stances, as `standpoint outlook --json` prints it.
import { z } from 'zod';
import { BODY_NAMES, isIsoDate, outlook, OutlookError, parseBodyName, parseStanceAssignment, type BodyName } from '../../institutions/index.js';
import { proposalOutlook } from '../../institutions/proposal-outlook.js';
import { ApiError } from '../api-error.js';
import type { RouteContext } from '../route.js';
import { repeated } from './query.js';

const checked = <T>(parse: (v: string) => T) => z.string().transform((v, ctx) => {
  try {
    return parse(v);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});

export const OutlookQuery = z.strictObject({
  proposal: z.string().optional().describe('a proposal id; leave out for a what-if with body and stance'),
  body: checked(parseBodyName).optional().describe(`the deciding body and rule instead of the proposal's own: ${Object.keys(BODY_NAMES).join(', ')}`),
  at: z.string().refine(isIsoDate, 'expected a date YYYY-MM-DD').optional().describe("the date whose membership counts (default: the proposal's last report, or today)"),
  stance: repeated.optional().describe('KEY=STANCE, e.g. country:TUR=support (support, oppose, undecided, abstain); repeatable'),
});

const today = () => new Date().toISOString().slice(0, 10);

export async function getOutlook({ store, query }: RouteContext<z.infer<typeof OutlookQuery>>) {
  if (!query.proposal && !query.body) throw new ApiError('bad-request', 'give a proposal, or a body (and stances) for a what-if');
  try {
    const overrides = Object.fromEntries((query.stance ?? []).map(parseStanceAssignment));
    if (!query.proposal) return { ...outlook({ body: query.body as BodyName, date: query.at ?? today(), overrides }), whatIf: true };
    const found = await proposalOutlook(store, query.proposal, { body: query.body, at: query.at, overrides });
    if (!found) throw new ApiError('not-found', `no proposal with id ${query.proposal}`);
    const conds = Object.keys(found.conditions).length ? { conditions: found.conditions } : {};
    return { ...found.outlook, ...conds, decided: found.decided ?? null, proposal: { id: found.proposal.id, summary: found.proposal.summary, body: found.proposal.body } };
  } catch (err) {
    if (err instanceof OutlookError) throw new ApiError(err.code === 'no-body' ? 'no-body' : 'bad-request', err.code === 'no-body' ? `${err.message}: give one with body=` : err.message);
    throw err;
  }
}
