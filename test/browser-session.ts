// A browser test's session: the API fixture served on a free loopback port, Debian's Chromium (playwright-core), one page.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from './cli.js';
import { fixture, WEB_ROOT, type Fixture } from './server-fixture.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SHOTS = path.join(ROOT, 'test-results', 'web');

/** Whether Chromium is there; warns, naming the tests, when it is not (they are skipped). */
export function chromiumFor(tests: string): boolean {
  const has = fs.existsSync(CHROMIUM);
  if (!has) console.warn(`${tests} tests skipped: no Chromium at ${CHROMIUM} (apt-get install -y chromium; .ci/run installs it)`);
  return has;
}

export interface BrowserSession {
  fx: Fixture;
  base: string;
  browser: Browser;
  page: Page;
  /** GET an API path as JSON. */
  api(p: string): Promise<any>;
  /** A full-page screenshot saved as test-results/web/NAME.png. */
  shot(name: string): Promise<Buffer>;
  close(): Promise<void>;
}

/** Serves a fresh API fixture and opens Chromium on a 1280×900 page that fails the test on a page error. */
export async function openSession(): Promise<BrowserSession> {
  if (!fs.existsSync(path.join(WEB_ROOT, 'index.html'))) throw new Error(`${WEB_ROOT} has no built page: run \`npm run build\` first (npm test does)`);
  fs.mkdirSync(SHOTS, { recursive: true });
  const fx = await fixture();
  let server: ServerType | undefined;
  const base = await new Promise<string>((done) => {
    server = serve({ fetch: fx.app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => done(`http://127.0.0.1:${info.port}`));
  });
  const browser = await chromium.launch({
    executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (err) => { throw err; });
  return {
    fx, base, browser, page,
    api: async (p) => (await fetch(`${base}${p}`)).json(),
    shot: (name) => page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true }),
    async close() {
      await browser.close();
      await new Promise<void>((done) => (server ? server.close(() => done()) : done()));
      await fx.close();
    },
  };
}
