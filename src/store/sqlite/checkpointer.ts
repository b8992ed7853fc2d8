// Checkpoints a SQLite file from a thread of its own, so that the writer's commits do not wait for them.
import { Worker } from 'node:worker_threads';
import { workerScript } from '../../workers/script.js';

/**
 * The writer connection's own checkpoint threshold, in pages, while a checkpointer runs: a backstop that bounds the
 * write-ahead log (64 MB of 4 KB pages) should the checkpointer fall behind or fail. SQLite's default is 1000 pages.
 *
 * Why: a checkpoint copies the log's pages into the database file and syncs both to disk. Run by the writer
 * after a commit (SQLite's default), it holds up the next write: at 20,000 articles a commit of 32 articles
 * waited about 36 ms, four times the commit itself. Run here, the writer's checkpoint at the backstop finds almost
 * every page copied already. Its next transaction then starts the log over.
 */
export const WAL_BACKSTOP_PAGES = 16_384;

/** At most one checkpoint per this many milliseconds (commits in between are covered by the next one). */
export const CHECKPOINT_INTERVAL_MS = 100;

export type CheckpointMessage = 'commit' | 'close';
export type CheckpointReply = { kind: 'done'; log: number; checkpointed: number } | { kind: 'failed'; message: string };

/** A thread that checkpoints `file` shortly after each commit it is told of. */
export class Checkpointer {
  private readonly worker: Worker;
  private alive = true;
  /** The last checkpoint's outcome: frames in the log and frames copied (for tests and diagnostics). */
  last: CheckpointReply | null = null;
  private readonly waiters: Array<(r: CheckpointReply) => void> = [];

  constructor(file: string, intervalMs = CHECKPOINT_INTERVAL_MS) {
    this.worker = new Worker(workerScript('./checkpoint-worker.js', import.meta.url), { workerData: { file, intervalMs } });
    this.worker.unref(); // never keeps a command alive; close() ends it
    this.worker.on('message', (r: CheckpointReply) => {
      this.last = r;
      for (const w of this.waiters.splice(0)) w(r);
    });
    // A checkpointer that fails leaves the log to the writer's own checkpoint at WAL_BACKSTOP_PAGES: nothing is lost.
    const stop = () => { this.alive = false; for (const w of this.waiters.splice(0)) w({ kind: 'failed', message: 'checkpointer stopped' }); };
    this.worker.on('error', stop);
    this.worker.on('exit', stop);
  }

  /** Tells the checkpointer that a transaction committed. */
  committed(): void {
    if (this.alive) this.worker.postMessage('commit' satisfies CheckpointMessage);
  }

  /** Resolves with the outcome of the next checkpoint (tests). */
  next(): Promise<CheckpointReply> {
    if (!this.alive) return Promise.resolve({ kind: 'failed', message: 'checkpointer stopped' });
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  /** Stops the thread after closing its connection (before the writer closes: the last connection to close checkpoints the rest and removes the log). */
  async close(): Promise<void> {
    if (!this.alive) return;
    const exited = new Promise<void>((resolve) => this.worker.once('exit', () => resolve()));
    this.worker.ref(); // an unreferenced thread would let the process end before this resolves
    this.worker.postMessage('close' satisfies CheckpointMessage);
    await exited;
  }
}
