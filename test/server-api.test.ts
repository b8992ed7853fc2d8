// The HTTP API in-process (app.request): lists and pages, filters, a proposal's page, actors, articles, quotes, outlook, export, writes.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { proposalSummaries } from '../src/aggregate/positions.js';
import { isPrivateAddress } from '../src/server/safe-fetch.js';
import { auth, fixture, HOSTILE, type Fixture } from './server-fixture.js';

let fx: Fixture;
const getJson = async (path: string) => {
  const res = await fx.app.request(path);
  return { status: res.status, body: await res.json() as any, res };
};

beforeAll(async () => { fx = await fixture(); });
afterAll(async () => { await fx.close(); });

describe('reading', () => {
  it('GET /api/proposals returns exactly what `standpoint proposals --json` prints', async () => {
    const { status, body } = await getJson('/api/proposals');
    expect(status).toBe(200);
    expect(body).toEqual(JSON.parse(JSON.stringify(await proposalSummaries(fx.store, { limit: 100, offset: 0 }))));
    expect(body.length).toBeGreaterThan(0);
    const baltic = body.find((p: any) => p.body === 'org:NATO');
    expect(baltic).toMatchObject({ proposer: 'country:NOR' });
    expect(baltic.stances.map((s: any) => s.holder)).toEqual(expect.arrayContaining(['country:PRT', 'country:LVA']));
  });

  it('filters by text, body and proposer, and pages', async () => {
    const all = (await getJson('/api/proposals')).body as any[];
    expect((await getJson('/api/proposals?q=baltic')).body.map((p: any) => p.id)).toEqual(all.filter((p) => /baltic/i.test(p.summary)).map((p) => p.id));
    const nato = (await getJson('/api/proposals?body=NATO')).body as any[];
    expect(nato.length).toBeGreaterThan(0);
    expect(nato.every((p) => p.body === 'org:NATO')).toBe(true);
    expect((await getJson('/api/proposals?proposer=CHL')).body.every((p: any) => p.proposer === 'country:CHL')).toBe(true);
    expect((await getJson('/api/proposals?limit=1')).body).toEqual(all.slice(0, 1));
    expect((await getJson('/api/proposals?limit=1&offset=1')).body).toEqual(all.slice(1, 2));
    const withOutlook = (await getJson('/api/proposals?extra=outlook&body=org:NATO')).body as any[];
    expect(withOutlook[0].outlook).toMatchObject({ body: 'NATO', status: 'blocked' });
  });

  it("GET /api/proposals/:id has the stances, history, quotes, outlook and articles", async () => {
    const [baltic] = (await getJson('/api/proposals?body=NATO')).body;
    const { status, body } = await getJson(`/api/proposals/${baltic.id}`);
    expect(status).toBe(200);
    expect(body.proposal.id).toBe(baltic.id);
    expect(body.stances.map((s: any) => [s.holder, s.stance])).toEqual(baltic.stances.map((s: any) => [s.holder, s.stance]));
    expect(body.history.length).toBeGreaterThanOrEqual(body.stances.length);
    expect(body.outlook.outlook).toMatchObject({ body: 'NATO', status: 'blocked' });
    expect(body.outlook.outlook.blockers).toContain('country:PRT');
    expect(body.articles.map((a: any) => a.id)).toEqual(expect.arrayContaining(['fx-baltic-1']));
    expect(body.names['country:PRT']).toBe('Portugal');
    // Every observation is listed (fewer than a page holds), counted, and on the chart.
    expect(body.historyTotal).toBe(body.history.length);
    const points = body.chart.flatMap((row: any) => row.points.map(([date, stance, n]: [string | null, string, number]) => ({ holder: row.holder, date, stance, n })));
    expect(points.reduce((n: number, p: any) => n + p.n, 0)).toBe(body.historyTotal);
    for (const p of points) expect(body.history.filter((o: any) => o.holder === p.holder && o.date === p.date && o.stance === p.stance)).toHaveLength(p.n);
  });

  it('GET /api/proposals/:id?history=N lists the newest N observations, counts them all, and charts them all', async () => {
    const [baltic] = (await getJson('/api/proposals?body=NATO')).body;
    const whole = (await getJson(`/api/proposals/${baltic.id}`)).body;
    const { status, body } = await getJson(`/api/proposals/${baltic.id}?history=1`);
    expect(status).toBe(200);
    const newest = [...whole.history].sort((a: any, b: any) => (b.date ?? '').localeCompare(a.date ?? '') || b.id - a.id)[0];
    expect(body.history).toEqual([newest]);
    expect(body.historyTotal).toBe(whole.historyTotal);
    expect(body.chart).toEqual(whole.chart);
    expect(body.articles.map((a: any) => a.id)).toEqual(expect.arrayContaining([newest.articleId]));
    expect((await getJson(`/api/proposals/${baltic.id}?history=0`)).body.history).toEqual([]);
    expect((await getJson(`/api/proposals/${baltic.id}?history=x`)).status).toBe(400);
  });

  it('GET /api/actors/:key, /api/articles, /api/articles/:id and /api/quotes', async () => {
    const actor = (await getJson('/api/actors/country:PRT')).body;
    expect(actor.actor).toMatchObject({ key: 'country:PRT', name: 'Portugal' });
    expect(actor.observations.every((o: any) => o.holder === 'country:PRT')).toBe(true);
    const articles = (await getJson('/api/articles')).body as any[];
    expect(articles.map((a) => a.id).sort()).toEqual(['fx-baltic-1', 'fx-baltic-2', 'fx-hostile']);
    const one = (await getJson('/api/articles/fx-baltic-1')).body;
    expect(one.record.article.text).toContain('Norway on Tuesday');
    expect(Object.values(one.proposals).length).toBeGreaterThan(0);
    const quotes = (await getJson('/api/quotes?q=against')).body as any[];
    expect(quotes.some((q) => q.text.includes('We are against this mission'))).toBe(true);
  });

  it('GET /api/outlook: a proposal, the proposal with a what-if, and a pure what-if', async () => {
    const [baltic] = (await getJson('/api/proposals?body=NATO')).body;
    const plain = (await getJson(`/api/outlook?proposal=${baltic.id}`)).body;
    expect(plain).toMatchObject({ body: 'NATO', status: 'blocked', proposal: { id: baltic.id } });
    const opposers = [...plain.oppose];
    const whatIf = (await getJson(`/api/outlook?proposal=${baltic.id}&${opposers.map((k: string) => `stance=${k}=support`).join('&')}`)).body;
    expect(whatIf.status).not.toBe('blocked');
    const pure = (await getJson('/api/outlook?body=NATO&at=2022-06-01&stance=TUR=oppose')).body;
    expect(pure).toMatchObject({ whatIf: true, status: 'blocked', blockers: ['country:TUR'] });
  });

  it('GET /api/export streams JSON Lines and CSV', async () => {
    const jsonl = await fx.app.request('/api/export?what=stances');
    expect(jsonl.headers.get('content-type')).toContain('application/x-ndjson');
    const lines = (await jsonl.text()).trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.length).toBeGreaterThan(0);
    const csv = await (await fx.app.request('/api/export?what=proposals&format=csv')).text();
    expect(csv.split('\n')[0]).toContain('id,summary,proposer');
  });
});

describe('writing', () => {
  it('needs the bearer token configured at start', async () => {
    const body = JSON.stringify({ stance: 'support' });
    const json = { 'content-type': 'application/json' };
    expect((await fx.app.request('/api/stances/1/corrections', { method: 'POST', headers: json, body })).status).toBe(401);
    expect((await fx.app.request('/api/stances/1/corrections', { method: 'POST', headers: { ...json, authorization: 'Bearer wrong' }, body })).status).toBe(401);
    const { createApp } = await import('../src/server/index.js');
    const readOnly = createApp({ store: fx.store });
    const res = await readOnly.request('/api/articles', { method: 'POST', headers: { authorization: 'Bearer ' }, body: 'x' });
    expect(res.status).toBe(401);
    expect((await res.json() as any).error.message).toMatch(/without --token/);
  });

  it('a correction changes the stance the API reports, and keeps the machine label', async () => {
    const [baltic] = (await getJson('/api/proposals?body=NATO')).body;
    const prt = baltic.stances.find((s: any) => s.holder === 'country:PRT');
    const res = await fx.app.request(`/api/stances/${prt.id}/corrections`, {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ stance: 'support', note: 'changed its mind', author: 'tester' }),
    });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ stanceId: prt.id, holder: 'country:PRT', stance: 'support', author: 'tester' });
    const page = (await getJson(`/api/proposals/${baltic.id}`)).body;
    expect(page.stances.find((s: any) => s.holder === 'country:PRT')).toMatchObject({ stance: 'support', machineStance: 'oppose', corrected: true });
    const missing = await fx.app.request('/api/stances/999999/corrections', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: '{"stance":"oppose"}' });
    expect(missing.status).toBe(404);
  });

  it('ingests plain text, and says "known" for the same content again', async () => {
    const text = ' date 2025-06-01 Austria on Monday proposed an international mission to the Danube delta. Hungary rejected the international mission.';
    const post = () => fx.app.request('/api/articles', { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: text });
    const first = await post();
    expect(first.status).toBe(201);
    const made = await first.json() as any;
    expect(made.articles[0]).toMatchObject({ status: 'new', date: '2025-06-01' });
    expect((await (await post()).json() as any).articles[0].status).toBe('known');
  });

  it('ingests application/x-ndjson of several lines, one article a line, and reports a bad line by number', async () => {
    const lines = [
      { id: 'nd-1', date: '2025-06-02', text: 'Finland on Monday proposed a joint Arctic patrol. Sweden supports the joint Arctic patrol.' },
      { id: 'nd-2', date: '2025-06-03', text: 'Estonia said it backs the joint Arctic patrol proposed by Finland.' },
    ].map((a) => JSON.stringify(a));
    const res = await fx.app.request('/api/articles', { method: 'POST', headers: { ...auth, 'content-type': 'application/x-ndjson' }, body: [lines[0], '["not an article"]', lines[1], ''].join('\n') });
    expect(res.status).toBe(201);
    const made = await res.json() as any;
    expect(made.articles.map((a: any) => a.id)).toEqual(['nd-1', 'nd-2']);
    expect(made.failed).toEqual([{ code: 'bad-article', message: expect.stringMatching(/^body:2: .*found an array/) }]);
    expect((await getJson('/api/articles/nd-2')).status).toBe(200);
  });

  it('refuses a JSON array, null or a string as the body, and stores nothing', async () => {
    const before = (await getJson('/api')).body.counts.articles;
    for (const body of ['[{"id": "arr-1", "text": "Finland proposed a joint Arctic patrol."}]', 'null', '"Finland proposed a joint Arctic patrol."']) {
      for (const type of ['application/json', 'text/plain']) {
        const res = await fx.app.request('/api/articles', { method: 'POST', headers: { ...auth, 'content-type': type }, body });
        expect(res.status, `${type} ${body}`).toBe(400);
        expect((await res.json() as any).error.code).toBe('bad-request');
      }
    }
    expect((await getJson('/api')).body.counts.articles).toBe(before);
  });

  it('stores markup and scripts as text: the API answers JSON with nosniff, never HTML', async () => {
    const res = await fx.app.request(`/api/articles/${HOSTILE.id}`);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    const body = await res.json() as any;
    expect(body.article.title).toBe(HOSTILE.title);
    expect(body.record.article.text).toBe(HOSTILE.text);
  });
});

describe('fetching a URL to ingest', () => {
  let server: http.Server;
  let url = '';
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      if (req.url === '/big') { res.writeHead(200, { 'content-type': 'text/plain' }); res.end('x'.repeat(300_000)); return; }
      if (req.url === '/slow') { res.writeHead(200, { 'content-type': 'text/plain' }); res.write('Finland '); return; } // never ends
      if (req.url === '/redirect') { res.writeHead(302, { location: 'file:///etc/passwd' }); res.end(); return; }
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><html><head><title>Invented report</title><meta property="article:published_time" content="2025-07-01"></head><body><article><p>'
        + 'Finland on Tuesday proposed a peacekeeping mission to the Arctic islands. Sweden supports the peacekeeping mission, its defence minister said.</p></article></body></html>');
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); }));

  const postUrl = (app: Fixture['app'], target: string) =>
    app.request('/api/articles', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ url: target }) });

  it('refuses loopback and private addresses, and schemes other than http(s)', async () => {
    for (const target of [`${url}/page`, 'http://localhost:9/x', 'http://10.1.2.3/x', 'http://[::1]/x', 'file:///etc/passwd', 'ftp://example.org/x']) {
      const res = await postUrl(fx.app, target);
      expect(res.status, target).toBe(422);
      expect((await res.json() as any).error.code).toBe('url-not-allowed');
    }
    expect(['127.0.0.1', '10.0.0.1', '192.168.1.1', '172.20.0.1', '169.254.169.254', '::1', 'fd00::1', '::ffff:127.0.0.1', '0.0.0.0'].every(isPrivateAddress)).toBe(true);
    expect(['93.184.216.34', '2606:4700::1111'].some(isPrivateAddress)).toBe(false);
  });

  it('fetches them with --allow-private-urls, within the size limit, re-checking redirects', async () => {
    const { createApp } = await import('../src/server/index.js');
    const open = createApp({ store: fx.store, token: 'test-token-3f9a', allowPrivateUrls: true, fetch: { maxBytes: 100_000, timeoutMs: 2000 } });
    const ok = await postUrl(open, `${url}/page`);
    expect(ok.status).toBe(201);
    const made = await ok.json() as any;
    expect(made.articles[0]).toMatchObject({ status: 'new', title: 'Invented report', date: '2025-07-01' });
    const stored = (await (await open.request(`/api/articles/${made.articles[0].id}`)).json() as any).article;
    expect(stored.url).toBe(`${url}/page`);
    const big = await postUrl(open, `${url}/big`);
    expect(big.status).toBe(502);
    expect((await big.json() as any).error.code).toBe('fetch-failed');
    expect((await postUrl(open, `${url}/redirect`)).status).toBe(422);
    const started = Date.now();
    const slow = await postUrl(open, `${url}/slow`);
    expect(slow.status).toBe(502);
    expect((await slow.json() as any).error.message).toMatch(/within 2000 ms/);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('headers of every response', () => {
  it('the page, its files, its own paths, missing files and API answers all carry the CSP and nosniff', async () => {
    const { CONTENT_SECURITY_POLICY } = await import('../src/server/static-files.js');
    const index = await fx.app.request('/');
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(await index.text())?.[1];
    expect(asset).toBeTruthy();
    const paths = ['/', '/index.html', asset!, '/proposals/P001', '/actors/country:NOR', '/missing.png', '/%E0%A4%A', '/api', '/api/nothing', '/api/proposals?limit=0'];
    for (const path of paths) {
      const res = await fx.app.request(path);
      expect(res.headers.get('content-security-policy'), path).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
    }
    const html = await fx.app.request('/index.html');
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const posted = await fx.app.request('/api/articles', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' });
    expect(posted.status).toBe(401);
    expect(posted.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });
});
