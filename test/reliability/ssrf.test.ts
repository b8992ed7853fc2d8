// The SSRF guard against every form of a loopback or private address a URL can carry: refused directly, through
// POST /api/articles {url} and after a redirect, with a local server that must never be reached.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/index.js';
import { isPrivateAddress, safeFetch } from '../../src/server/safe-fetch.js';
import { auth, fixture, TOKEN, type Fixture } from '../server-fixture.js';

/** URL hosts that name a loopback, private or otherwise non-public address, in every spelling. */
const REFUSED = [
  // IPv4, and the forms inet_aton and the URL parser read as IPv4
  '127.0.0.1', '127.255.255.254', '2130706433', '0x7f000001', '0x7f.1', '0x7f.0.0.1', '0177.0.0.1', '017700000001', '127.1', '127.0.1',
  '0', '0.0.0.0', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '192.0.0.8', '192.0.2.1',
  '198.18.0.1', '198.51.100.7', '203.0.113.9', '224.0.0.1', '239.255.255.250', '240.0.0.1', '255.255.255.255',
  // IPv6
  '[::]', '[::1]', '[0:0:0:0:0:0:0:1]', '[fe80::1]', '[fc00::1]', '[fd12:3456::1]', '[ff02::1]', '[fec0::1]', '[2001:db8::1]', '[100::1]',
  // IPv6 carrying a private IPv4 address
  '[::ffff:7f00:1]', '[::ffff:127.0.0.1]', '[::ffff:a00:1]', '[::ffff:169.254.169.254]', '[::127.0.0.1]', '[::7f00:1]', '[::a00:1]',
  '[::ffff:0:7f00:1]', '[::ffff:0:127.0.0.1]', '[64:ff9b::7f00:1]', '[64:ff9b::127.0.0.1]', '[64:ff9b::a9fe:a9fe]', '[64:ff9b:1::7f00:1]',
  '[64:ff9b:1:ffff::1]', '[2002:7f00:1::]', '[2002:a00:1::1]', '[2002:c0a8:101::]', '[2001::1]', '[2001:0:4136:e378:8000:63bf:3fff:fdd2]',
];

/** Public addresses, some carried by the same IPv6 forms: these stay fetchable. */
const ALLOWED = ['8.8.8.8', '93.184.216.34', '1.1.1.1', '[2606:4700::1111]', '[2001:4860:4860::8888]', '[::ffff:8.8.8.8]', '[64:ff9b::808:808]', '[2002:808:808::1]'];

/** The host the URL parser makes of a form (IPv6 without its brackets, as a socket sees it). */
const hostOf = (form: string) => new URL(`http://${form}/`).hostname.replace(/^\[|\]$/g, '');

describe('the SSRF guard', () => {
  it(`has a table of ${REFUSED.length + ALLOWED.length} address forms`, () => {
    expect(REFUSED.length + ALLOWED.length).toBeGreaterThanOrEqual(40);
  });

  it.each(REFUSED)('refuses %s', (form) => {
    expect(isPrivateAddress(hostOf(form))).toBe(true);
    expect(isPrivateAddress(form.replace(/^\[|\]$/g, ''))).toBe(true); // as written, before the URL parser normalises it
  });

  it.each(ALLOWED)('allows %s', (form) => {
    expect(isPrivateAddress(hostOf(form))).toBe(false);
  });

  it('refuses text that is no address', () => {
    for (const text of ['', 'localhost', 'example.org', '1.2.3.4.5', '::ffff:999.0.0.1', 'fe80::1::2']) expect(isPrivateAddress(text), text).toBe(true);
  });
});

describe('fetching a URL that names such an address', () => {
  let server: http.Server;
  let port = 0;
  const hits: string[] = [];
  let fx: Fixture;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
      if (to) { res.writeHead(302, { location: to }); res.end(); return; }
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('Finland on Tuesday proposed a peacekeeping mission to the Arctic islands.');
    });
    // On every local address, IPv4 and IPv6 (dual stack) where the machine has it: a form the guard let through would land here.
    await new Promise<void>((done) => {
      server.once('error', () => server.listen(0, '127.0.0.1', done)); // no IPv6 here
      server.listen({ port: 0, host: '::', ipv6Only: false }, done);
    });
    port = (server.address() as AddressInfo).port;
    fx = await fixture({}, []);
  });
  afterAll(async () => {
    await fx.close();
    await new Promise<void>((done) => { server.closeAllConnections(); server.close(() => done()); });
  });

  const withPort = (form: string) => `http://${form}:${port}/target`;

  it('POST /api/articles {url} refuses every form with 422 and never reaches the server', async () => {
    for (const form of [...REFUSED, 'localhost']) {
      const res = await fx.app.request('/api/articles', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ url: withPort(form) }) });
      expect(res.status, form).toBe(422);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('url-not-allowed');
    }
    expect(hits).toEqual([]);
  });

  it('refuses a redirect to every form, and never reaches its target', async () => {
    // The first hop is let through (the server's own 127.0.0.1, as if it were public); every redirect target is checked again.
    const isBlocked = (address: string) => address !== '127.0.0.1' && isPrivateAddress(address);
    const targets = REFUSED.filter((form) => hostOf(form) !== '127.0.0.1');
    for (const form of targets) {
      const start = `http://127.0.0.1:${port}/redirect?to=${encodeURIComponent(withPort(form))}`;
      await expect(safeFetch(start, { isBlocked, timeoutMs: 2000 }), form).rejects.toMatchObject({ code: 'url-not-allowed' });
    }
    expect(hits.filter((h) => h.startsWith('/target'))).toEqual([]);
    expect(hits.filter((h) => h.startsWith('/redirect'))).toHaveLength(targets.length);
    // And the same through the API, with the server allowing only the first hop.
    const app = createApp({ store: fx.store, token: TOKEN, fetch: { isBlocked, timeoutMs: 2000 } });
    const res = await app.request('/api/articles', {
      method: 'POST', headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({ url: `http://127.0.0.1:${port}/redirect?to=${encodeURIComponent(withPort('[::ffff:7f00:2]'))}` }),
    });
    expect(res.status).toBe(422);
    expect(hits.filter((h) => h.startsWith('/target'))).toEqual([]);
  });

  it('with the guard narrowed to let the first hop through, a page there is fetched (the test can reach the server)', async () => {
    const isBlocked = (address: string) => address !== '127.0.0.1' && isPrivateAddress(address);
    const page = await safeFetch(`http://127.0.0.1:${port}/target`, { isBlocked, timeoutMs: 2000 });
    expect(page.body.toString()).toContain('Finland');
    hits.length = 0;
  });
});
