// Invented articles and a server over a fresh store, for the API and browser tests (no evaluation article is used).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type AppOptions } from '../src/server/index.js';
import { openStore } from '../src/store/open.js';
import type { Store } from '../src/store/store.js';
import { ROOT } from './cli.js';

export const TOKEN = 'test-token-3f9a';
export const WEB_ROOT = path.join(ROOT, 'dist', 'web');

export const ARTICLES = [
  {
    id: 'fx-baltic-1', date: '2025-05-06', title: 'Norway proposes NATO monitoring mission in the Baltic', source: 'Invented Wire',
    text: "Norway on Tuesday proposed a NATO monitoring mission in the Baltic Sea, to be decided at the alliance's next summit.\n\n"
      + 'Portugal rejected the monitoring mission. "We are against this mission," Portuguese Foreign Minister Rui Carvalho said.\n\n'
      + 'Greece opposes the monitoring mission, Greek Defence Minister Nikos Dimou told reporters.\n\n'
      + 'Latvia supports the monitoring mission, Latvian Defence Minister Ilze Berzina said.\n\n'
      + 'Canada has not decided on the monitoring mission and wants more details, Canadian Foreign Minister Claire Dubois said.',
  },
  {
    id: 'fx-baltic-2', date: '2025-05-09', title: 'Lithuania backs monitoring mission',
    text: 'Lithuania on Friday said it supports the NATO monitoring mission in the Baltic Sea proposed by Norway.\n\n'
      + '"This mission is necessary and we support it," Lithuanian Foreign Minister Tomas Zukas told reporters in Vilnius.\n\n'
      + 'Portugal still opposes the monitoring mission, Carvalho said.',
  },
];

/** An article whose title, text and quote carry markup and scripts: the API and the page must keep them inert. */
export const HOSTILE = {
  id: 'fx-hostile', date: '2025-05-10', title: '<img src=x onerror="window.__pwned=1"> Chile <b>proposes</b> a monitoring mission',
  text: '<script>window.__pwned = 1</script> Chile on Monday proposed a UN monitoring mission on the Pacific coast. '
    + '<img src=x onerror="window.__pwned=1"> Peru rejected the <b>monitoring mission</b>. '
    + '"We oppose this <script>window.__pwned=1</script> mission," Peruvian Foreign Minister Elena Quispe said.',
};

export const auth = { authorization: `Bearer ${TOKEN}` };

export interface Fixture { app: ReturnType<typeof createApp>; store: Store; dir: string; close(): Promise<void> }

/** A store in a temporary folder, an app over it, and the invented articles posted through the API. */
export async function fixture(options: Partial<AppOptions> = {}, articles: object[] = [...ARTICLES, HOSTILE]): Promise<Fixture> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-server-'));
  const store = await openStore(path.join(dir, 'store.db'));
  const app = createApp({ store, token: TOKEN, webRoot: WEB_ROOT, ...options });
  for (const a of articles) {
    const res = await app.request('/api/articles', { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(a) });
    if (res.status !== 201) throw new Error(`fixture: POST /api/articles answered ${res.status}: ${await res.text()}`);
  }
  return { app, store, dir, close: async () => { await store.close(); fs.rmSync(dir, { recursive: true, force: true }); } };
}
