// Builds small analysis records by hand for the store and aggregation tests.
import { createHash } from 'node:crypto';
import { SCHEMA, type AnalysisRecord, type RecordActor, type RecordDecision, type StanceLabel } from '../analyze/record.js';

/** A reported vote on a proposal: `evidence` a substring of the text (the whole text by default); counts null unless given. */
export type DecisionSpec = Partial<Omit<RecordDecision, 'evidence'>> & { evidence?: string };

/** A stance: `date` null for an undated one (else the article's date); `evidence` and `condition` are substrings of the text. */
export interface StanceSpec { holder: string; stance: StanceLabel; on?: string; confidence?: number; date?: string | null; evidence?: string; condition?: string }

/**
 * A record whose text is the given sentences; actors are declared by key ("country:NLD", or
 * "person:jan-smit=country:NLD" for a person representing a country), proposals by key and summary.
 */
export function makeRecord(opts: {
  date: string | null;
  text: string;
  actors: string[];
  proposals: Array<{ key: string; summary: string; proposer?: string; body?: string; decision?: DecisionSpec; mentions?: number }>;
  stances: StanceSpec[];
  quotes?: Array<{ text: string; speaker: string }>;
}): AnalysisRecord {
  const actors: RecordActor[] = opts.actors.map((spec, i) => {
    const [key, represents] = spec.split('=');
    const kind = key.startsWith('country:') ? 'country' : key.startsWith('org:') ? 'organization' : key.startsWith('person:') ? 'person' : 'group';
    const name = key.slice(key.indexOf(':') + 1).split('-').map((w) => w[0].toUpperCase() + w.slice(1)).join(' ');
    const at = Math.max(0, opts.text.indexOf(name.split(' ').pop() ?? name));
    return {
      id: `a${i + 1}`, key, kind, name, role: kind === 'person' ? 'minister' : null,
      country: represents?.startsWith('country:') ? represents.slice(8) : kind === 'country' ? key.slice(8) : null,
      organization: null, represents: represents ?? (kind === 'person' ? null : key), mentions: [{ start: at, end: at + 3 }],
    };
  });
  const span = (t: string | undefined) => {
    const start = t ? opts.text.indexOf(t) : -1;
    return start < 0 ? { start: 0, end: Math.min(20, opts.text.length) } : { start, end: start + t!.length };
  };
  const actorId = (key: string) => actors.find((a) => a.key === key)?.id ?? null;
  const proposals = opts.proposals.map((p, i) => {
    const at = Math.max(0, opts.text.indexOf(p.summary.split(' ')[0]));
    const d = p.decision;
    const decision: RecordDecision | undefined = d && {
      outcome: d.outcome ?? 'adopted', date: d.date === undefined ? opts.date : d.date, for: d.for ?? null, against: d.against ?? null, abstain: d.abstain ?? null,
      unanimous: d.unanimous ?? false, inferred: d.inferred ?? [], abstaining: d.abstaining ?? [], evidence: span(d.evidence ?? opts.text),
    };
    return {
      id: `p${i + 1}`, key: p.key, summary: p.summary, proposer: p.proposer ? actorId(p.proposer) : null, body: p.body ?? null,
      mentions: Array.from({ length: p.mentions ?? 1 }, () => ({ start: at, end: at + 5 })), ...(decision ? { decision } : {}),
    };
  });
  const quotes = (opts.quotes ?? []).map((q, i) => {
    const start = opts.text.indexOf(q.text);
    return { id: `q${i + 1}`, kind: 'direct' as const, start, end: start + q.text.length, text: q.text, speaker: actorId(q.speaker) };
  });
  const stances = opts.stances.map((s) => ({
    holder: actorId(s.holder)!, proposal: proposals.find((p) => p.key === (s.on ?? opts.proposals[0].key))!.id, stance: s.stance,
    condition: s.condition ?? null, confidence: s.confidence ?? 0.8, date: s.date === undefined ? opts.date : s.date,
    evidence: span(s.evidence), quote: null,
  }));
  return {
    schema: SCHEMA,
    article: { id: createHash('sha256').update(opts.text).digest('hex').slice(0, 16), date: opts.date, title: null, url: null, source: null, file: null, language: 'en', text: opts.text },
    actors, quotes, proposals, stances, events: [],
  };
}
