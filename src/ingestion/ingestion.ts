// The one way articles become stored analyses: knowledge read from the store, analysis (here or in worker threads), writing.
import type { AnalysisResult } from '../analyze/index.js';
import type { Knowledge, KnownPerson } from '../analyze/knowledge.js';
import type { Article } from '../analyze/record.js';
import { recordArticle } from '../aggregate/record-article.js';
import type { PutStatus, Store } from '../store/store.js';
import { KnowledgeLag } from '../workers/knowledge-lag.js';
import { KnowledgeLog } from '../workers/knowledge-log.js';
import type { AnalyzerPool, PoolResult } from '../workers/pool.js';
import { RecordingKnowledge } from '../workers/recording-knowledge.js';

export interface IngestionOptions {
  /** Analyser worker threads to analyse in (none: in this thread). The caller owns it and closes it. */
  pool?: AnalyzerPool | null;
  /**
   * How many of the articles just before it each article is analysed without (default 0: it sees what every article
   * stored before it taught). With a lag, workers analyse ahead without ever analysing an article twice.
   */
  knowledgeLag?: number;
}

/** What writing one analysed article came to. */
export interface Written extends AnalysisResult { status: PutStatus }

type Analyse = (article: Article, knowledge: Knowledge) => AnalysisResult;

/**
 * Every entry that stores articles (`ingest`, `POST /api/articles`, `standpoint worker`, a feed watcher) goes through
 * this, so that the store is a function of the articles and the order they are written in, and of nothing else: not
 * the entry, the driver, the number of threads, or where a batch was interrupted and run again.
 *
 * The rule: each article is analysed with the people the store holds when the article is written (with a knowledge
 * lag of n, as it held them n writes before). Knowledge is read from the store, whole at the start and then what
 * changed since (other processes' writes included), at the start of each group of writes and after each write; what a
 * person means does not depend on the order people were learnt in (KnowledgeBuilder). An analysis made ahead (in a
 * worker, or before the group began) is checked when its turn to be written comes, and made again when a person it
 * looked up has changed since.
 */
export class Ingestion {
  private readonly log = new KnowledgeLog();
  /** The number of the last write whose people are known (store.peopleSince). */
  private seq = -1;
  private readonly lagging: KnowledgeLag<object>;
  /** Whether people learnt from writes of the open group were passed on: they are undone if the group is. */
  private taughtInGroup = false;
  private here: Analyse | null = null;
  /** Groups run one after another (requests of a server may ask at once). */
  private groups: Promise<unknown> = Promise.resolve();
  /** Articles analysed again because someone they looked up changed after they were analysed. */
  reanalysed = 0;

  private constructor(readonly store: Store, private readonly pool: AnalyzerPool | null, readonly lag: number) {
    this.lagging = new KnowledgeLag<object>(lag, (people) => this.teach(people));
  }

  /** Reads what the store knows of people; loads the analyser in this thread when there is no pool. */
  static async open(store: Store, options: IngestionOptions = {}): Promise<Ingestion> {
    const ingestion = new Ingestion(store, options.pool ?? null, options.knowledgeLag ?? 0);
    if (!ingestion.pool) ingestion.here = (await import('../analyze/index.js')).analyze;
    const { people, seq } = await store.peopleSince(-1);
    ingestion.seq = seq;
    ingestion.teach(people);
    return ingestion;
  }

  private teach(people: KnownPerson[]): void {
    if (!people.length) return;
    this.log.learn(people);
    this.pool?.learn(people, this.log.version);
  }

  /**
   * Analyses an article with what is known now (in a worker: what it is known when a worker takes it, or with a lag,
   * now). `again` puts it before every article waiting for a worker. With a pool, the text's fingerprint comes too.
   */
  async analyse(article: Article, again = false): Promise<PoolResult> {
    if (this.pool) return this.pool.analyze(article, { fingerprint: !again, urgent: again, knownNow: this.lag > 0 });
    const seen = new RecordingKnowledge(this.log.knowledge);
    return { ...this.here!(article, seen), lookups: seen.lookups(), knowledge: this.log.version };
  }

  /**
   * The analysis as the knowledge now would give it: made again while a person it looked up changed after it was made
   * (by a worker, ahead of the article's turn). With a lag, an analysis is never stale unless the knowledge was reset.
   */
  async current(article: Article, result: PoolResult): Promise<PoolResult> {
    for (;;) {
      if (!this.log.staleFor(this.lag > 0 ? [] : result.lookups, result.knowledge)) return result;
      this.reanalysed++;
      const again = await this.analyse(article, true);
      result = { ...again, fingerprint: again.fingerprint ?? result.fingerprint };
    }
  }

  /** Before an input is analysed, in input order (with a lag: passes on what the inputs far enough before it taught). */
  next(input: object): void {
    this.lagging.next(input);
  }

  /** After the writer is done with an input, in input order (stored, known or failed). */
  done(): void {
    this.lagging.done();
  }

  /** Reads the people the store changed since the last read and passes them on (with a lag: once their turn comes). */
  private async catchUp(input: object | null): Promise<void> {
    const { people, seq } = await this.store.peopleSince(this.seq);
    this.seq = seq;
    if (!people.length) return;
    this.taughtInGroup = true;
    this.lagging.taught(input, people);
  }

  /**
   * Runs `fn` as one group of writes: one transaction holding the store's writer lock, with the knowledge brought up to
   * date with every write before it, by any process. If the group is undone (its commit failed), so is what its writes
   * taught: the knowledge is read again whole, and every analysis made before is made again when its turn comes.
   */
  group<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.groups.then(() => this.groupNow(fn));
    this.groups = next.catch(() => undefined);
    return next;
  }

  private async groupNow<T>(fn: () => Promise<T>): Promise<T> {
    this.taughtInGroup = false;
    try {
      return await this.store.batch(async () => {
        await this.catchUp(null);
        return fn();
      });
    } catch (err) {
      if (this.taughtInGroup) await this.resync();
      throw err;
    } finally {
      this.taughtInGroup = false;
    }
  }

  private async resync(): Promise<void> {
    const { people, seq } = await this.store.peopleSince(-1);
    this.seq = seq;
    this.lagging.forget();
    this.log.reset(people);
    this.pool?.reset(people, this.log.version);
  }

  /**
   * Writes one analysed article (inside `group`), first made again if it is stale; then passes on what the write
   * taught. `input` is the input the article came from, when inputs are numbered with `next` and `done`.
   */
  async write(article: Article, analysed: PoolResult, input: object | null = null): Promise<Written> {
    const { record, warnings, fingerprint } = await this.current(article, analysed);
    const status = await recordArticle(this.store, record, fingerprint);
    if (status !== 'known') await this.catchUp(input);
    return { status, record, warnings };
  }
}
