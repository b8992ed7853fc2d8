// The feed watcher's state in SQL (both dialects): feeds' validators, items met, alerts raised and their deliveries.
import type { Db, Param } from './db.js';
import type { AlertKind, AlertRow, DeliveryRow, FeedStateRow, NewAlert, WatchItemRow, WatchItemState, WatchState } from './store.js';

type Row = Record<string, unknown>;

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const marks = (n: number) => Array.from({ length: n }, () => '?').join(', ');
const now = () => new Date().toISOString();

const toItem = (r: Row): WatchItemRow => ({
  url: String(r.url), feedUrl: String(r.feed_url), title: str(r.title), published: str(r.published), matched: Number(r.matched) === 1,
  state: String(r.state) as WatchItemState, articleId: str(r.article_id), attempts: Number(r.attempts), error: str(r.error),
  alerted: Number(r.alerted) === 1,
});

const toAlert = (r: Row): AlertRow => ({
  id: Number(r.id), kind: String(r.kind) as AlertKind, proposalId: String(r.proposal_id), holder: str(r.holder) || null,
  oldValue: str(r.old_value), newValue: String(r.new_value), articleId: str(r.article_id),
  detail: JSON.parse(String(r.detail)) as Record<string, unknown>, createdAt: String(r.created_at),
});

/** Rows in chunks of a few hundred parameters. */
async function chunked<T, R>(list: T[], size: number, fn: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < list.length; i += size) out.push(...await fn(list.slice(i, i + size)));
  return out;
}

export class SqlWatchState implements WatchState {
  constructor(private readonly db: Db) {}

  async feed(url: string): Promise<FeedStateRow | null> {
    const [r] = await this.db.all('SELECT * FROM watch_feeds WHERE url = ?', [url]);
    return r ? { url: String(r.url), etag: str(r.etag), lastModified: str(r.last_modified), checkedAt: str(r.checked_at), okAt: str(r.ok_at), error: str(r.error) } : null;
  }

  async saveFeed(f: FeedStateRow): Promise<void> {
    await this.db.run(
      `INSERT INTO watch_feeds (url, etag, last_modified, checked_at, ok_at, error) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, checked_at = excluded.checked_at,
         ok_at = excluded.ok_at, error = excluded.error`,
      [f.url, f.etag, f.lastModified, f.checkedAt, f.okAt, f.error]);
  }

  async addItems(items: Array<Pick<WatchItemRow, 'url' | 'feedUrl' | 'title' | 'published' | 'matched'>>): Promise<number> {
    const unique = [...new Map(items.map((i) => [i.url, i])).values()];
    if (!unique.length) return 0;
    return this.db.transaction(async (tx) => {
      let added = 0;
      const seen = now();
      for (let i = 0; i < unique.length; i += 100) {
        const chunk = unique.slice(i, i + 100);
        added += await tx.run(
          `INSERT INTO watch_items (url, feed_url, title, published, matched, state, seen_at) VALUES ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?)').join(', ')}
           ON CONFLICT (url) DO NOTHING`,
          chunk.flatMap((it) => [it.url, it.feedUrl, it.title, it.published, it.matched ? 1 : 0, 'pending', seen]));
      }
      return added;
    });
  }

  async items(filter: { urls?: string[]; state?: WatchItemState; unalerted?: boolean; limit?: number }): Promise<WatchItemRow[]> {
    const conds: string[] = [];
    const params: Param[] = [];
    if (filter.state) { conds.push('state = ?'); params.push(filter.state); }
    if (filter.unalerted) conds.push("state = 'done' AND alerted = 0");
    const limit = filter.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(filter.limit))}`;
    const where = (extra: string[]) => (extra.length ? `WHERE ${extra.join(' AND ')}` : '');
    if (filter.urls) {
      return chunked(filter.urls, 500, async (chunk) => (await this.db.all(
        `SELECT * FROM watch_items ${where([...conds, `url IN (${marks(chunk.length)})`])}`, [...params, ...chunk])).map(toItem));
    }
    return (await this.db.all(`SELECT * FROM watch_items ${where(conds)} ORDER BY seen_at, url${limit}`, params)).map(toItem);
  }

  async settleItem(url: string, outcome: { state: 'done'; articleId: string } | { state: 'skipped'; error: string } | { state: 'failed'; error: string; giveUp: boolean }): Promise<void> {
    if (outcome.state === 'done') {
      await this.db.run("UPDATE watch_items SET state = 'done', article_id = ?, error = NULL, attempts = attempts + 1, done_at = ? WHERE url = ?", [outcome.articleId, now(), url]);
    } else if (outcome.state === 'skipped') {
      await this.db.run("UPDATE watch_items SET state = 'skipped', error = ?, attempts = attempts + 1, done_at = ? WHERE url = ?", [outcome.error, now(), url]);
    } else {
      await this.db.run('UPDATE watch_items SET state = ?, error = ?, attempts = attempts + 1 WHERE url = ?', [outcome.giveUp ? 'failed' : 'pending', outcome.error, url]);
    }
  }

  async known(proposalIds: string[]): Promise<Array<{ proposalId: string; holder: string; value: string }>> {
    return chunked(proposalIds, 500, async (chunk) => (await this.db.all(
      `SELECT proposal_id, holder, value FROM watch_known WHERE proposal_id IN (${marks(chunk.length)})`, chunk))
      .map((r) => ({ proposalId: String(r.proposal_id), holder: String(r.holder), value: String(r.value) })));
  }

  raiseAlerts(input: { alerts: NewAlert[]; targets: string[]; known: Array<{ proposalId: string; holder: string; value: string }>; itemUrls: string[] }): Promise<AlertRow[]> {
    return this.db.transaction(async (tx) => {
      const out: AlertRow[] = [];
      const at = now();
      for (const a of input.alerts) {
        const [r] = await tx.all(
          `INSERT INTO watch_alerts (kind, proposal_id, holder, old_value, new_value, article_id, detail, created_at) VALUES (${marks(8)}) RETURNING *`,
          [a.kind, a.proposalId, a.holder ?? '', a.oldValue, a.newValue, a.articleId, JSON.stringify(a.detail), at]);
        const alert = toAlert(r);
        out.push(alert);
        for (const target of input.targets) {
          await tx.run("INSERT INTO watch_deliveries (alert_id, target, state) VALUES (?, ?, 'pending')", [alert.id, target]);
        }
      }
      for (const k of input.known) {
        await tx.run('INSERT INTO watch_known (proposal_id, holder, value) VALUES (?, ?, ?) ON CONFLICT (proposal_id, holder) DO UPDATE SET value = excluded.value',
          [k.proposalId, k.holder, k.value]);
      }
      await chunked(input.itemUrls, 500, async (chunk) => {
        await tx.run(`UPDATE watch_items SET alerted = 1 WHERE url IN (${marks(chunk.length)})`, chunk);
        return [];
      });
      return out;
    });
  }

  async alerts(options: { limit?: number; proposalId?: string } = {}): Promise<AlertRow[]> {
    const params: Param[] = [];
    const where = options.proposalId ? 'WHERE proposal_id = ?' : '';
    if (options.proposalId) params.push(options.proposalId);
    const limit = options.limit === undefined ? '' : ` LIMIT ${Math.max(0, Math.floor(options.limit))}`;
    return (await this.db.all(`SELECT * FROM watch_alerts ${where} ORDER BY id DESC${limit}`, params)).map(toAlert);
  }

  async pendingDeliveries(): Promise<DeliveryRow[]> {
    const rows = await this.db.all(
      `SELECT a.*, d.target, d.state, d.attempts, d.error, d.delivered_at FROM watch_deliveries d JOIN watch_alerts a ON a.id = d.alert_id
       WHERE d.state = 'pending' ORDER BY a.id, d.target`);
    return rows.map((r) => ({
      alert: toAlert(r), target: String(r.target), state: 'pending', attempts: Number(r.attempts), error: str(r.error), deliveredAt: str(r.delivered_at),
    }));
  }

  async settleDelivery(alertId: number, target: string, outcome: { ok: true } | { ok: false; error: string; giveUp: boolean }): Promise<void> {
    if (outcome.ok) {
      await this.db.run("UPDATE watch_deliveries SET state = 'delivered', attempts = attempts + 1, error = NULL, delivered_at = ? WHERE alert_id = ? AND target = ?", [now(), alertId, target]);
    } else {
      await this.db.run('UPDATE watch_deliveries SET state = ?, attempts = attempts + 1, error = ? WHERE alert_id = ? AND target = ?',
        [outcome.giveUp ? 'failed' : 'pending', outcome.error, alertId, target]);
    }
  }
}
