// The readable report of one analysis record: proposals with their proposer, body and a table of stances, then quotes.
import type { AnalysisRecord, RecordActor, Span } from '../analyze/record.js';
import { sourceLabel } from '../ingest/source-label.js';

export { sourceLabel };

const EVIDENCE_CHARS = 110;
const QUOTE_CHARS = 160;
const CONDITION_CHARS = 50;

/** Collapses white space and cuts to `max` characters with an ellipsis. */
export function clip(s: string, max: number): string {
  const one = s.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

/** Rows as columns padded to their widest cell; the last column is left unpadded. */
export function table(rows: string[][], indent = '  '): string[] {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  return rows.map((r) => indent + r.map((cell, c) => (c === r.length - 1 ? cell : cell.padEnd(widths[c]))).join('  ').trimEnd());
}

/** "Kajsa Ollongren (person:kajsa-ollongren, for country:NLD)". */
function actorLabel(a: RecordActor | undefined): string {
  if (!a) return 'unknown';
  const forWhom = a.represents && a.represents !== a.key ? `, for ${a.represents}` : '';
  return `${a.name} (${a.key}${forWhom})`;
}


export function renderReport(record: AnalysisRecord): string {
  const { article } = record;
  const actors = new Map(record.actors.map((a) => [a.id, a]));
  const textOf = (s: Span) => article.text.slice(s.start, s.end);
  const out: string[] = [];
  out.push(`== ${sourceLabel(article.file, article.id)}`);
  if (article.title) out.push(`   ${article.title}`);
  out.push(`   date ${article.date ?? 'unknown'} · language ${article.language} · ${record.actors.length} actors · ${record.proposals.length} proposals · ${record.stances.length} stances · ${record.quotes.length} quotes`);
  out.push('');
  if (article.language !== 'en') {
    out.push(`   not analysed: the text is in "${article.language}", and the analyser reads English only.`, '');
    return out.join('\n');
  }
  if (record.proposals.length === 0) out.push('No proposals found.', '');
  for (const p of record.proposals) {
    out.push(`Proposal ${p.id}: ${p.summary}`);
    out.push(`  proposed by: ${p.proposer ? actorLabel(actors.get(p.proposer)) : 'unknown'}`);
    if (p.body) out.push(`  decided by:  ${p.body}`);
    const stances = record.stances.filter((s) => s.proposal === p.id);
    if (stances.length === 0) out.push('  no stances found');
    else {
      const rows = stances.map((s) => {
        const holder = actors.get(s.holder);
        const key = holder ? (holder.represents && holder.represents !== holder.key ? `${holder.key} → ${holder.represents}` : holder.key) : '?';
        const stance = s.condition ? `${s.stance} if ${clip(s.condition, CONDITION_CHARS)}` : s.stance;
        return [holder?.name ?? s.holder, key, stance, s.confidence.toFixed(2), s.date ?? '', clip(textOf(s.evidence), EVIDENCE_CHARS)];
      });
      out.push(...table([['HOLDER', 'KEY', 'STANCE', 'CONF', 'DATE', 'EVIDENCE'], ...rows]));
    }
    out.push('');
  }
  if (record.quotes.length) {
    out.push('Quotes');
    for (const q of record.quotes) {
      const speaker = q.speaker ? actorLabel(actors.get(q.speaker)) : 'unknown speaker';
      // Reported (indirect) speech is not the speaker's own words: no quotation marks.
      const words = q.kind === 'indirect' ? clip(q.text, QUOTE_CHARS) : `“${clip(q.text, QUOTE_CHARS)}”`;
      out.push(`  ${words} — ${speaker}, ${q.kind}`);
    }
    out.push('');
  }
  return out.join('\n');
}
