// A pool of analyser worker threads: articles in, results out as promises; knowledge is broadcast to every worker.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalysisResult } from '../analyze/index.js';
import type { Fingerprint } from '../aggregate/near-duplicates.js';
import type { KnownPerson } from '../analyze/knowledge.js';
import type { Article } from '../analyze/record.js';
import type { FromWorker, ToWorker } from './messages.js';
import { workerScript } from './script.js';

/** Errors of the pool, with a code a caller can act on. */
export class PoolError extends Error {
  constructor(readonly code: 'analysis-failed' | 'worker-died' | 'closed', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PoolError';
  }
}

/**
 * The young generation of each analyser thread's heap, in MB (V8's default for a worker is 48: three 16 MB
 * semi-spaces). An analysis allocates several MB of short-lived objects (wink-nlp's token arrays, the stages' words
 * and candidates); with room for more of them, fewer survive into the old generation, and the analyser spends about
 * 8% less CPU than with the default (measured in a worker: 192 MB saves no more, and costs every analysing thread
 * about 70 MB more at peak than this).
 */
export const ANALYSER_YOUNG_GENERATION_MB = 96;

/**
 * The old generation's limit of each analyser thread's heap, in MB. An analyser holds about 20 MB (the model, what it
 * has learnt) and the knowledge snapshot; a limit below V8's default (a quarter of the machine's memory, up to 4 GB)
 * also makes V8 let the heap grow less past what is alive before it collects (at most about 1.6 times instead of 4):
 * about 45 MB per analyser at 10,000 articles, instead of 100.
 */
export const ANALYSER_OLD_GENERATION_MB = 1024;

/** The default number of workers: one per core. */
export const defaultWorkers = (): number => Math.max(1, os.availableParallelism?.() ?? os.cpus().length);

/** The compiled worker script (from the sources, under vitest, the built one in dist/). */
function analyserScript(): string {
  try {
    return workerScript('./analyze-worker.js', import.meta.url);
  } catch (err) {
    throw new PoolError('worker-died', `analyser ${(err as Error).message}`);
  }
}

/** A worker's answer, with the tag of the knowledge it had when the article was sent to it. */
interface Reply { msg: FromWorker & { kind: 'done' | 'json' }; knowledge: number }

/** An article waiting for, or at, a worker. */
interface Job {
  id: number; article: Article; fingerprint: boolean; json: boolean; resolve: (msg: Reply) => void; reject: (e: Error) => void;
  /** The tag of the knowledge it is analysed with. */
  knowledge: number;
  /** How many of the people taught it is analysed with (null: all taught by the time it is sent to a worker). */
  upTo: number | null;
}

interface Slot {
  worker: Worker;
  /** Jobs posted to this worker and not answered yet: at most PER_WORKER. */
  pending: Map<number, Job>;
  /** How many of the people taught this worker has been sent (the rest go with its next message: fewer messages). */
  sent: number;
  /** Whether its next message starts it afresh (after a reset). */
  reset: boolean;
  dead: boolean;
}

/**
 * Jobs posted to one worker at a time: the one it analyses and the next, so that it never waits for a message. The
 * rest wait here, where an urgent one (an article analysed again, whose turn to be written has come or is near) goes
 * before them instead of behind every job a worker has already been sent.
 */
const PER_WORKER = 2;

/** How an article is analysed. */
export interface AnalyzeOptions {
  /** Also fingerprint its text (for the store's duplicate checks). */
  fingerprint?: boolean;
  /** Send it before every article not yet sent to a worker. */
  urgent?: boolean;
  /**
   * Analyse it with what the pool has been taught when this is called, not with what it has been taught by the time
   * a worker takes the article: the result then does not depend on how busy the workers are.
   */
  knownNow?: boolean;
}

/**
 * An article's analysis, the knowledge keys the analyser looked up (null: the whole snapshot) and, when asked
 * for, its text's fingerprint (for the store's duplicate checks).
 */
export interface PoolResult extends AnalysisResult {
  fingerprint?: Fingerprint;
  lookups: string[] | null;
  /**
   * The tag of the knowledge the worker analysed with: the one given to the last `learn` before the article was sent to
   * it (with `knownNow`, before it was asked for).
   */
  knowledge: number;
}

/** An article's record as JSON text (as `JSON.stringify(record)` gives it), with the analyser's warnings. */
export interface PoolJson { json: string; warnings: string[] }

export class AnalyzerPool {
  private readonly slots: Slot[] = [];
  private readonly urgent: Job[] = [];
  private readonly waiting: Job[] = [];
  private nextJob = 0;
  private closed = false;
  /** The tag given with the last `learn`: what a worker sent an article now knows. */
  private knowledge = 0;
  /** The people taught, in order, from the `taughtBase`-th on (those every worker has been sent are let go). */
  private taught: KnownPerson[] = [];
  private taughtBase = 0;

  constructor(readonly size: number = defaultWorkers()) {
    const script = analyserScript();
    for (let i = 0; i < Math.max(1, size); i++) {
      const slot: Slot = { worker: new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: ANALYSER_YOUNG_GENERATION_MB, maxOldGenerationSizeMb: ANALYSER_OLD_GENERATION_MB } }), pending: new Map(), sent: 0, reset: false, dead: false };
      slot.worker.on('message', (msg: FromWorker) => {
        const job = slot.pending.get(msg.job);
        if (!job) return;
        slot.pending.delete(msg.job);
        if (msg.kind === 'failed') job.reject(new PoolError('analysis-failed', msg.message));
        else job.resolve({ msg, knowledge: job.knowledge });
        this.pump();
      });
      const fail = (err: Error) => {
        slot.dead = true;
        for (const job of slot.pending.values()) job.reject(new PoolError('worker-died', `analyser worker died: ${err.message}`, { cause: err }));
        slot.pending.clear();
        this.pump(err);
      };
      slot.worker.on('error', fail);
      slot.worker.on('exit', (code) => { if (!this.closed) fail(new Error(`exit code ${code}`)); });
      this.slots.push(slot);
    }
  }

  /**
   * Analyses one article on the least busy worker; with `fingerprint`, also fingerprints its text for storing; an
   * `urgent` one goes before every article not yet sent to a worker.
   */
  async analyze(article: Article, options: AnalyzeOptions = {}): Promise<PoolResult> {
    const { msg, knowledge } = await this.send(article, false, options);
    if (msg.kind !== 'done') throw new PoolError('analysis-failed', `unexpected reply "${msg.kind}" from an analyser worker`);
    return { ...msg.result, fingerprint: msg.fingerprint, lookups: msg.lookups, knowledge };
  }

  /** Analyses one article on the least busy worker and gives its record as JSON text (to print). */
  async analyzeJson(article: Article): Promise<PoolJson> {
    const { msg } = await this.send(article, true, {});
    if (msg.kind !== 'json') throw new PoolError('analysis-failed', `unexpected reply "${msg.kind}" from an analyser worker`);
    return { json: msg.json, warnings: msg.warnings };
  }

  private send(article: Article, json: boolean, { fingerprint = false, urgent = false, knownNow = false }: AnalyzeOptions): Promise<Reply> {
    if (this.closed) return Promise.reject(new PoolError('closed', 'the analyser pool is closed'));
    return new Promise((resolve, reject) => {
      const upTo = knownNow ? this.taughtBase + this.taught.length : null;
      (urgent ? this.urgent : this.waiting).push({ id: this.nextJob++, article, fingerprint, json, resolve, reject, knowledge: this.knowledge, upTo });
      this.pump();
    });
  }

  /** Posts waiting jobs, urgent ones first, to the least busy workers with room; fails them all if no worker lives. */
  private pump(died?: Error): void {
    for (;;) {
      const queue = this.urgent.length ? this.urgent : this.waiting;
      if (!queue.length) return;
      const live = this.slots.filter((s) => !s.dead);
      if (!live.length) {
        for (const job of [...this.urgent.splice(0), ...this.waiting.splice(0)]) {
          job.reject(new PoolError('worker-died', `no analyser worker left${died ? `: ${died.message}` : ''}`, { cause: died }));
        }
        return;
      }
      const slot = live.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
      if (slot.pending.size >= PER_WORKER) return;
      const job = queue.shift()!;
      const upTo = job.upTo ?? this.taughtBase + this.taught.length;
      if (upTo < slot.sent) {
        // Jobs are sent in the order asked for, and what they may know only grows: this is a bug, not bad input.
        job.reject(new PoolError('analysis-failed', `internal error: a worker already knows more than the article may (${slot.sent} > ${upTo} people)`));
        continue;
      }
      if (job.upTo === null) job.knowledge = this.knowledge; // what the worker will have learnt: everything taught so far goes with this message
      slot.pending.set(job.id, job);
      const learn = this.taught.slice(slot.sent - this.taughtBase, upTo - this.taughtBase);
      slot.sent = upTo;
      slot.worker.postMessage({ kind: 'analyze', job: job.id, article: job.article, fingerprint: job.fingerprint, json: job.json, learn, reset: slot.reset } satisfies ToWorker);
      slot.reset = false;
      this.forgetSent(live);
    }
  }

  /** Lets go of the people every live worker has been sent (once they are many, or all: letting go copies the rest). */
  private forgetSent(live: Slot[]): void {
    const all = Math.min(...live.map((s) => s.sent)) - this.taughtBase;
    if (all === 0 || (all < 4096 && all < this.taught.length)) return;
    this.taught = this.taught.slice(all);
    this.taughtBase += all;
  }

  /**
   * Every worker learns these people (in this order) before analysing any article sent after this call (with
   * `knownNow`: asked for after it); `tag` (a version of the caller's knowledge, kept as given) comes back with the
   * result of every such article.
   */
  learn(people: KnownPerson[], tag = this.knowledge): void {
    this.knowledge = tag;
    // One by one: a store's whole knowledge (tens of thousands of people) is too many arguments for one push.
    for (const p of people) this.taught.push(p);
  }

  /**
   * Every worker forgets what it was taught and learns these people instead, before analysing any article sent after
   * this call (articles waiting to be sent then know all of these: what they were to know is gone).
   */
  reset(people: KnownPerson[], tag: number): void {
    this.knowledge = tag;
    this.taught = [...people];
    this.taughtBase = 0;
    for (const slot of this.slots) { slot.sent = 0; slot.reset = true; }
    for (const job of [...this.urgent, ...this.waiting]) job.upTo = null;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of [...this.urgent.splice(0), ...this.waiting.splice(0)]) job.reject(new PoolError('closed', 'the analyser pool is closed'));
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
