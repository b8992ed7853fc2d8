// Sends alerts to the watch list's webhooks: JSON bodies signed with HMAC-SHA256, retried with backoff, each delivery recorded in the store.
import { createHmac } from 'node:crypto';
import type { AlertRow, Store } from '../store/store.js';
import type { WatchList } from './watch-list.js';

/** A delivery still failing after this many attempts, over all polls, is given up on. */
export const MAX_DELIVERY_ATTEMPTS = 20;
const TIMEOUT_MS = 10_000;

/** The header value that signs a body: `sha256=` and the hex HMAC-SHA256 of the body's bytes under the webhook's secret. */
export function signature(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** The JSON a webhook receives for an alert. */
export function alertBody(a: AlertRow): string {
  return JSON.stringify({
    ...a.detail, id: a.id, kind: a.kind, proposalId: a.proposalId, holder: a.holder, oldValue: a.oldValue, newValue: a.newValue,
    articleId: a.articleId, createdAt: a.createdAt,
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

export interface DeliveryOptions { userAgent: string; report?: (line: string) => void }

/**
 * Sends every pending delivery, oldest alert first: each POSTed up to 1 + polite.retries times, waiting polite.backoff,
 * then twice as long…; each attempt recorded. A webhook that fails all its tries is left for the next poll (its other
 * alerts too, in order). A delivery is recorded as done right after its 2xx answer: a receiver may see an alert twice
 * only if the watcher dies between the two, and the `id` (and X-Standpoint-Delivery) tells it so.
 */
export async function deliverAlerts(store: Store, list: WatchList, options: DeliveryOptions): Promise<{ delivered: number; failed: number }> {
  const out = { delivered: 0, failed: 0 };
  const down = new Set<string>();
  for (const d of await store.watch.pendingDeliveries()) {
    if (down.has(d.target)) continue;
    const hook = list.webhooks.find((w) => w.url === d.target);
    if (!hook) {
      await store.watch.settleDelivery(d.alert.id, d.target, { ok: false, error: 'the webhook is no longer in the watch list', giveUp: true });
      continue;
    }
    const body = alertBody(d.alert);
    const headers = {
      'content-type': 'application/json', 'user-agent': options.userAgent, 'x-standpoint-event': d.alert.kind,
      'x-standpoint-delivery': String(d.alert.id), 'x-standpoint-signature': signature(hook.secret, body),
    };
    let attempts = d.attempts;
    for (let tried = 0; ; tried++) {
      let error: string;
      try {
        const res = await fetch(hook.url, { method: 'POST', headers, body, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'error' });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) {
          await store.watch.settleDelivery(d.alert.id, d.target, { ok: true });
          out.delivered++;
          break;
        }
        error = `HTTP ${res.status}`;
      } catch (err) {
        error = (err as Error).message;
      }
      attempts++;
      const giveUp = attempts >= MAX_DELIVERY_ATTEMPTS;
      await store.watch.settleDelivery(d.alert.id, d.target, { ok: false, error, giveUp });
      if (giveUp || tried >= list.polite.retries) {
        out.failed++;
        down.add(d.target);
        options.report?.(`webhook ${hook.url}: alert ${d.alert.id} not delivered: ${error}${giveUp ? ` (given up after ${attempts} attempts)` : ' (tried again at the next poll)'}`);
        break;
      }
      await sleep(list.polite.backoff * 2 ** tried);
    }
  }
  return out;
}
