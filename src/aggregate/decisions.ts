// The reported votes that decided a stored proposal: read from the analysis records of the articles that mention it.
import type { RecordDecision } from '../analyze/record.js';
import type { Store } from '../store/store.js';

export interface StoredDecision extends Omit<RecordDecision, 'evidence'> {
  articleId: string;
  /** The article's title, when it has one. */
  title: string | null;
  /** The sentence that reports the vote. */
  evidence: string;
}

/** The decisions reported for a proposal, the latest first (by date, undated last); none when no article reports one. */
export async function decisionsOf(store: Store, proposalId: string): Promise<StoredDecision[]> {
  const local = new Map<string, Set<string>>(); // article → local proposal ids ("p2") merged into this proposal
  for (const m of await store.mentions({ proposalId })) {
    const id = m.localId.split('.')[0];
    if (!local.has(m.articleId)) local.set(m.articleId, new Set());
    local.get(m.articleId)!.add(id);
  }
  const out: StoredDecision[] = [];
  for (const [articleId, ids] of local) {
    const record = await store.record(articleId);
    if (!record) continue;
    for (const p of record.proposals) {
      if (!ids.has(p.id) || !p.decision) continue;
      const { evidence, ...rest } = p.decision;
      out.push({ ...rest, articleId, title: record.article.title, evidence: record.article.text.slice(evidence.start, evidence.end) });
    }
  }
  return out.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.articleId.localeCompare(b.articleId));
}

/** "adopted on 2024-03-22, 13 for, 0 against, 2 abstaining" (the counts the article gives). */
export function decisionText(d: Pick<StoredDecision, 'outcome' | 'date' | 'for' | 'against' | 'abstain' | 'unanimous'>): string {
  const counts = [
    d.unanimous ? 'unanimously' : null,
    d.for !== null ? `${d.for} for` : null,
    d.against !== null ? `${d.against} against` : null,
    d.abstain !== null ? `${d.abstain} abstaining` : null,
  ].filter(Boolean);
  const verb = d.outcome === 'adopted' ? 'adopted' : 'failed';
  return `${verb}${d.date ? ` on ${d.date}` : ''}${counts.length ? `, ${counts.join(', ')}` : ''}`;
}
