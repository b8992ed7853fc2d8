// The Host check against DNS rebinding: only the names the server answers to, and writes only from pages of those names.
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllowedHosts, parseHost } from '../src/server/host-check.js';
import { startServer } from '../src/server/index.js';
import { auth, fixture, TOKEN, type Fixture } from './server-fixture.js';

/** A raw request with the Host (and Origin) given, to a listening server. */
function raw(url: string, path: string, headers: Record<string, string>, method = 'GET', body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${path}`, { method, headers, setHost: false }, (res) => {
      let text = '';
      res.on('data', (d) => { text += d; });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

let fx: Fixture;
beforeAll(async () => { fx = await fixture({}, []); });
afterAll(async () => { await fx.close(); });

describe('parseHost', () => {
  it('reads names, addresses and ports', () => {
    expect(parseHost('LocalHost:8080')).toEqual({ name: 'localhost', port: '8080' });
    expect(parseHost('[::1]:80')).toEqual({ name: '[::1]', port: '80' });
    expect(parseHost('example.org.')).toEqual({ name: 'example.org', port: null });
    for (const bad of ['', ':80', 'a b', 'user@host', 'host/path', '[::1', 'host:port']) expect(parseHost(bad), bad).toBeNull();
    expect(parseAllowedHosts(' a.example , b.example:8443,')).toEqual(['a.example', 'b.example:8443']);
    expect(() => parseAllowedHosts('a.example,not a host')).toThrow(/not a host name: "not a host"/);
  });
});

describe('in process', () => {
  it('answers localhost, 127.0.0.1 and [::1]; refuses any other Host with 421 in the one error shape', async () => {
    for (const host of ['localhost', '127.0.0.1:8080', '[::1]:3000', 'LOCALHOST']) expect((await fx.app.request('/api', { headers: { host } })).status, host).toBe(200);
    for (const host of ['evil.example', 'evil.example:8080', 'localhost.evil.example', '127.0.0.1.nip.io', '10.0.0.5', '']) {
      for (const path of ['/api', '/api/export?what=articles', '/']) {
        const res = await fx.app.request(path, { headers: { host } });
        expect(res.status, `${host} ${path}`).toBe(421);
        expect(await res.json()).toEqual({ error: { code: 'host-not-allowed', message: expect.stringContaining('--allowed-hosts') } });
      }
    }
  });

  it('adds the names of allowedHosts, with or without a port', async () => {
    const { createApp } = await import('../src/server/index.js');
    const app = createApp({ store: fx.store, allowedHosts: ['standpoint.example.org', 'other.example:8443'] });
    expect((await app.request('/api', { headers: { host: 'standpoint.example.org' } })).status).toBe(200);
    expect((await app.request('/api', { headers: { host: 'standpoint.example.org:443' } })).status).toBe(200);
    expect((await app.request('/api', { headers: { host: 'other.example:8443' } })).status).toBe(200);
    expect((await app.request('/api', { headers: { host: 'other.example:8444' } })).status).toBe(421);
  });

  it('refuses a write from a page of another origin with 403, and takes one from its own', async () => {
    const post = (origin?: string) => fx.app.request('/api/articles', {
      method: 'POST', headers: { ...auth, 'content-type': 'text/plain', ...(origin === undefined ? {} : { origin }) },
      body: 'Norway on Tuesday proposed a NATO monitoring mission in the Baltic Sea.',
    });
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example', 'file://']) {
      const res = await post(origin);
      expect(res.status, origin).toBe(403);
      expect(((await res.json()) as any).error.code).toBe('origin-not-allowed');
    }
    expect((await post('http://localhost')).status).toBe(201);
    expect((await post()).status).toBe(201); // curl sends no Origin
    // Reads from another origin are answered (the browser keeps them from the page: no CORS header).
    expect((await fx.app.request('/api', { headers: { origin: 'https://evil.example' } })).status).toBe(200);
  });
});

describe('listening', () => {
  it('answers the bound address and local names with its port; refuses other hosts and ports', async () => {
    const server = await startServer({ store: fx.store, token: TOKEN, host: '127.0.0.1', port: 0 });
    try {
      const port = new URL(server.url).port;
      for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) expect((await raw(server.url, '/api', { host })).status, host).toBe(200);
      for (const host of ['evil.example', `evil.example:${port}`, `localhost:${Number(port) + 1}`, '127.0.0.1']) {
        const res = await raw(server.url, '/api', { host });
        expect(res.status, host).toBe(421);
        expect(JSON.parse(res.body).error.code).toBe('host-not-allowed');
      }
      const write = await raw(server.url, '/api/stances/999999/corrections', { host: `127.0.0.1:${port}`, origin: 'http://evil.example', ...auth, 'content-type': 'application/json' }, 'POST', '{"stance":"oppose"}');
      expect(write.status).toBe(403);
      const own = await raw(server.url, '/api/stances/999999/corrections', { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}`, ...auth, 'content-type': 'application/json' }, 'POST', '{"stance":"oppose"}');
      expect(own.status).toBe(404); // past the checks: there is no such stance
    } finally {
      await server.close();
    }
  });

  it('answers the names of allowedHosts too', async () => {
    const server = await startServer({ store: fx.store, host: '127.0.0.1', port: 0, allowedHosts: ['standpoint.example.org'] });
    try {
      expect((await raw(server.url, '/api', { host: 'standpoint.example.org' })).status).toBe(200);
      expect((await raw(server.url, '/api', { host: 'evil.example' })).status).toBe(421);
    } finally {
      await server.close();
    }
  });
});
