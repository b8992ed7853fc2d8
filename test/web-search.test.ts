// Search and filters on the board in Debian's Chromium (playwright-core): highlighted hits, each filter, the empty result, a bad date.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE } from './server-fixture.js';
import { chromiumFor, openSession, type BrowserSession } from './browser-session.js';

const hasChromium = chromiumFor('web-search');

describe.skipIf(!hasChromium)('search on the page, in Chromium', () => {
  let session: BrowserSession;
  let base = '';
  let page: BrowserSession['page'];
  const api = (p: string) => session.api(p);
  const shot = (name: string) => session.shot(name);
  const articleIds = () => page.locator('.hits.articles li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-article')).sort());

  beforeAll(async () => {
    session = await openSession();
    ({ base, page } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('typing words on the board shows proposals, quotes and articles with the matched words marked', async () => {
    const want = await api('/api/search?q=monitoring%20mission');
    await page.goto(`${base}/`);
    await page.waitForSelector('table.board');
    await page.fill('input[name=q]', 'monitoring mission');
    await page.press('input[name=q]', 'Enter');
    await page.waitForSelector('.search-results');
    expect(new URL(page.url()).searchParams.get('q')).toBe('monitoring mission');
    expect(await page.locator('.hits.proposals li').count()).toBe(want.proposals.length);
    expect(await page.locator('.hits.quotes li').count()).toBe(want.quotes.length);
    expect(await articleIds()).toEqual(want.articles.map((a: any) => a.id).sort());
    const marks = await page.locator('.search-results mark.hl-match').allTextContents();
    expect(marks.length).toBeGreaterThan(3);
    for (const m of marks) expect(m.toLowerCase()).toMatch(/^(monitoring|mission)( mission)?$/);
    expect(await page.locator('.search-results p[data-found]').textContent()).toBe(want.message);
    expect(await page.locator('main script, main img, main b').count()).toBe(0); // the hostile article's markup stays text
    await shot('search');
    await page.click(`.hits.articles li[data-article="${HOSTILE.id}"] a`);
    await page.waitForSelector('.article-text');
  });

  it('narrows by actor, stance, body, dates and source from the form', async () => {
    await page.goto(`${base}/?q=mission`);
    await page.waitForSelector('.search-results');
    expect(await articleIds()).toEqual(['fx-baltic-1', 'fx-baltic-2', HOSTILE.id].sort());
    await page.fill('input[name=actor]', 'PER');
    await page.selectOption('select[name=stance]', 'oppose');
    await page.waitForURL(/stance=oppose/);
    await page.waitForSelector('.search-results');
    expect(new URL(page.url()).searchParams.get('actor')).toBe('PER');
    expect(await articleIds()).toEqual([HOSTILE.id]);
    await shot('search-filtered');
    await page.goto(`${base}/?q=mission&body=org:NATO&since=2025-05-07`);
    await page.waitForSelector('.search-results');
    expect(await page.inputValue('input[name=since]')).toBe('2025-05-07');
    expect(await articleIds()).toEqual(['fx-baltic-2']);
    await page.fill('input[name=since]', '');
    await page.fill('input[name=source]', 'invented wire');
    await page.click('button[type=submit]');
    await page.waitForURL(/source=invented/);
    await page.waitForSelector('.search-results');
    expect(await articleIds()).toEqual(['fx-baltic-1']);
  });

  it('says plainly that nothing matches, never that nothing is stored; a bad date is shown, not a broken page', async () => {
    await page.goto(`${base}/?q=submarine`);
    await page.waitForSelector('.search-results');
    const text = await page.locator('.search-results .empty').textContent();
    expect(text).toBe('No proposal, quote or article matches “submarine” (searched 3 stored articles).');
    expect(await page.locator('main').textContent()).not.toMatch(/stored yet/);
    expect(await page.locator('.hits li').count()).toBe(0);
    expect(await page.inputValue('input[name=q]')).toBe('submarine');
    await shot('search-empty');
    await page.goto(`${base}/?q=mission&since=2025-02-30`);
    await page.waitForSelector('main .error[role=alert]');
    expect(await page.locator('main .error').textContent()).toMatch(/YYYY-MM-DD/);
    expect(await page.locator('input[name=q]').count()).toBe(1);
  });
});
