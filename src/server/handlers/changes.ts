// GET /api/changes (what changed since a time) and GET /api/changes.atom (the same as an Atom feed, for a feed reader).
import { z } from 'zod';
import { changesSince, type Changes } from '../../aggregate/changes.js';
import type { RouteContext } from '../route.js';

export const ChangesQuery = z.strictObject({
  since: z.string().describe('YYYY-MM-DD (midnight UTC) or an ISO time: when the store learned it, not the report date'),
});

export const FeedQuery = z.strictObject({
  since: z.string().optional().describe('YYYY-MM-DD or an ISO time (default: seven days ago)'),
});

export async function getChanges({ store, query }: RouteContext<z.infer<typeof ChangesQuery>>) {
  return changesSince(store, query.since);
}

const xml = (s: string) => s.replace(/[<>&'"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch]!)
  // Characters XML 1.0 cannot carry at all.
  .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');

/** The changes as an Atom 1.0 document: one entry per new proposal, changed stance and edit, newest first. */
export function changesAtom(c: Changes, base: string): string {
  const entries: Array<{ id: string; title: string; updated: string; link: string; summary: string }> = [
    ...c.newProposals.map((p) => ({ id: `proposal/${p.id}`, title: `New proposal: ${p.summary}`, updated: p.at, link: `/proposals/${p.id}`,
      summary: `${p.summary}${p.proposer ? `, proposed by ${p.proposer}` : ''}${p.body ? `, decided by ${p.body}` : ''}` })),
    ...c.stances.map((s) => ({ id: `stance/${s.proposalId}/${s.holder}/${s.at}`, title: `${s.name}: ${s.before ?? 'no stance'} → ${s.after ?? 'no stance'} on ${s.proposal}`,
      updated: s.at, link: `/proposals/${s.proposalId}`, summary: `by ${s.articles.map((a) => `${a.source ? `${a.source}: ` : ''}${a.title ?? a.id}`).join('; ')}` })),
    ...c.edits.map((e) => ({ id: `edit/${e.edit.id}`, title: e.text, updated: e.edit.createdAt, link: '/changes', summary: `${e.text}${e.edit.note ? ` (${e.edit.note})` : ''}` })),
  ].sort((a, b) => b.updated.localeCompare(a.updated));
  const updated = entries[0]?.updated ?? c.since;
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Standpoint: what changed</title>
  <id>${xml(`${base}/api/changes.atom`)}</id>
  <link rel="self" href="${xml(`${base}/api/changes.atom`)}"/>
  <link href="${xml(`${base}/changes`)}"/>
  <updated>${xml(updated)}</updated>
  <author><name>standpoint</name></author>
${entries.map((e) => `  <entry>
    <id>${xml(`${base}/changes/${e.id}`)}</id>
    <title>${xml(e.title)}</title>
    <updated>${xml(e.updated)}</updated>
    <link href="${xml(base + e.link)}"/>
    <summary>${xml(e.summary)}</summary>
  </entry>`).join('\n')}
</feed>
`;
}

export async function getChangesAtom({ c, store, query }: RouteContext<z.infer<typeof FeedQuery>>) {
  const since = query.since ?? new Date(Date.now() - 7 * 86_400_000).toISOString();
  const origin = new URL(c.req.url).origin;
  return new Response(changesAtom(await changesSince(store, since), origin), { headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'no-store' } });
}
