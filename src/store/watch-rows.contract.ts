// The store contract's part on the feed watcher's state: feeds, items, alerts and deliveries, kept across a reopen.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordArticle } from '../aggregate/record-article.js';
import { openStore } from './open.js';
import type { NewAlert, Store } from './store.js';
import { makeRecord } from './test-records.js';

const item = (n: number, matched = true) => ({ url: `https://news.example/${n}`, feedUrl: 'https://news.example/feed', title: `Item ${n}`, published: '2025-03-01', matched });

const alert = (holder: string | null, newValue: string): NewAlert => ({
  kind: holder ? 'new-stance' : 'outlook-changed', proposalId: 'P1', holder, oldValue: holder ? null : 'blocked', newValue, articleId: 'a1',
  detail: { summary: 'grain corridor', holderName: holder },
});

export function watchRowsContract(name: string, location: () => Promise<string>): void {
  describe(`store contract: ${name}: the feed watcher's state`, () => {
    let store: Store;
    let where: string;
    beforeEach(async () => { where = await location(); store = await openStore(where); });
    afterEach(async () => { await store.close(); });

    it("keeps a feed's validators and its last error, replaced by the next poll", async () => {
      expect(await store.watch.feed('https://news.example/feed')).toBeNull();
      const first = { url: 'https://news.example/feed', etag: '"v1"', lastModified: 'Mon, 03 Feb 2025 10:00:00 GMT', checkedAt: '2025-02-03T10:00:00Z', okAt: '2025-02-03T10:00:00Z', error: null };
      await store.watch.saveFeed(first);
      await store.watch.saveFeed({ ...first, etag: '"v2"', error: 'timed out', checkedAt: '2025-02-03T11:00:00Z' });
      expect(await store.watch.feed(first.url)).toEqual({ ...first, etag: '"v2"', error: 'timed out', checkedAt: '2025-02-03T11:00:00Z' });
    });

    it('records each item once, pending until settled, and finds them again after a reopen', async () => {
      expect(await store.watch.addItems([item(1), item(2), item(1)])).toBe(2);
      expect(await store.watch.addItems([item(2), item(3, false)])).toBe(1);
      await store.watch.settleItem(item(1).url, { state: 'done', articleId: 'a1' });
      await store.watch.settleItem(item(2).url, { state: 'failed', error: 'HTTP 503', giveUp: false });
      await store.watch.settleItem(item(3).url, { state: 'skipped', error: 'no keyword' });
      await store.close();
      store = await openStore(where);
      const pending = await store.watch.items({ state: 'pending' });
      expect(pending.map((i) => [i.url, i.attempts, i.error])).toEqual([[item(2).url, 1, 'HTTP 503']]);
      const [one, , three] = await store.watch.items({ urls: [item(1).url, item(2).url, item(3).url] }).then((rows) => rows.sort((a, b) => a.url.localeCompare(b.url)));
      expect(one).toMatchObject({ state: 'done', articleId: 'a1', matched: true, alerted: false, title: 'Item 1', feedUrl: 'https://news.example/feed' });
      expect(three).toMatchObject({ state: 'skipped', matched: false });
      await store.watch.settleItem(item(2).url, { state: 'failed', error: 'HTTP 404', giveUp: true });
      expect(await store.watch.items({ state: 'pending' })).toEqual([]);
      expect((await store.watch.items({ unalerted: true })).map((i) => i.url)).toEqual([item(1).url]);
    });

    it('marks an item done in the group that stores its article, or not at all when the group is undone', async () => {
      await store.watch.addItems([item(1), item(2)]);
      const record = makeRecord({ date: '2025-03-01', text: 'Norway backed the grain corridor through the Black Sea on Monday.', actors: ['country:NOR'], proposals: [{ key: 'grain', summary: 'grain corridor' }], stances: [{ holder: 'country:NOR', stance: 'support' }] });
      await expect(store.batch(async () => {
        await recordArticle(store, record);
        await store.watch.settleItem(item(1).url, { state: 'done', articleId: record.article.id });
        throw new Error('killed');
      })).rejects.toThrow('killed');
      expect((await store.counts()).articles).toBe(0);
      expect((await store.watch.items({ state: 'pending' })).length).toBe(2);
      await store.batch(async () => {
        await recordArticle(store, record);
        await store.watch.settleItem(item(1).url, { state: 'done', articleId: record.article.id });
      });
      expect((await store.counts()).articles).toBe(1);
      expect((await store.watch.items({ state: 'pending' })).map((i) => i.url)).toEqual([item(2).url]);
    });

    it('raises alerts with a delivery per target, keeps what they were raised for, and records each attempt', async () => {
      await store.watch.addItems([item(1)]);
      await store.watch.settleItem(item(1).url, { state: 'done', articleId: 'a1' });
      const raised = await store.watch.raiseAlerts({
        alerts: [alert('country:NOR', 'support'), alert(null, 'passes')], targets: ['https://hooks.example/a', 'https://hooks.example/b'],
        known: [{ proposalId: 'P1', holder: 'country:NOR', value: 'support' }, { proposalId: 'P1', holder: '', value: 'passes' }], itemUrls: [item(1).url],
      });
      expect(raised.map((a) => [a.kind, a.holder, a.newValue])).toEqual([['new-stance', 'country:NOR', 'support'], ['outlook-changed', null, 'passes']]);
      expect(raised[1].id).toBeGreaterThan(raised[0].id);
      expect(await store.watch.items({ unalerted: true })).toEqual([]);
      expect((await store.watch.known(['P1'])).sort((a, b) => a.holder.localeCompare(b.holder))).toEqual([
        { proposalId: 'P1', holder: '', value: 'passes' }, { proposalId: 'P1', holder: 'country:NOR', value: 'support' }]);
      await store.watch.raiseAlerts({ alerts: [], targets: [], known: [{ proposalId: 'P1', holder: '', value: 'blocked' }], itemUrls: [] });
      expect((await store.watch.known(['P1'])).find((k) => k.holder === '')!.value).toBe('blocked');
      expect((await store.watch.pendingDeliveries()).map((d) => [d.alert.id, d.target])).toEqual([
        [raised[0].id, 'https://hooks.example/a'], [raised[0].id, 'https://hooks.example/b'], [raised[1].id, 'https://hooks.example/a'], [raised[1].id, 'https://hooks.example/b']]);
      await store.watch.settleDelivery(raised[0].id, 'https://hooks.example/a', { ok: false, error: 'HTTP 500', giveUp: false });
      await store.watch.settleDelivery(raised[0].id, 'https://hooks.example/a', { ok: true });
      await store.watch.settleDelivery(raised[0].id, 'https://hooks.example/b', { ok: false, error: 'refused', giveUp: true });
      const left = await store.watch.pendingDeliveries();
      expect(left.map((d) => d.alert.id)).toEqual([raised[1].id, raised[1].id]);
      expect(left[0].alert.detail).toEqual({ summary: 'grain corridor', holderName: null });
      expect((await store.watch.alerts({ limit: 1 })).map((a) => a.id)).toEqual([raised[1].id]);
      expect((await store.watch.alerts({ proposalId: 'P2' }))).toEqual([]);
    });
  });
}
