// The body of the checkpointer thread: its own connection to the store's file, copying committed pages from the
// write-ahead log into the database (a PASSIVE checkpoint, which never waits for the writer or for readers).
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { CheckpointMessage, CheckpointReply } from './checkpointer.js';

const port = parentPort;
if (!port) throw new Error('checkpoint-worker.js runs only as a worker thread');
const { file, intervalMs } = workerData as { file: string; intervalMs: number };
const db = new Database(file, { fileMustExist: true });
let timer: NodeJS.Timeout | null = null;
let last = 0;

const checkpoint = (): void => {
  timer = null;
  last = Date.now();
  try {
    const [row] = db.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number; log: number; checkpointed: number }>;
    port.postMessage({ kind: 'done', log: row.log, checkpointed: row.checkpointed } satisfies CheckpointReply);
  } catch (err) {
    port.postMessage({ kind: 'failed', message: (err as Error).message } satisfies CheckpointReply);
  }
};

port.on('message', (msg: CheckpointMessage) => {
  if (msg === 'close') {
    if (timer) clearTimeout(timer);
    db.close();
    port.close();
    return;
  }
  // Commits coalesce: at most one checkpoint per interval, the next one after the latest commit.
  timer ??= setTimeout(checkpoint, Math.max(0, last + intervalMs - Date.now()));
});
