// Watching unattended: poll, wait the watch list's interval, read the list again (it may have been edited), poll again, until stopped.
import type { Store } from '../store/store.js';
import { readWatchList, type WatchList } from './watch-list.js';
import { Watcher, type PollSummary, type WatcherOptions } from './watcher.js';

export interface LoopOptions extends WatcherOptions {
  /** After each poll. */
  onPoll?: (summary: PollSummary) => void;
  /** When the edited watch list cannot be read: the last good one goes on. */
  onListError?: (err: Error) => void;
  /** Stops the loop (between polls, or while it waits). */
  signal?: AbortSignal;
}

/** Sleeps `ms`, or less when the signal aborts. */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() { clearTimeout(timer); signal?.removeEventListener('abort', done); resolve(); }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** Polls the watch list in `file` until the signal aborts; the list is read again before each poll. */
export async function watchLoop(store: Store, file: string, first: WatchList, options: LoopOptions = {}): Promise<void> {
  const watcher = new Watcher(store, first, options);
  try {
    for (let round = 0; !options.signal?.aborted; round++) {
      if (round > 0) {
        try {
          watcher.update(readWatchList(file));
        } catch (err) {
          options.onListError?.(err as Error);
        }
      }
      const started = Date.now();
      let summary: PollSummary;
      try {
        summary = await watcher.poll();
      } catch (err) {
        // The store itself failed (a lost connection): said, and tried again at the next poll.
        options.report?.(`poll failed: ${(err as Error).message}`);
        await pause(watcher.watchList.interval, options.signal);
        continue;
      }
      options.onPoll?.(summary);
      await pause(Math.max(0, watcher.watchList.interval - (Date.now() - started)), options.signal);
    }
  } finally {
    await watcher.close();
  }
}
