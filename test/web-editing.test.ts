// The analyst's editing in Debian's Chromium (playwright-core): every action on the proposal page, the views that follow it, undo, and the What changed page.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKEN } from './server-fixture.js';
import { chromiumFor, openSession, type BrowserSession } from './browser-session.js';

const hasChromium = chromiumFor('web-editing');

describe.skipIf(!hasChromium)('editing on the page, in Chromium', () => {
  let session: BrowserSession;
  let base = '';
  let page: BrowserSession['page'];
  let baltic: any;
  let started = '';
  const api = (p: string) => session.api(p);
  const shot = (name: string) => session.shot(name);
  const row = (holder: string) => page.locator(`table.holders tr[data-holder="${holder}"]`);
  const stanceOf = async (holder: string) => (await api(`/api/proposals/${baltic.id}`)).stances.find((s: any) => s.holder === holder);

  beforeAll(async () => {
    started = new Date().toISOString();
    session = await openSession();
    ({ base, page } = session);
    [baltic] = await api('/api/proposals?body=NATO');
    await page.goto(`${base}/proposals/${baltic.id}`);
    await page.waitForSelector('table.holders');
    await page.fill('#token', TOKEN);
    await page.fill('.who-bar input[name=author]', 'ana');
  });
  afterAll(async () => {
    await session?.close();
  });

  it('sets a stance to abstain: the row, the map and the API show it, the machine label beside it', async () => {
    await page.fill('.who-bar input[name=note]', 'abstained in the vote');
    await row('country:CAN').locator('select').selectOption('abstain');
    await row('country:CAN').locator('button[data-action=set]').click();
    await page.waitForSelector('table.holders tr[data-holder="country:CAN"][data-stance="abstain"]');
    expect(await row('country:CAN').textContent()).toContain('corrected (machine: undecided)');
    expect(await row('country:CAN').textContent()).toContain('by ana: abstained in the vote');
    expect(await page.getAttribute('svg.world path[data-iso3="CAN"]', 'data-stance')).toBe('abstain');
    expect(await stanceOf('country:CAN')).toMatchObject({ stance: 'abstain', machineStance: 'undecided', analyst: { author: 'ana', note: 'abstained in the vote' } });
    expect(await page.locator('.analyst-events li').count()).toBe(1);
    await shot('edit-set-abstain');
  });

  it('deletes a wrong stance, and undo brings it back', async () => {
    await row('country:LVA').locator('button[data-action=delete]').click();
    await page.waitForSelector('table.holders tr[data-holder="country:LVA"]', { state: 'detached' });
    expect(await stanceOf('country:LVA')).toBeUndefined();
    expect(await page.locator('.observations li.deleted').count()).toBeGreaterThan(0);
    await shot('edit-delete');
    await page.locator('li[data-action="delete-stance"] button[data-action=undo]').click();
    await page.waitForSelector('table.holders tr[data-holder="country:LVA"]');
    expect(await page.locator('li[data-action="delete-stance"] .badge.undone').count()).toBe(1);
    expect((await stanceOf('country:LVA')).stance).toBe('support');
    await shot('edit-undo');
  });

  it('reassigns a stance to another holder; an unknown holder is an error on the page and changes nothing', async () => {
    const grc = row('country:GRC');
    await grc.locator('details.reassign summary').click();
    await grc.locator('input[name=to-holder]').fill('person:nobody-at-all');
    await grc.locator('button[data-action=reassign]').click();
    await expect.poll(() => grc.locator('[role=status]').textContent()).toContain('no actor with key person:nobody-at-all');
    expect((await stanceOf('country:GRC')).stance).toBe('oppose');
    await grc.locator('input[name=to-holder]').fill('TUR');
    await grc.locator('button[data-action=reassign]').click();
    await page.waitForSelector('table.holders tr[data-holder="country:TUR"][data-stance="oppose"]');
    expect(await row('country:GRC').count()).toBe(0);
    await shot('edit-reassign');
  });

  it('adds a stance the machine missed, with its evidence from an article', async () => {
    await page.fill('input[name=add-holder]', 'ESP');
    await page.selectOption('select[name=add-stance]', 'support');
    await page.selectOption('select[name=add-article]', 'fx-baltic-2');
    await page.fill('input[name=add-text]', 'This mission is necessary');
    await page.click('button[data-action=add]');
    await page.waitForSelector('table.holders tr[data-holder="country:ESP"][data-stance="support"]');
    expect(await row('country:ESP').textContent()).toContain('added by an analyst (machine: none)');
    expect(await row('country:ESP').locator('.evidence').textContent()).toBe('This mission is necessary');
    await shot('edit-add');
  });

  it('renames the proposal; the board shows the new name with the machine\'s', async () => {
    await page.fill('input[name=rename]', 'NATO Baltic monitoring mission');
    await page.click('button[data-action=rename]');
    await page.waitForSelector('h1:text-is("NATO Baltic monitoring mission")');
    expect(await page.locator('.machine-name').textContent()).toContain(baltic.summary);
    await shot('edit-rename');
    await page.goto(`${base}/`);
    await page.waitForSelector('table.board');
    expect(await page.locator(`tr[data-proposal="${baltic.id}"] a[href^="/proposals/"]`).textContent()).toBe('NATO Baltic monitoring mission');
    expect(await page.locator(`tr[data-proposal="${baltic.id}"]`).textContent()).toContain('edited by analysts');
    await shot('edit-board');
  });

  it('splits observations off into a new proposal', async () => {
    await page.goto(`${base}/proposals/${baltic.id}`);
    await page.waitForSelector('.split-list');
    await page.check('input[name=split-observation][data-holder="country:LTU"]');
    await page.fill('input[name=split-name]', 'Lithuanian view');
    await page.click('button[data-action=split]');
    await page.waitForSelector('h1:text-is("Lithuanian view")');
    expect(await page.locator('table.holders tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-holder')))).toEqual(['country:LTU']);
    expect(await stanceOf('country:LTU')).toBeUndefined();
    await shot('edit-split');
  });

  it('merges another proposal into this one; the merged id leads here', async () => {
    const split = (await api('/api/proposals')).find((p: any) => p.summary === 'Lithuanian view');
    await page.goto(`${base}/proposals/${baltic.id}`);
    await page.waitForSelector('input[name=merge-other]');
    await page.fill('input[name=merge-other]', split.id);
    await page.click('button[data-action=merge]');
    await page.waitForSelector(`text=merged from ${split.id}`);
    expect(await row('country:LTU').count()).toBe(1);
    await page.goto(`${base}/proposals/${split.id}`);
    await page.waitForSelector(`text=${split.id} was merged into this proposal.`);
    expect(await page.locator('h1').textContent()).toBe('NATO Baltic monitoring mission');
    await shot('edit-merge');
  });

  it("shows the analyst's stance on the actor page, the machine's beside it", async () => {
    await page.goto(`${base}/actors/country:CAN`);
    await page.waitForSelector('table.stances');
    const r = page.locator(`table.stances tr[data-proposal="${baltic.id}"]`);
    expect(await r.getAttribute('data-stance')).toBe('abstain');
    expect(await r.locator('.machine').textContent()).toBe('undecided');
    await shot('edit-actor');
  });

  it('lists what changed since a date: new proposals, stances and who edited them; the feed is linked', async () => {
    await page.goto(`${base}/changes?since=${encodeURIComponent(started)}`);
    await page.waitForSelector('section.edits-made');
    const changes = await api(`/api/changes?since=${encodeURIComponent(started)}`);
    expect(await page.locator('section.edits-made li').count()).toBe(changes.edits.length);
    expect(changes.edits.length).toBeGreaterThanOrEqual(8);
    expect(await page.locator('section.edits-made').textContent()).toContain('ana set Canada');
    expect(await page.locator('section.new-proposals li').count()).toBe(changes.newProposals.length);
    expect(await page.locator('section.changed-stances tbody tr').count()).toBe(changes.stances.length);
    const feed = await page.getAttribute('a.feed', 'href');
    const xml = await (await fetch(`${base}${feed}`)).text();
    expect(xml).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');
    await shot('changes');
    await page.goto(`${base}/changes?since=2999-01-01`);
    await page.waitForSelector('section.edits-made');
    expect(await page.locator('.empty').count()).toBe(3);
  });
});
