// The OpenAPI document lists every route the app serves (and nothing else), and the README documents every route.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openApiPath } from '../src/server/openapi.js';
import { createApp, ROUTES } from '../src/server/index.js';
import type { Store } from '../src/store/store.js';
import { ROOT } from './cli.js';

const app = createApp({ store: { counts: async () => ({}) } as unknown as Store });

describe('/api/openapi.json', () => {
  it('is OpenAPI 3.1 and has every route the app serves under /api', async () => {
    const doc = await (await app.request('/api/openapi.json')).json() as any;
    expect(doc.openapi).toBe('3.1.0');
    const served = app.routes.filter((r) => r.path.startsWith('/api') && !r.path.includes('*') && r.method !== 'ALL');
    expect(served.length).toBe(ROUTES.length);
    for (const r of served) expect(doc.paths[openApiPath(r.path)]?.[r.method.toLowerCase()], `${r.method} ${r.path}`).toBeDefined();
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops as object).map((m) => `${m.toUpperCase()} ${p}`));
    expect(documented.sort()).toEqual(served.map((r) => `${r.method} ${openApiPath(r.path)}`).sort());
  });

  it('describes query parameters, request bodies and the bearer token of writes', async () => {
    const doc = await (await app.request('/api/openapi.json')).json() as any;
    const list = doc.paths['/api/proposals'].get;
    expect(list.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['q', 'body', 'proposer', 'limit', 'offset']));
    const correct = doc.paths['/api/stances/{id}/corrections'].post;
    expect(correct.security).toEqual([{ bearer: [] }]);
    expect(correct.requestBody.content['application/json'].schema.properties.stance.enum).toEqual(['support', 'oppose', 'undecided', 'abstain']);
    expect(doc.paths['/api/articles'].post.requestBody.content).toHaveProperty('text/plain');
    expect(doc.components.schemas.Error.properties.error.required).toEqual(['code', 'message']);
  });
});

describe('README', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  it('documents every API route', () => {
    for (const r of ROUTES) expect(readme, `${r.method} ${r.path} in the README`).toContain(`${r.method} ${r.path}`);
  });
});
