// Turns the finished document into the analysis record (spec/analysis-v1.md), numbering actors, quotes and proposals.
import type { Doc } from './doc.js';
import { SCHEMA, type AnalysisRecord, type RecordActor } from './record.js';

const round = (x: number) => Math.round(x * 1000) / 1000;

export function toRecord(doc: Doc): AnalysisRecord {
  const actorIds = new Map<number, string>();
  const actors: RecordActor[] = [];
  doc.actors.forEach((a, i) => {
    const id = `a${actors.length + 1}`;
    actorIds.set(i, id);
    const mentions = [...a.mentions]
      .sort((x, y) => x.start - y.start || x.end - y.end)
      .map((m) => ({ start: m.start, end: m.end }));
    actors.push({
      id, key: a.key, kind: a.kind, name: a.name, role: a.role, country: a.country,
      organization: a.organization, represents: a.represents, mentions,
    });
  });
  const quotes = doc.quotes.map((q, i) => ({
    id: `q${i + 1}`, kind: q.kind, start: q.start, end: q.end, text: doc.text.slice(q.start, q.end),
    speaker: q.speaker === null ? null : actorIds.get(q.speaker) ?? null,
  }));
  const proposals = doc.proposals.map((p, i) => ({
    id: `p${i + 1}`, key: p.key, summary: p.summary, proposer: p.proposer === null ? null : actorIds.get(p.proposer) ?? null,
    body: p.body, mentions: [...p.mentions].sort((x, y) => x.start - y.start).map((m) => ({ start: m.start, end: m.end })),
    ...(p.decision ? { decision: { ...p.decision, evidence: { start: p.decision.evidence.start, end: p.decision.evidence.end } } } : {}),
  }));
  // Counted on the layer, not on `proposals`: V8's compiled map() makes that a holey array, a kind this was not compiled for.
  const stances = doc.stances
    .filter((s) => actorIds.has(s.holder) && s.proposal < doc.proposals.length)
    .map((s) => ({
      holder: actorIds.get(s.holder)!, proposal: `p${s.proposal + 1}`, stance: s.stance, condition: s.condition,
      confidence: round(s.confidence), date: s.date, evidence: { start: s.evidence.start, end: s.evidence.end },
      quote: s.quote === null ? null : `q${s.quote + 1}`,
    }));
  return { schema: SCHEMA, article: doc.article, actors, quotes, proposals, stances, events: [] };
}
