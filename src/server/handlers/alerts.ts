// GET /api/alerts and GET /api/alerts.atom: what changed on followed proposals, as the feed watcher raised it (JSON, or an Atom feed to subscribe to).
import { generateAtomFeed } from 'feedsmith';
import { z } from 'zod';
import type { AlertRow } from '../../store/store.js';
import type { RouteContext } from '../route.js';
import { wholeNumber } from './query.js';

export const AlertQuery = z.strictObject({
  limit: wholeNumber(1, 1000).default(50).describe('at most this many, newest first (1–1000)'),
  proposal: z.string().min(1).optional().describe('only the alerts of this proposal (its id)'),
});

type Query = z.infer<typeof AlertQuery>;

/** A line saying what an alert is about: who, on what, from what to what. */
export function alertTitle(a: AlertRow): string {
  const d = a.detail as { proposal?: { summary?: string }; holderName?: string };
  const what = d.proposal?.summary ?? a.proposalId;
  const who = d.holderName ?? a.holder;
  if (a.kind === 'outlook-changed') return `Outlook of "${what}": ${a.oldValue} → ${a.newValue}`;
  if (a.kind === 'new-stance') return `${who}: ${a.newValue} on "${what}"`;
  return `${who} on "${what}": ${a.oldValue} → ${a.newValue}`;
}

export async function listAlerts({ store, query }: RouteContext<Query>) {
  return store.watch.alerts({ limit: query.limit, proposalId: query.proposal });
}

/** The alerts as an Atom feed: one entry per change, linking to the proposal's JSON and the article that brought it. */
export async function alertsAtom({ c, store, query }: RouteContext<Query>) {
  const alerts = await store.watch.alerts({ limit: query.limit, proposalId: query.proposal });
  const origin = new URL(c.req.url).origin;
  const self = `${origin}/api/alerts.atom${query.proposal ? `?proposal=${encodeURIComponent(query.proposal)}` : ''}`;
  const xml = generateAtomFeed({
    id: `${origin}/api/alerts.atom`,
    title: { value: 'Standpoint: what changed' },
    updated: new Date(alerts[0]?.createdAt ?? 0),
    links: [{ href: self, rel: 'self', type: 'application/atom+xml' }],
    authors: [{ name: 'Standpoint' }],
    entries: alerts.map((a) => {
      const d = a.detail as { article?: { url?: string | null }; evidence?: string; quote?: string | null };
      const links = [{ href: `${origin}/api/proposals/${encodeURIComponent(a.proposalId)}`, rel: 'alternate', type: 'application/json' }];
      if (d.article?.url) links.push({ href: d.article.url, rel: 'related', type: 'text/html' });
      return {
        id: `${origin}/api/alerts/${a.id}`,
        title: { value: alertTitle(a) },
        updated: new Date(a.createdAt),
        links,
        categories: [{ term: a.kind }],
        summary: { value: [alertTitle(a), d.quote ? `"${d.quote}"` : d.evidence].filter(Boolean).join(': ') },
      };
    }),
  });
  return c.body(xml, 200, { 'content-type': 'application/atom+xml; charset=utf-8' });
}
