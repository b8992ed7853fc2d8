// The reported votes that decided a stored proposal: kept at write time from the records of the articles that mention it.
import type { RecordDecision } from '../analyze/record.js';
import type { Store } from '../store/store.js';

export interface StoredDecision extends Omit<RecordDecision, 'evidence'> {
  articleId: string;
  /** The article's title, when it has one. */
  title: string | null;
  /** The sentence that reports the vote. */
  evidence: string;
}

/**
 * The decisions reported for a proposal, the latest first (by date, undated last; then by article id and the order of
 * the record's proposals); none when no article reports one. Read from the store's decision rows, no record parsed.
 */
export async function decisionsOf(store: Store, proposalId: string): Promise<StoredDecision[]> {
  const rows = await store.decisions({ proposalIds: [proposalId] });
  rows.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.articleId.localeCompare(b.articleId) || a.ordinal - b.ordinal);
  return rows.map((d) => ({
    outcome: d.outcome, date: d.date, for: d.for, against: d.against, abstain: d.abstain, unanimous: d.unanimous, inferred: d.inferred,
    abstaining: d.abstaining, articleId: d.articleId, title: d.title, evidence: d.evidence,
  }));
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
