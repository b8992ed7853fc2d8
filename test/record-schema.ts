// The analysis record of ../shared/spec/analysis-v1.md as a zod schema, to check what `analyze --json` prints.
import { z } from 'zod';

const span = z.object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() });
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable();
const key = z.string().regex(/^(country:[A-Z]{3}|org:[A-Z0-9]+|person:[a-z0-9-]+|group:[a-z0-9-]+)$/);

export const AnalysisRecordSchema = z.object({
  schema: z.literal('standpoint.analysis/1'),
  article: z.object({
    id: z.string().min(1),
    date,
    title: z.string().nullable(),
    url: z.string().nullable(),
    source: z.string().nullable(),
    file: z.string().nullable(),
    language: z.string().regex(/^[a-z]{2,3}$/),
    text: z.string(),
  }),
  actors: z.array(z.object({
    id: z.string(),
    key,
    kind: z.enum(['country', 'organization', 'person', 'group']),
    name: z.string(),
    role: z.string().nullable(),
    country: z.string().regex(/^[A-Z]{3}$/).nullable(),
    organization: z.string().nullable(),
    represents: key.nullable(),
    mentions: z.array(span),
  })),
  quotes: z.array(z.object({
    id: z.string(),
    kind: z.enum(['direct', 'partial', 'indirect']),
    start: z.number().int(),
    end: z.number().int(),
    text: z.string(),
    speaker: z.string().nullable(),
  })),
  proposals: z.array(z.object({
    id: z.string(),
    summary: z.string(),
    proposer: z.string().nullable(),
    body: z.string().nullable(),
    mentions: z.array(span),
    decision: z.object({
      outcome: z.enum(['adopted', 'rejected']),
      date: z.string().nullable(),
      for: z.number().int().nullable(),
      against: z.number().int().nullable(),
      abstain: z.number().int().nullable(),
      unanimous: z.boolean(),
      inferred: z.array(z.object({ holder: z.string(), name: z.string(), stance: z.enum(['support', 'oppose', 'undecided']) })),
      abstaining: z.array(z.string()),
      evidence: span,
    }).optional(),
  })),
  stances: z.array(z.object({
    holder: z.string(),
    proposal: z.string(),
    stance: z.enum(['support', 'oppose', 'undecided']),
    condition: z.string().nullable(),
    confidence: z.number().min(0).max(1),
    date,
    evidence: span,
    quote: z.string().nullable(),
  })),
  events: z.array(z.unknown()),
});

export type CheckedRecord = z.infer<typeof AnalysisRecordSchema>;

/** What the schema cannot say: offsets inside the text, quote text equal to its span, ids that resolve. */
export function recordInconsistencies(record: CheckedRecord): string[] {
  const out: string[] = [];
  const n = record.article.text.length;
  const inText = (s: { start: number; end: number }) => s.start <= s.end && s.end <= n;
  const actors = new Set(record.actors.map((a) => a.id));
  const quotes = new Set(record.quotes.map((q) => q.id));
  const proposals = new Set(record.proposals.map((p) => p.id));
  for (const a of record.actors) for (const m of a.mentions) if (!inText(m)) out.push(`actor ${a.id} mention outside the text`);
  for (const q of record.quotes) {
    if (!inText(q)) out.push(`quote ${q.id} outside the text`);
    else if (record.article.text.slice(q.start, q.end) !== q.text) out.push(`quote ${q.id} text differs from its span`);
    if (q.speaker !== null && !actors.has(q.speaker)) out.push(`quote ${q.id} speaker ${q.speaker} unknown`);
  }
  for (const p of record.proposals) {
    for (const m of p.mentions) if (!inText(m)) out.push(`proposal ${p.id} mention outside the text`);
    if (p.proposer !== null && !actors.has(p.proposer)) out.push(`proposal ${p.id} proposer unknown`);
    if (p.decision && !inText(p.decision.evidence)) out.push(`proposal ${p.id} decision evidence outside the text`);
  }
  for (const s of record.stances) {
    if (!actors.has(s.holder)) out.push(`stance holder ${s.holder} unknown`);
    if (!proposals.has(s.proposal)) out.push(`stance proposal ${s.proposal} unknown`);
    if (s.quote !== null && !quotes.has(s.quote)) out.push(`stance quote ${s.quote} unknown`);
    if (!inText(s.evidence)) out.push(`stance evidence outside the text`);
  }
  return out;
}
