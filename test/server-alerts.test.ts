// GET /api/alerts and GET /api/alerts.atom: the changes the feed watcher raised, as JSON and as an Atom feed a reader takes.
import { parseAtomFeed } from 'feedsmith';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, type Fixture } from './server-fixture.js';

describe('alerts over HTTP', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await fixture({}, []);
    await fx.store.watch.raiseAlerts({
      alerts: [
        { kind: 'new-stance', proposalId: 'P1', holder: 'country:PRT', oldValue: null, newValue: 'oppose', articleId: 'a1',
          detail: { proposal: { id: 'P1', summary: 'monitoring mission in the Baltic' }, holderName: 'Portugal', quote: 'We are against this mission', article: { id: 'a1', url: 'https://news.example/a1' } } },
        { kind: 'outlook-changed', proposalId: 'P1', holder: null, oldValue: 'open', newValue: 'blocked', articleId: null,
          detail: { proposal: { id: 'P1', summary: 'monitoring mission in the Baltic' }, outlook: { status: 'blocked' } } },
        { kind: 'stance-changed', proposalId: 'P2', holder: 'country:NOR', oldValue: 'oppose', newValue: 'support', articleId: 'a2',
          detail: { proposal: { id: 'P2', summary: 'fisheries treaty' }, holderName: 'Norway' } },
      ],
      targets: [], known: [], itemUrls: [],
    });
  });
  afterAll(() => fx.close());

  it('lists alerts newest first, by proposal too', async () => {
    const all = await (await fx.app.request('/api/alerts')).json();
    expect(all.map((a: { kind: string }) => a.kind)).toEqual(['stance-changed', 'outlook-changed', 'new-stance']);
    const one = await (await fx.app.request('/api/alerts?proposal=P1&limit=1')).json();
    expect(one).toEqual([expect.objectContaining({ kind: 'outlook-changed', proposalId: 'P1', holder: null, oldValue: 'open', newValue: 'blocked' })]);
    const bad = await fx.app.request('/api/alerts?limit=0');
    expect(bad.status).toBe(400);
  });

  it('serves them as an Atom feed: one entry per change, saying what changed, linking to the proposal and the article', async () => {
    const res = await fx.app.request('http://127.0.0.1/api/alerts.atom');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/atom\+xml/);
    const feed = parseAtomFeed(await res.text());
    expect(feed.title?.value).toBe('Standpoint: what changed');
    expect(feed.entries?.map((e) => e.title?.value)).toEqual([
      'Norway on "fisheries treaty": oppose → support',
      'Outlook of "monitoring mission in the Baltic": open → blocked',
      'Portugal: oppose on "monitoring mission in the Baltic"',
    ]);
    const portugal = feed.entries![2];
    expect(portugal.summary?.value).toContain('"We are against this mission"');
    expect(portugal.links?.map((l) => l.href)).toEqual(['http://127.0.0.1/api/proposals/P1', 'https://news.example/a1']);
    expect(new Set(feed.entries!.map((e) => e.id)).size).toBe(3);
  });
});
