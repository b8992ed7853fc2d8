// Alerts: after a poll, the followed proposals its articles touched are compared with what alerts were last raised for.
import { positionsOf, type Position } from '../aggregate/positions.js';
import { outlookOfPositions } from '../institutions/proposal-outlook.js';
import { groupBy } from '../store/group-by.js';
import type { AlertRow, NewAlert, ProposalWithCount, Store } from '../store/store.js';
import type { WatchList } from './watch-list.js';

/** Whether the watch list follows a proposal: no `follow` follows all; else its id, its key, or words of its summary. */
export function follows(follow: readonly string[], p: Pick<ProposalWithCount, 'id' | 'key' | 'summary'>): boolean {
  if (!follow.length) return true;
  const summary = p.summary.toLowerCase();
  return follow.some((f) => f === p.id || f === p.key || summary.includes(f.toLowerCase()));
}

const pair = (proposalId: string, holder: string) => `${proposalId}\u0000${holder}`;

/** The outlook's status ('passes', 'blocked', 'open') and who blocks, or null when the proposal names no body an outlook knows. */
function outlookOf(p: ProposalWithCount, positions: Position[]): { status: string; blockers: string[]; needs: string[] } | null {
  try {
    const { outlook } = outlookOfPositions(p, positions);
    return { status: outlook.status, blockers: outlook.blockers, needs: outlook.needs };
  } catch {
    return null;
  }
}

/**
 * Raises the alerts the articles stored since the last look give: for each followed proposal they mention, a holder with
 * a stance for the first time (`new-stance`), a holder whose stance is not the one last alerted (`stance-changed`), an
 * outlook not the one last seen (`outlook-changed`; the first outlook seen raises none). The alerts, a delivery of each
 * to every webhook, the values they leave and the items looked at are stored in one transaction: after a restart the
 * same change is not raised twice.
 */
export async function raiseAlerts(store: Store, list: WatchList): Promise<AlertRow[]> {
  const items = await store.watch.items({ unalerted: true });
  if (!items.length) return [];
  const articleIds = [...new Set(items.map((i) => i.articleId).filter((a): a is string => !!a))];
  const touched = new Set<string>();
  for (const id of articleIds) for (const m of await store.mentions({ articleId: id })) touched.add(m.proposalId);
  const proposals = (await Promise.all([...touched].sort().map((id) => store.proposal(id))))
    .filter((p): p is ProposalWithCount => !!p && follows(list.follow, p));
  const ids = proposals.map((p) => p.id);
  const positions = groupBy(await positionsOf(store, ids), (p) => p.proposal);
  const known = new Map((await store.watch.known(ids)).map((k) => [pair(k.proposalId, k.holder), k.value]));
  const evidence = [...new Set([...positions.values()].flat().map((p) => p.article).filter((a): a is string => a !== null))];
  const articles = new Map((await store.articlesByIds(evidence)).map((a) => [a.id, a]));
  const alerts: NewAlert[] = [];
  const values: Array<{ proposalId: string; holder: string; value: string }> = [];
  for (const p of proposals) {
    const list = positions.get(p.id) ?? [];
    const proposal = { id: p.id, key: p.key, summary: p.summary, proposer: p.proposer, body: p.body };
    for (const pos of list) {
      const before = known.get(pair(p.id, pos.holder)) ?? null;
      values.push({ proposalId: p.id, holder: pos.holder, value: pos.stance });
      if (before === pos.stance) continue;
      const a = pos.article === null ? undefined : articles.get(pos.article);
      alerts.push({
        kind: before === null ? 'new-stance' : 'stance-changed', proposalId: p.id, holder: pos.holder, oldValue: before, newValue: pos.stance, articleId: pos.article,
        detail: {
          proposal, holderName: pos.name, stanceId: pos.id, date: pos.date, confidence: pos.confidence, condition: pos.condition,
          evidence: pos.evidence, quote: pos.quote, corrected: pos.corrected, article: a ? { id: a.id, title: a.title, url: a.url, source: a.source, date: a.date } : { id: pos.article },
        },
      });
    }
    const outlook = outlookOf(p, list);
    if (!outlook) continue;
    const before = known.get(pair(p.id, '')) ?? null;
    values.push({ proposalId: p.id, holder: '', value: outlook.status });
    if (before !== null && before !== outlook.status) {
      alerts.push({ kind: 'outlook-changed', proposalId: p.id, holder: null, oldValue: before, newValue: outlook.status, articleId: null, detail: { proposal, outlook } });
    }
  }
  return store.watch.raiseAlerts({ alerts, targets: list.webhooks.map((w) => w.url), known: values, itemUrls: items.map((i) => i.url) });
}
