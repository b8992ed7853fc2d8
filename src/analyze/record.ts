// The analysis record, version 1 (../shared/spec/analysis-v1.md): the contract between the analyser and everything downstream.

export const SCHEMA = 'standpoint.analysis/1';

export interface Span { start: number; end: number }

/** One news report, as read by ingest and given to the analyser. */
export interface Article {
  id: string;
  date: string | null; // YYYY-MM-DD
  title: string | null;
  url: string | null;
  source: string | null;
  file: string | null;
  language: string; // ISO 639-1
  text: string;
}

export type ActorKind = 'country' | 'organization' | 'person' | 'group';

export interface RecordActor {
  id: string;
  key: string;
  kind: ActorKind;
  name: string;
  role: string | null;
  country: string | null;
  organization: string | null;
  represents: string | null;
  mentions: Span[];
}

export type QuoteKind = 'direct' | 'partial' | 'indirect';

export interface RecordQuote {
  id: string;
  kind: QuoteKind;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
}

export interface RecordProposal {
  id: string;
  /** Added field (allowed by the spec): a slug of what is proposed, e.g. "peacekeeping-mission-ukraine". */
  key: string;
  summary: string;
  proposer: string | null;
  body: string | null;
  mentions: Span[];
  /** Added field (allowed by the spec): the reported vote that decided it, when the article reports one (votes stage). */
  decision?: RecordDecision;
}

/** A reported vote on a proposal: adopted or failed, when (the article's date), and the counts the article gives. */
export interface RecordDecision {
  outcome: 'adopted' | 'rejected';
  date: string | null;
  for: number | null;
  against: number | null;
  abstain: number | null;
  unanimous: boolean;
  /**
   * Members of the body the vote names no stance for whose vote the count leaves no doubt about, with the body's
   * roster on the date ("13–0 with the United Kingdom and Russia abstaining": the 13 others voted for). Holder keys.
   * Named members' votes are stances of the record.
   */
  inferred: Array<{ holder: string; name: string; stance: StanceLabel }>;
  /** Holder keys of the members the sentence names as abstaining (their stances say `undecided`; an outlook counts an abstention). */
  abstaining: string[];
  /** The sentence that reports the vote. */
  evidence: Span;
}

export type StanceLabel = 'support' | 'oppose' | 'undecided';

export interface RecordStance {
  holder: string;
  proposal: string;
  stance: StanceLabel;
  condition: string | null;
  confidence: number;
  date: string | null;
  evidence: Span;
  quote: string | null;
}

export interface AnalysisRecord {
  schema: typeof SCHEMA;
  article: Article;
  actors: RecordActor[];
  quotes: RecordQuote[];
  proposals: RecordProposal[];
  stances: RecordStance[];
  events: unknown[];
}
