// One error shape everywhere (after Datasette's test_error_shape): every failing request answers {error: {code, message}} and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../src/server/api-error.js';
import { createApp } from '../src/server/index.js';
import { auth, fixture, type Fixture } from './server-fixture.js';

let fx: Fixture;
beforeAll(async () => { fx = await fixture({}, []); });
afterAll(async () => { await fx.close(); });

const json = { 'content-type': 'application/json' };
const CASES: Array<[string, string, RequestInit | undefined, number, string]> = [
  ['no such route', '/api/nothing', undefined, 404, 'not-found'],
  ['wrong method', '/api/proposals', { method: 'DELETE' }, 404, 'not-found'],
  ['bad paging', '/api/proposals?limit=0', undefined, 400, 'bad-request'],
  ['unknown parameter', '/api/proposals?colour=red', undefined, 400, 'bad-request'],
  ['bad proposer key', '/api/proposals?proposer=not%20a%20key', undefined, 400, 'bad-request'],
  ['missing proposal', '/api/proposals/P000', undefined, 404, 'not-found'],
  ['missing actor', '/api/actors/country:XXX', undefined, 404, 'not-found'],
  ['missing article', '/api/articles/none', undefined, 404, 'not-found'],
  ['bad article paging', '/api/articles?offset=-1', undefined, 400, 'bad-request'],
  ['quotes limit too large', '/api/quotes?limit=100000', undefined, 400, 'bad-request'],
  ['outlook without proposal or body', '/api/outlook', undefined, 400, 'bad-request'],
  ['outlook with a bad body', '/api/outlook?body=WTO', undefined, 400, 'bad-request'],
  ['outlook with a bad date', '/api/outlook?body=NATO&at=2022-02-30', undefined, 400, 'bad-request'],
  ['outlook with a bad stance', '/api/outlook?body=NATO&stance=TUR=maybe', undefined, 400, 'bad-request'],
  ['outlook before membership is known', '/api/outlook?body=UNGA&at=2000-01-01', undefined, 400, 'bad-request'],
  ['outlook of a missing proposal', '/api/outlook?proposal=P000', undefined, 404, 'not-found'],
  ['export of nothing', '/api/export?what=nothing', undefined, 400, 'bad-request'],
  ['export in a bad format', '/api/export?what=actors&format=xml', undefined, 400, 'bad-request'],
  ['ingest without a token', '/api/articles', { method: 'POST', body: 'text' }, 401, 'unauthorized'],
  ['ingest with a wrong token', '/api/articles', { method: 'POST', headers: { authorization: 'Bearer nope' }, body: 'text' }, 401, 'unauthorized'],
  ['ingest of an empty body', '/api/articles', { method: 'POST', headers: { ...auth, 'content-type': 'text/plain' }, body: '' }, 400, 'bad-request'],
  ['ingest of broken JSON', '/api/articles', { method: 'POST', headers: { ...auth, ...json }, body: '{"text": ' }, 400, 'bad-request'],
  ['ingest of JSON that is no article', '/api/articles', { method: 'POST', headers: { ...auth, ...json }, body: '{"title": "no text"}' }, 400, 'bad-request'],
  ['ingest of an image', '/api/articles', { method: 'POST', headers: { ...auth, 'content-type': 'image/png' }, body: 'x' }, 415, 'unsupported-media-type'],
  ['ingest of a URL on loopback', '/api/articles', { method: 'POST', headers: { ...auth, ...json }, body: '{"url": "http://127.0.0.1:1/"}' }, 422, 'url-not-allowed'],
  ['ingest of a bad URL', '/api/articles', { method: 'POST', headers: { ...auth, ...json }, body: '{"url": "not a url"}' }, 400, 'bad-request'],
  ['correction without a token', '/api/stances/1/corrections', { method: 'POST', headers: json, body: '{"stance":"oppose"}' }, 401, 'unauthorized'],
  ['correction of a bad id', '/api/stances/abc/corrections', { method: 'POST', headers: { ...auth, ...json }, body: '{"stance":"oppose"}' }, 400, 'bad-request'],
  ['correction with a bad stance', '/api/stances/1/corrections', { method: 'POST', headers: { ...auth, ...json }, body: '{"stance":"maybe"}' }, 400, 'bad-request'],
  ['correction with extra fields', '/api/stances/1/corrections', { method: 'POST', headers: { ...auth, ...json }, body: '{"stance":"oppose","x":1}' }, 400, 'bad-request'],
  ['correction that is not JSON', '/api/stances/1/corrections', { method: 'POST', headers: { ...auth, ...json }, body: 'oppose' }, 400, 'bad-request'],
  ['correction to an unknown stance label', '/api/stances/1/corrections', { method: 'POST', headers: { ...auth, ...json }, body: '{"stance":"abstained"}' }, 400, 'bad-request'],
  ['delete of a missing stance', '/api/stances/424242/delete', { method: 'POST', headers: { ...auth, ...json }, body: '{}' }, 404, 'not-found'],
  ['delete without a token', '/api/stances/1/delete', { method: 'POST', headers: json, body: '{}' }, 401, 'unauthorized'],
  ['delete of a bad id', '/api/stances/1x/delete', { method: 'POST', headers: { ...auth, ...json }, body: '{}' }, 400, 'bad-request'],
  ['reassign of a missing stance', '/api/stances/424242/reassign', { method: 'POST', headers: { ...auth, ...json }, body: '{"holder":"TUR"}' }, 404, 'not-found'],
  ['reassign with extra fields', '/api/stances/1/reassign', { method: 'POST', headers: { ...auth, ...json }, body: '{"holder":"TUR","x":1}' }, 400, 'bad-request'],
  ['add to a missing proposal', '/api/stances', { method: 'POST', headers: { ...auth, ...json }, body: '{"proposal":"P000","holder":"TUR","stance":"support","text":"x"}' }, 404, 'not-found'],
  ['add without a stance', '/api/stances', { method: 'POST', headers: { ...auth, ...json }, body: '{"proposal":"P000","holder":"TUR"}' }, 400, 'bad-request'],
  ['add without a token', '/api/stances', { method: 'POST', headers: json, body: '{}' }, 401, 'unauthorized'],
  ['merge of a missing proposal', '/api/proposals/P000/merge', { method: 'POST', headers: { ...auth, ...json }, body: '{"other":"P001"}' }, 404, 'not-found'],
  ['merge that is not JSON', '/api/proposals/P000/merge', { method: 'POST', headers: { ...auth, ...json }, body: 'P001' }, 400, 'bad-request'],
  ['split of a missing proposal', '/api/proposals/P000/split', { method: 'POST', headers: { ...auth, ...json }, body: '{"observations":[1]}' }, 404, 'not-found'],
  ['split of no observations', '/api/proposals/P000/split', { method: 'POST', headers: { ...auth, ...json }, body: '{"observations":[]}' }, 400, 'bad-request'],
  ['rename of a missing proposal', '/api/proposals/P000/rename', { method: 'POST', headers: { ...auth, ...json }, body: '{"name":"x"}' }, 404, 'not-found'],
  ['rename to nothing', '/api/proposals/P000/rename', { method: 'POST', headers: { ...auth, ...json }, body: '{"name":""}' }, 400, 'bad-request'],
  ['undo of a missing edit', '/api/edits/424242/undo', { method: 'POST', headers: { ...auth, ...json }, body: '{}' }, 404, 'not-found'],
  ['undo of a bad id', '/api/edits/abc/undo', { method: 'POST', headers: { ...auth, ...json }, body: '{}' }, 400, 'bad-request'],
  ['undo without a token', '/api/edits/1/undo', { method: 'POST', headers: json, body: '{}' }, 401, 'unauthorized'],
  ['edits of a missing proposal', '/api/edits?proposal=P000', undefined, 404, 'not-found'],
  ['changes without since', '/api/changes', undefined, 400, 'bad-request'],
  ['changes since a bad date', '/api/changes?since=yesterday', undefined, 400, 'bad-request'],
  ['feed since a bad date', '/api/changes.atom?since=2025-13-45', undefined, 400, 'bad-request'],
  ['correction of a missing stance', '/api/stances/424242/corrections', { method: 'POST', headers: { ...auth, ...json }, body: '{"stance":"oppose"}' }, 404, 'not-found'],
];

describe('every error has the one shape', () => {
  it.each(CASES)('%s', async (_name, path, init, status, code) => {
    const res = await fx.app.request(path, init);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json() as any;
    expect(Object.keys(body)).toEqual(['error']);
    expect(Object.keys(body.error).sort()).toEqual(['code', 'message']);
    expect(body.error.code).toBe(code);
    expect(ERROR_CODES).toContain(body.error.code);
    expect(typeof body.error.message).toBe('string');
    expect(body.error.message.length).toBeGreaterThan(5);
  });

  it('an oversized body is refused with 413, token or not', async () => {
    const small = createApp({ store: fx.store, token: 't', maxBodyBytes: 1000 });
    for (const headers of [{ authorization: 'Bearer t', 'content-type': 'text/plain' }, { 'content-type': 'text/plain' }]) {
      const res = await small.request('/api/articles', { method: 'POST', headers, body: 'x'.repeat(5000) });
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual({ error: { code: 'payload-too-large', message: expect.stringContaining('1000 bytes') } });
    }
  });

  it('an unexpected failure is a 500 with the same shape and no internals', async () => {
    const broken = createApp({ store: { ...fx.store, counts: () => Promise.reject(new Error('disk on fire')) } as any });
    const stderr = process.stderr.write;
    process.stderr.write = () => true;
    try {
      const res = await broken.request('/api');
      expect(res.status).toBe(500);
      expect(await res.json()).toEqual({ error: { code: 'internal', message: 'internal error: see the server log' } });
    } finally {
      process.stderr.write = stderr;
    }
  });
});

describe('errors the store raises', () => {
  it('answers a StoreError of bad input with 400 and one of a missing row with 404, never 500', async () => {
    const { StoreError } = await import('../src/store/store.js');
    for (const [code, status, api] of [['bad-input', 400, 'bad-request'], ['not-found', 404, 'not-found']] as const) {
      const store = Object.assign(Object.create(fx.store) as typeof fx.store, { counts: async () => { throw new StoreError(code, `the store says ${code}`); } });
      const res = await createApp({ store }).request('/api');
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual({ error: { code: api, message: `the store says ${code}` } });
    }
  });
});
