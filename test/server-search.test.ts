// GET /api/search in-process: the hits with their matches, the filters, the empty result, and bad parameters in the one error shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { searchView } from '../src/aggregate/search-view.js';
import { fixture, HOSTILE, type Fixture } from './server-fixture.js';

let fx: Fixture;
beforeAll(async () => { fx = await fixture(); });
afterAll(async () => { await fx.close(); });

const get = async (path: string) => {
  const res = await fx.app.request(path);
  return { status: res.status, body: await res.json() as any };
};
const slice = (h: { text: string; matches: Array<{ start: number; end: number }> }) => h.matches.map((m) => h.text.slice(m.start, m.end));

describe('GET /api/search', () => {
  it('answers what `standpoint search --json` prints: proposals, quotes and articles with the matched words', async () => {
    const { status, body } = await get('/api/search?q=monitoring%20mission');
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(await searchView(fx.store, 'monitoring mission', {}))));
    expect(body.proposals.length).toBeGreaterThan(0);
    expect(body.articles.map((a: any) => a.id).sort()).toEqual(['fx-baltic-1', 'fx-baltic-2', HOSTILE.id].sort());
    for (const a of body.articles) expect(slice(a.snippet).join(' ').toLowerCase()).toMatch(/monitoring mission/);
    expect(body.quotes.map((q: any) => q.text.text)).toContain('Latvia supports the monitoring mission');
    expect(body.quotes.map((q: any) => q.text.text)).not.toContain('We are against this mission,');
    expect(body.message).toMatch(/match “monitoring mission”\.$/);
  });

  it('filters by actor, body, stance, dates and source', async () => {
    const ids = async (params: string) => (await get(`/api/search?q=mission&${params}`)).body.articles.map((a: any) => a.id).sort();
    expect(await ids('actor=PRT')).toEqual(['fx-baltic-1', 'fx-baltic-2']);
    expect(await ids('actor=country:lva')).toEqual(['fx-baltic-1']);
    expect(await ids('since=2025-05-07&until=2025-05-09')).toEqual(['fx-baltic-2']);
    expect(await ids('source=invented%20wire')).toEqual(['fx-baltic-1']);
    expect(await ids('body=NATO')).toEqual(['fx-baltic-1', 'fx-baltic-2']);
    const opposed = (await get('/api/search?q=mission&stance=oppose&actor=PER')).body;
    expect(opposed.articles.map((a: any) => a.id)).toEqual([HOSTILE.id]);
    expect(opposed.filters).toEqual({ actor: 'country:PER', stance: 'oppose' });
  });

  it('an empty result is empty lists and a message, never "nothing stored"', async () => {
    const { status, body } = await get('/api/search?q=submarine&since=2025-01-01');
    expect(status).toBe(200);
    expect(body).toMatchObject({ proposals: [], quotes: [], articles: [], more: { proposals: false, quotes: false, articles: false } });
    expect(body.message).toBe('No proposal, quote or article matches “submarine” with since 2025-01-01 (searched 3 stored articles).');
  });

  it.each([
    ['no query', '/api/search', /q/],
    ['a blank query', '/api/search?q=%20%20', /give words/],
    ['only common words', '/api/search?q=the%20of', /no word to find/],
    ['a bad date', '/api/search?q=mission&since=2025-02-30', /YYYY-MM-DD \(since\)/],
    ['since after until', '/api/search?q=mission&since=2025-06-01&until=2025-05-01', /since is after until/],
    ['a bad stance', '/api/search?q=mission&stance=maybe', /stance/],
    ['a bad actor key', '/api/search?q=mission&actor=not%20a%20key', /bad holder key/],
    ['a limit too large', '/api/search?q=mission&limit=5000', /limit/],
    ['an unknown parameter', '/api/search?q=mission&colour=red', /colour/],
  ])('refuses %s with 400 in the one error shape', async (_name, path, message) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error.code).toBe('bad-request');
    expect(body.error.message).toMatch(message);
  });
});
