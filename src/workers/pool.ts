// A pool of analyser worker threads: articles in, results out as promises; knowledge is broadcast to every worker.
import fs from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AnalysisResult } from '../analyze/index.js';
import type { Fingerprint } from '../aggregate/near-duplicates.js';
import type { KnownPerson } from '../analyze/knowledge.js';
import type { Article } from '../analyze/record.js';
import type { FromWorker, ToWorker } from './messages.js';

/** Errors of the pool, with a code a caller can act on. */
export class PoolError extends Error {
  constructor(readonly code: 'analysis-failed' | 'worker-died' | 'closed', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PoolError';
  }
}

/**
 * The young generation of each analyser thread's heap, in MB (V8's default for a worker is 48: three 16 MB
 * semi-spaces). An analysis allocates several MB of short-lived objects (wink-nlp's token arrays, the stages'
 * words and candidates); with room for several articles' garbage, fewer objects survive into the old generation,
 * and the analyser spends about 8% less CPU in all (the same as `node --max-semi-space-size=64` for this thread).
 */
export const ANALYSER_YOUNG_GENERATION_MB = 192;

/** The default number of workers: one per core. */
export const defaultWorkers = (): number => Math.max(1, os.availableParallelism?.() ?? os.cpus().length);

/** The compiled worker script; from the sources (under vitest) the built one in dist/ is used. */
function workerScript(): string {
  const here = fileURLToPath(new URL('./analyze-worker.js', import.meta.url));
  if (fs.existsSync(here)) return here;
  const built = here.replace(/([\\/])src([\\/]workers[\\/])/, '$1dist$2');
  if (fs.existsSync(built)) return built;
  throw new PoolError('worker-died', `analyser worker script not found at ${here} or ${built}: run \`npm run build\``);
}

interface Slot {
  worker: Worker;
  pending: Map<number, { resolve: (msg: FromWorker & { kind: 'done' | 'json' }) => void; reject: (e: Error) => void }>;
  /** People taught since the last message to this worker: sent with the next one (fewer messages). */
  toLearn: KnownPerson[];
}

/**
 * An article's analysis, the knowledge keys the analyser looked up (null: the whole snapshot) and, when asked
 * for, its text's fingerprint (for the store's duplicate checks).
 */
export interface PoolResult extends AnalysisResult { fingerprint?: Fingerprint; lookups: string[] | null }

/** An article's record as JSON text (as `JSON.stringify(record)` gives it), with the analyser's warnings. */
export interface PoolJson { json: string; warnings: string[] }

export class AnalyzerPool {
  private readonly slots: Slot[] = [];
  private nextJob = 0;
  private closed = false;

  constructor(readonly size: number = defaultWorkers()) {
    const script = workerScript();
    for (let i = 0; i < Math.max(1, size); i++) {
      const slot: Slot = { worker: new Worker(script, { resourceLimits: { maxYoungGenerationSizeMb: ANALYSER_YOUNG_GENERATION_MB } }), pending: new Map(), toLearn: [] };
      slot.worker.on('message', (msg: FromWorker) => {
        const p = slot.pending.get(msg.job);
        if (!p) return;
        slot.pending.delete(msg.job);
        if (msg.kind === 'failed') p.reject(new PoolError('analysis-failed', msg.message));
        else p.resolve(msg);
      });
      const fail = (err: Error) => {
        for (const p of slot.pending.values()) p.reject(new PoolError('worker-died', `analyser worker died: ${err.message}`, { cause: err }));
        slot.pending.clear();
      };
      slot.worker.on('error', fail);
      slot.worker.on('exit', (code) => { if (!this.closed) fail(new Error(`exit code ${code}`)); });
      this.slots.push(slot);
    }
  }

  /** Analyses one article on the least busy worker; with `fingerprint`, also fingerprints its text for storing. */
  async analyze(article: Article, options: { fingerprint?: boolean } = {}): Promise<PoolResult> {
    const msg = await this.send(article, options.fingerprint ?? false, false);
    if (msg.kind !== 'done') throw new PoolError('analysis-failed', `unexpected reply "${msg.kind}" from an analyser worker`);
    return { ...msg.result, fingerprint: msg.fingerprint, lookups: msg.lookups };
  }

  /** Analyses one article on the least busy worker and gives its record as JSON text (to print). */
  async analyzeJson(article: Article): Promise<PoolJson> {
    const msg = await this.send(article, false, true);
    if (msg.kind !== 'json') throw new PoolError('analysis-failed', `unexpected reply "${msg.kind}" from an analyser worker`);
    return { json: msg.json, warnings: msg.warnings };
  }

  private send(article: Article, fingerprint: boolean, json: boolean): Promise<FromWorker & { kind: 'done' | 'json' }> {
    if (this.closed) return Promise.reject(new PoolError('closed', 'the analyser pool is closed'));
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const job = this.nextJob++;
    return new Promise((resolve, reject) => {
      slot.pending.set(job, { resolve, reject });
      const learn = slot.toLearn;
      slot.toLearn = [];
      slot.worker.postMessage({ kind: 'analyze', job, article, fingerprint, json, learn } satisfies ToWorker);
    });
  }

  /** Every worker learns these people (in this order) before analysing any article sent after this call. */
  learn(people: KnownPerson[]): void {
    // One by one: a store's whole knowledge (tens of thousands of people) is too many arguments for one push.
    for (const s of this.slots) for (const p of people) s.toLearn.push(p);
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
