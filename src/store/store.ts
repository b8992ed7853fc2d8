// The store's one interface: what every implementation (SQLite, PostgreSQL) keeps and answers.
import type { AnalysisRecord, RecordDecision, StanceLabel } from '../analyze/record.js';
import type { KnownPerson } from '../analyze/knowledge.js';
import type { Highlighted } from './search-query.js';

/** A canonical proposal as the aggregation sees it when matching a new article's proposals. */
export interface ProposalRow {
  id: string;
  key: string;
  summary: string;
  proposer: string | null; // holder key, e.g. country:POL
  body: string | null;
  firstSeen: string | null;
  lastSeen: string | null;
  terms: string[];
}

/** One dated observation of a holder's stance on a proposal, from one article. */
export interface ObservationRow {
  proposalId: string;
  holder: string; // the key the stance counts for (whom the actor represents)
  actor: string; // the key of the actor the text names (a minister, a country)
  stance: StanceLabel;
  condition: string | null;
  confidence: number;
  date: string | null;
  articleId: string;
  evidence: string;
  evidenceStart: number;
  evidenceEnd: number;
  quote: string | null;
}

export interface ProposalMentionRow {
  proposalId: string;
  articleId: string;
  localId: string;
  summary: string;
  text: string;
  start: number;
  end: number;
}

/**
 * A reported vote on a proposal, as an article's record gives it (its proposal's `decision`), kept at write time so that
 * reading a proposal's decisions reads no record. One row per record proposal with a decision and at least one mention
 * (the mentions say which stored proposal it joined); copies' too.
 */
export interface DecisionRow extends Omit<RecordDecision, 'evidence'> {
  proposalId: string;
  articleId: string;
  /** The record's proposal id ("p2"), and its place among the record's proposals. */
  localId: string;
  ordinal: number;
  /** The sentence that reports the vote, and where it is in the article's text. */
  evidence: string;
  evidenceStart: number;
  evidenceEnd: number;
}

/** A stored actor: what the analyser's knowledge holds of a person (or a country, organisation, group), and its kind. */
export interface ActorRow extends KnownPerson {
  kind: string;
}

export interface RoleRow { role: string | null; represents: string | null; date: string | null; articleId: string }

export interface QuoteRow {
  articleId: string;
  localId: string;
  kind: string;
  text: string;
  speaker: string | null; // actor key
  start: number;
  end: number;
}

/** Everything one article adds to the store, written atomically (in one transaction, or one savepoint of a batch). */
export interface ArticleWrite {
  record: AnalysisRecord;
  /** Normalised-content hash: the same content again is "known". */
  contentHash: string;
  /** MinHash signature (hex) for near-duplicate detection, and its LSH bands. */
  signature: string;
  bands: string[];
  /** Set when the article is a near-duplicate of a stored one: it is kept, but adds no observations. */
  copyOf: string | null;
  /** New canonical proposals, and updates (dates, proposer) of existing ones. */
  proposals: ProposalRow[];
  mentions: ProposalMentionRow[];
  observations: ObservationRow[];
  actors: ActorRow[];
  quotes: QuoteRow[];
  /** The votes the record reports on its proposals (decisionRows in record-article.ts). */
  decisions: DecisionRow[];
}

export type PutStatus = 'new' | 'known' | 'copy';

export interface ArticleRef {
  id: string;
  contentHash: string;
  date: string | null;
  signature: string;
  copyOf: string | null;
}

/** An analyst's label for a holder's stance on a proposal; it overrides the machine's and survives re-ingest. */
export interface Correction {
  id: number;
  /** The STANCE_ID: the position (proposal, holder) corrected. */
  stanceId: number;
  proposalId: string;
  holder: string;
  stance: StanceLabel;
  note: string | null;
  author: string;
  createdAt: string;
}

/** What an analyst did: each is one audited edit row; `undo` reverts an earlier edit and is audited itself. */
export type EditAction =
  | 'set-stance' | 'add-stance' | 'delete-stance' | 'reassign-stance'
  | 'merge-proposals' | 'split-proposal' | 'rename-proposal' | 'undo';

/**
 * One analyst action, kept forever (undoing marks it `undoneBy` and adds an `undo` edit). `target` names what was edited
 * (a STANCE_ID, a proposal id, an edit id), `before` and `after` are JSON values saying what the action changed.
 */
export interface EditRow {
  id: number;
  action: EditAction;
  target: string;
  before: unknown;
  after: unknown;
  author: string;
  note: string | null;
  createdAt: string;
  /** The id of the `undo` edit that reverted this one, or null while it holds. */
  undoneBy: number | null;
}

/** A new edit, and the rows it needs created with it in the same transaction (positions for its stances, a split's proposal). */
export interface NewEdit {
  action: Exclude<EditAction, 'undo'>;
  target: string;
  before: unknown;
  after: unknown;
  author: string;
  note: string | null;
  /** Positions (proposal, holder) to create when missing, so that the edited stance has a STANCE_ID. */
  positions?: Array<[string, string]>;
  /** A proposal to create (a split's new proposal): a row with no terms, so new articles are matched to it only through its source. */
  proposal?: ProposalRow;
}

/** An observation with its row id (the id `proposal split --observations` takes). */
export interface NumberedObservation extends ObservationRow { id: number }

export interface ArticleRow {
  id: string;
  date: string | null;
  title: string | null;
  url: string | null;
  source: string | null;
  file: string | null;
  language: string;
  copyOf: string | null;
}

/**
 * The machine's current stance of a position (corrections not applied), kept up to date as articles are written: the fold
 * of its observations (copies left out) defined in current-stance.ts. `date` … `articleId` are those of the observation
 * that stands for the stance; `confidence` is not rounded.
 */
export interface MachineStance {
  stance: StanceLabel;
  confidence: number;
  date: string | null;
  condition: string | null;
  observations: number;
  evidence: string;
  quote: string | null;
  articleId: string;
}

/** A position: one per proposal and holder, with a stable STANCE_ID; `current` is null while only copies observed it. */
export interface PositionRow { id: number; proposalId: string; holder: string; current: MachineStance | null }

/** How many observations of a proposal (copies left out) a holder has on a date (null: undated) with a stance. */
export interface ObservationPoint { holder: string; date: string | null; stance: StanceLabel; observations: number }

/** A canonical proposal with the number of distinct source articles (near-duplicates not counted), kept at write time. */
export interface ProposalWithCount extends ProposalRow {
  articles: number;
}

export interface ProposalQuery { limit?: number; offset?: number; q?: string; body?: string; proposer?: string }

/** The rows `page` reads, by kind. */
export interface PageRows {
  proposals: ProposalWithCount;
  articles: ArticleRow;
  actors: ActorRow;
  quotes: QuoteRow;
  /** Copies left out, as `observations` reads them. */
  observations: ObservationRow;
  /** Where articles mention proposals, by article and local id. */
  mentions: ProposalMentionRow;
}
export type PageKind = keyof PageRows;

/** One page of rows and the cursor of the page after it (null after the last page). */
export interface Page<T> { rows: T[]; next: string | null }

/** An article as stored, for `standpoint check`: its row, text and record as kept, and the rows it added (copies' too). */
export interface StoredArticle {
  row: ArticleRow;
  contentHash: string;
  signature: string;
  text: string;
  /** The record, its text put back; null when it does not parse, with why in `recordError`. */
  record: AnalysisRecord | null;
  recordError: string | null;
  quotes: QuoteRow[];
  mentions: ProposalMentionRow[];
  observations: ObservationRow[];
  decisions: DecisionRow[];
}

/** What `search` looks in, and the filters every kind of hit is narrowed by (all optional; dates YYYY-MM-DD, inclusive). */
export interface SearchQuery {
  /** Words, "phrases", OR, -exclusions (search-query.ts). */
  q: string;
  /** A holder or speaker key: proposals it proposed or holds a stance on, its quotes (and those of people speaking for it), articles reporting it. */
  actor?: string;
  /** A deciding body's key (org:NATO): its proposals, and quotes and articles that mention one. */
  body?: string;
  /** Proposals where a holder (the actor, if given) stands so now, corrections applied; quotes and articles reporting that stance. */
  stance?: string;
  since?: string;
  until?: string;
  /** An article's source (outlet), compared without case. */
  source?: string;
  /** Hits of each kind, at most (default 20). */
  limit?: number;
}

/** A proposal that matches, its summary with the matched words. */
export interface ProposalHit { proposal: ProposalWithCount; summary: Highlighted }
/** A quote that matches, with its article's date, title and source. */
export interface QuoteHit { quote: QuoteRow; article: ArticleRow; text: Highlighted }
/** An article that matches (copies left out): its title, and a snippet of its text, with the matched words. */
export interface ArticleHit { article: ArticleRow; title: Highlighted | null; snippet: Highlighted }

/** Each kind's hits, best first, and whether there were more than `limit`. */
export interface SearchResult {
  proposals: ProposalHit[];
  quotes: QuoteHit[];
  articles: ArticleHit[];
  more: { proposals: boolean; quotes: boolean; articles: boolean };
}

export interface Counts { articles: number; copies: number; proposals: number; observations: number; actors: number; corrections: number; edits: number }

/** A watched feed's validators for conditional GET, and how its last poll went. */
export interface FeedStateRow {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** When it was last polled, and last read whole (ISO times). */
  checkedAt: string | null;
  okAt: string | null;
  /** Why the last poll failed; null when it was read. */
  error: string | null;
}

/** pending: met, its page not stored yet; done: its article stored; skipped: its page does not match the feed's keywords; failed: given up on. */
export type WatchItemState = 'pending' | 'done' | 'skipped' | 'failed';

/** A feed item met by the watcher, by the URL of its page. */
export interface WatchItemRow {
  url: string;
  feedUrl: string;
  title: string | null;
  published: string | null;
  /** Whether the feed's own text (title, summary, categories) matched its keywords: false leaves the page's text to decide. */
  matched: boolean;
  state: WatchItemState;
  articleId: string | null;
  attempts: number;
  error: string | null;
  /** Whether the alerts its article may raise were looked for. */
  alerted: boolean;
}

export type AlertKind = 'new-stance' | 'stance-changed' | 'outlook-changed';

/** A change on a followed proposal, as the watcher raised it. */
export interface AlertRow {
  id: number;
  kind: AlertKind;
  proposalId: string;
  /** The holder whose stance is new or changed; null for an outlook. */
  holder: string | null;
  oldValue: string | null;
  newValue: string;
  articleId: string | null;
  /** What else the alert says (names, summary, evidence, the article's title and URL), as sent. */
  detail: Record<string, unknown>;
  createdAt: string;
}

export type NewAlert = Omit<AlertRow, 'id' | 'createdAt'>;

/** One alert to send to one webhook, with the attempts made so far. */
export interface DeliveryRow { alert: AlertRow; target: string; state: 'pending' | 'delivered' | 'failed'; attempts: number; error: string | null; deliveredAt: string | null }

/** The watcher's state, kept in the store so that a restart resumes where it stopped (see src/watch). */
export interface WatchState {
  feed(url: string): Promise<FeedStateRow | null>;
  saveFeed(row: FeedStateRow): Promise<void>;
  /** Records items not met before as pending (those met already are left as they are); returns how many were new. */
  addItems(items: Array<Pick<WatchItemRow, 'url' | 'feedUrl' | 'title' | 'published' | 'matched'>>): Promise<number>;
  /** Items by URL, or in a state (oldest met first), or done and not yet looked at for alerts. */
  items(filter: { urls?: string[]; state?: WatchItemState; unalerted?: boolean; limit?: number }): Promise<WatchItemRow[]>;
  /**
   * What came of an item: done with its article (write it in the group that stores the article, so that one is never
   * without the other), skipped, or a failure: counted, and the item given up on (`failed`) when `giveUp`.
   */
  settleItem(url: string, outcome: { state: 'done'; articleId: string } | { state: 'skipped'; error: string } | { state: 'failed'; error: string; giveUp: boolean }): Promise<void>;
  /** The values alerts were last raised for: a stance by proposal and holder, an outlook with holder ''. */
  known(proposalIds: string[]): Promise<Array<{ proposalId: string; holder: string; value: string }>>;
  /**
   * In one transaction: the alerts, one pending delivery of each to every target, the known values they leave, and the
   * items marked looked at. Returns the alerts as stored.
   */
  raiseAlerts(input: { alerts: NewAlert[]; targets: string[]; known: Array<{ proposalId: string; holder: string; value: string }>; itemUrls: string[] }): Promise<AlertRow[]>;
  /** Alerts, newest first. */
  alerts(options?: { limit?: number; proposalId?: string }): Promise<AlertRow[]>;
  /** Deliveries still pending, oldest alert first. */
  pendingDeliveries(): Promise<DeliveryRow[]>;
  /** Records an attempt to deliver: delivered, or failed (given up on when `giveUp`). */
  settleDelivery(alertId: number, target: string, outcome: { ok: true } | { ok: false; error: string; giveUp: boolean }): Promise<void>;
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** The feed watcher's state. */
  readonly watch: WatchState;
  /** Looks an article up by its id or its content hash. */
  findArticle(idOrHash: string): Promise<ArticleRef | null>;
  /** Stored articles sharing at least one near-duplicate band. */
  articlesWithBands(bands: string[]): Promise<ArticleRef[]>;
  /** Canonical proposals sharing most terms with the given ones (at most a few dozen), last seen on or after `seenSince`. */
  proposalsWithTerms(terms: string[], seenSince?: string | null): Promise<ProposalRow[]>;
  /**
   * Writes one article and all it adds, atomically; "known" (and nothing written) when its content is stored already.
   * Unless the article is a copy, it also folds its observations into their positions and counts it for its proposals.
   */
  writeArticle(write: ArticleWrite): Promise<PutStatus>;
  /**
   * Runs fn holding the one writer lock of the store (PostgreSQL: an advisory lock shared by every process;
   * SQLite: within this process). Plan and write an article inside it when several writers share a store.
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * Runs fn with the articles it writes grouped into one transaction: one commit for many articles (on PostgreSQL the
   * group holds the writer lock until it commits). Each writeArticle inside stays atomic: one that fails is undone
   * alone, and reads see the writes before them. Count a write inside as stored only once batch resolves: if the
   * group's commit fails, batch rejects and nothing written inside is stored. Whatever else is written through the
   * store while fn runs joins the group.
   */
  batch<T>(fn: () => Promise<T>): Promise<T>;
  /**
   * People learned so far, for the analyser's knowledge: those whose rows changed after write number `after` (-1: every
   * person), and the number of the last write among them (`after` when none): what to tell an analyser that knew the
   * store up to `after`.
   */
  peopleSince(after: number): Promise<{ people: KnownPerson[]; seq: number }>;
  actor(key: string): Promise<ActorRow | null>;
  /** A person's roles over time, as articles reported them, oldest first. */
  roles(key: string): Promise<RoleRow[]>;
  /** All actors, or those with the given keys. */
  actors(keys?: string[]): Promise<ActorRow[]>;
  /** Proposals, most recently seen first (all of them unless `limit`); `q` filters on summary and key, `body` and `proposer` on those keys. */
  proposals(options?: ProposalQuery): Promise<ProposalWithCount[]>;
  proposal(id: string): Promise<ProposalWithCount | null>;
  observations(filter: { proposalIds?: string[]; holder?: string; actor?: string }): Promise<ObservationRow[]>;
  /** The positions of some proposals, or one by id, with their current stance: no observation is read. */
  positions(filter: { proposalIds?: string[]; id?: number }): Promise<PositionRow[]>;
  /** Records an analyst's label; every correction is kept with its author and time. */
  addCorrection(input: { stanceId: number; stance: StanceLabel; note: string | null; author: string }): Promise<Correction>;
  corrections(filter: { proposalIds?: string[]; holder?: string }): Promise<Correction[]>;
  /**
   * Writes an analyst's edit, with the positions and proposal it needs, in one transaction; returns the row. The caller has
   * checked every id it names (aggregate/edit-actions.ts).
   */
  addEdit(edit: NewEdit): Promise<EditRow>;
  /**
   * Reverts edit `id` (not an undo, not undone yet): adds an `undo` edit and marks the edit undone by it, atomically.
   * A missing edit is `not-found`; an undo, or an edit undone already, is `bad-input`.
   */
  undoEdit(id: number, by: { author: string; note: string | null }): Promise<EditRow>;
  /** Edits, oldest first: all, those with these ids, or those made at or after `since` (ISO time). */
  edits(filter?: { ids?: number[]; since?: string }): Promise<EditRow[]>;
  /** Observations (copies left out) with their row ids: of some proposals, with some ids, or from some articles. */
  numberedObservations(filter: { proposalIds?: string[]; ids?: number[]; articleIds?: string[] }): Promise<NumberedObservation[]>;
  /**
   * The newest observations of one proposal (copies left out), at most `limit`: by date, newest first and undated last,
   * then the last stored first. Reads only those rows.
   */
  newestObservations(proposalId: string, limit: number): Promise<NumberedObservation[]>;
  /** How the observations of one proposal (copies left out) fall by holder, date and stance, in no particular order. */
  observationPoints(proposalId: string): Promise<ObservationPoint[]>;
  /** Positions of one holder (every proposal), as `positions` reads them. */
  positionsOfHolder(holder: string): Promise<PositionRow[]>;
  /** Articles stored at or after an ISO time (ingested, not reported), oldest first, with when they were stored. */
  articlesStoredSince(since: string): Promise<Array<ArticleRow & { storedAt: string }>>;
  /** When the store first learned of each proposal: the earliest storing time of an article mentioning it (copies too). */
  proposalsStoredAt(ids: string[]): Promise<Map<string, string>>;
  /** Articles, newest first (all of them unless `limit`). */
  articles(options?: { limit?: number; offset?: number }): Promise<ArticleRow[]>;
  /** The stored articles with these ids (in no particular order). */
  articlesByIds(ids: string[]): Promise<ArticleRow[]>;
  /** Where proposals are mentioned: in one article, or of one proposal (newest articles first; all unless `limit`). */
  mentions(filter: { articleId?: string; proposalId?: string; limit?: number }): Promise<ProposalMentionRow[]>;
  /**
   * The decisions (reported votes) kept for some proposals, copies' included, with their article's title; in no
   * particular order. No record is read.
   */
  decisions(filter: { proposalIds: string[] }): Promise<Array<DecisionRow & { title: string | null }>>;
  /** The stored analysis record of an article, whole (its text is kept once, in the article's row, and put back). */
  record(articleId: string): Promise<AnalysisRecord | null>;
  /** Quotes (all of them unless `limit`); `q` finds a text in them. */
  quotes(filter?: { speaker?: string; articleId?: string; q?: string; limit?: number }): Promise<QuoteRow[]>;
  /**
   * Full-text search over proposals (summary), quotes and articles (title, text), with the matched words marked, narrowed
   * by the filters (SQLite FTS5; PostgreSQL full text). A query with no word to find is bad input.
   */
  search(query: SearchQuery): Promise<SearchResult>;
  /**
   * Every row of a kind, a page at a time, in the order of a unique key that never changes (proposals and articles by id,
   * actors by key, quotes and mentions by article and local id, observations by id): keyset paging, so that no row is read twice or
   * missed while other processes write. `after` is the `next` of the page before, null for the first page.
   */
  page<K extends PageKind>(kind: K, after: string | null, limit: number): Promise<Page<PageRows[K]>>;
  /** Stored articles whole, by id, a page at a time (as `page`), for checking them against their rows. */
  storedArticles(after: string | null, limit: number): Promise<Page<StoredArticle>>;
  /**
   * The store's own checks: the database engine's (SQLite: integrity and foreign keys) and each position's kept state
   * against its columns. One line per problem; none when sound.
   */
  integrity(): Promise<string[]>;
  counts(): Promise<Counts>;
  close(): Promise<void>;
}

/** Errors the store raises, with a code a caller can act on. */
export class StoreError extends Error {
  constructor(readonly code: 'not-found' | 'bad-input' | 'connection' | 'migration', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreError';
  }
}
