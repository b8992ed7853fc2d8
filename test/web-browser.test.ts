// The page in Debian's Chromium (playwright-core): board → proposal, map, outlook and holders as the store holds them, a correction, inert markup.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE, TOKEN } from './server-fixture.js';
import path from 'node:path';
import { chromiumFor, openSession, SHOTS, type BrowserSession } from './browser-session.js';

const hasChromium = chromiumFor('web-browser');

describe.skipIf(!hasChromium)('the page in Chromium', () => {
  let session: BrowserSession;
  let base = '';
  let browser: BrowserSession['browser'];
  let page: BrowserSession['page'];
  const api = (p: string) => session.api(p);
  const shot = (name: string) => session.shot(name);

  beforeAll(async () => {
    session = await openSession();
    ({ base, browser, page } = session);
  });
  afterAll(async () => {
    await session?.close();
  });

  it('the board lists the proposals with outlook badges and counts', async () => {
    const proposals = await api('/api/proposals?extra=outlook');
    await page.goto(`${base}/`);
    await page.waitForSelector('table.board');
    expect(await page.locator('table.board tbody tr').count()).toBe(proposals.length);
    const nato = proposals.find((p: any) => p.body === 'org:NATO');
    const row = page.locator(`tr[data-proposal="${nato.id}"]`);
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe(nato.outlook.status);
    expect(await row.locator('.badge.stance-oppose').textContent()).toBe(`oppose ${nato.stances.filter((s: any) => s.stance === 'oppose').length}`);
    await shot('board');
    await page.fill('input[name=q]', 'baltic');
    await page.press('input[name=q]', 'Enter');
    await page.waitForURL(/\?q=baltic/);
    await page.waitForSelector('.search-results');
    expect(await page.locator('.hits.proposals li').count()).toBe((await api('/api/search?q=baltic')).proposals.length);
  });

  it("a proposal's map, outlook and holders show what the store holds; a correction changes the page", async () => {
    const [nato] = await api('/api/proposals?body=NATO');
    const data = await api(`/api/proposals/${nato.id}`);
    await page.goto(`${base}/`);
    await page.click(`tr[data-proposal="${nato.id}"] a[href^="/proposals/"]`);
    await page.waitForSelector('svg.world path[data-iso3]');
    for (const s of data.stances.filter((x: any) => x.holder.startsWith('country:'))) {
      expect(await page.getAttribute(`svg.world path[data-iso3="${s.holder.slice(8)}"]`, 'data-stance'), s.holder).toBe(s.stance);
    }
    expect(await page.getAttribute('svg.world path[data-iso3="PRT"]', 'data-member')).toBe('true');
    expect(await page.getAttribute('svg.world path[data-iso3="CHN"]', 'data-member')).toBeNull();
    expect(await page.getAttribute('svg.world path[data-iso3="CHN"]', 'data-stance')).toBe('none');
    expect(await page.getAttribute('section.outlook', 'data-status')).toBe(data.outlook.outlook.status);
    const rows = await page.locator('table.holders tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-holder'), tr.getAttribute('data-stance')]));
    expect(rows).toEqual(data.stances.map((s: any) => [s.holder, s.stance]));
    const prt = data.stances.find((s: any) => s.holder === 'country:PRT');
    const prtRow = page.locator('tr[data-holder="country:PRT"]');
    expect(await prtRow.locator('.evidence').textContent()).toBe(prt.quote ?? prt.evidence);
    expect(await prtRow.locator('a[href^="/articles/"]').getAttribute('href')).toBe(`/articles/${prt.article}`);
    await shot('proposal');

    // What-if: every opponent in favour; the panel says so, the map shows it, the stored stances stay.
    await page.click('details.what-if-list summary');
    for (const k of data.outlook.outlook.oppose) await page.selectOption(`select[data-holder="${k}"]`, 'support');
    await page.waitForSelector('section.outlook.what-if');
    expect(await page.getAttribute('section.outlook.what-if', 'data-status')).not.toBe('blocked');
    expect(await page.getAttribute('svg.world path[data-iso3="PRT"]', 'data-stance')).toBe('support');
    await shot('proposal-what-if');

    // A correction with the token: the holders table, the map and the API change.
    await page.goto(`${base}/proposals/${nato.id}`);
    await page.waitForSelector('table.holders');
    await page.fill('#token', TOKEN);
    await prtRow.locator('select').selectOption('support');
    await prtRow.locator('button', { hasText: 'Correct' }).click();
    await page.waitForSelector('tr[data-holder="country:PRT"][data-stance="support"]');
    expect(await page.getAttribute('svg.world path[data-iso3="PRT"]', 'data-stance')).toBe('support');
    expect(await page.locator('tr[data-holder="country:PRT"]').textContent()).toContain('corrected (machine: oppose)');
    expect((await api(`/api/proposals/${nato.id}`)).stances.find((s: any) => s.holder === 'country:PRT')).toMatchObject({ stance: 'support', corrected: true });
    await shot('proposal-corrected');
  });

  it('keeps markup and scripts from articles inert on every page', async () => {
    await page.goto(`${base}/articles/${HOSTILE.id}`);
    await page.waitForSelector('.article-text');
    expect(await page.locator('h1').textContent()).toBe(HOSTILE.title);
    expect(await page.locator('.article-text').textContent()).toBe(HOSTILE.text);
    expect(await page.locator('main script, main img, main b').count()).toBe(0);
    await shot('article-hostile');
    const chile = (await api('/api/proposals?proposer=CHL'))[0];
    if (chile) {
      await page.goto(`${base}/proposals/${chile.id}`);
      await page.waitForSelector('table.holders, .outlook');
      expect(await page.locator('main script, main img, main b').count()).toBe(0);
    }
    await page.goto(`${base}/`);
    await page.waitForSelector('table.board');
    expect(await page.evaluate(() => (window as any).__pwned)).toBeUndefined();
    expect(await page.locator('main script, main img').count()).toBe(0);
  });

  it('reads on a phone and is usable from the keyboard', async () => {
    const [nato] = await api('/api/proposals?body=NATO');
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true });
    await phone.goto(`${base}/proposals/${nato.id}`);
    await phone.waitForSelector('svg.world path[data-iso3]');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.screenshot({ path: path.join(SHOTS, 'proposal-phone.png'), fullPage: true });
    await phone.close();
    await page.goto(`${base}/`);
    await page.waitForSelector('table.board');
    await page.focus(`tr[data-proposal="${nato.id}"] a[href^="/proposals/"]`);
    await page.keyboard.press('Enter');
    await page.waitForSelector('section.outlook');
    expect(new URL(page.url()).pathname).toBe(`/proposals/${nato.id}`);
    await page.goto(`${base}/actors/country:PRT`);
    await page.waitForSelector('table.positions');
    await shot('actor');
  });
});
