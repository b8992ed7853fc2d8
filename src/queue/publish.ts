// `standpoint ingest --queue`: reads articles as ingest does and publishes each as a job to the JetStream stream.
import { contentHash } from '../aggregate/near-duplicates.js';
import { readInputs, type ReadInputsOptions } from '../ingest/read-inputs.js';
import type { Progress } from '../cli/progress.js';
import { connectQueue, ensureStreams, queueNames } from './jobs.js';

export interface PublishSummary { published: number; duplicates: number; failed: number; seconds: number }

/** NATS's default largest message; a bigger job is reported and skipped. */
const MAX_JOB_BYTES = 1024 * 1024;

export async function publishArticles(url: string, paths: string[], io: ReadInputsOptions & { stream?: string; progress: Progress }): Promise<PublishSummary> {
  const started = Date.now();
  const names = queueNames(io.stream);
  const nc = await connectQueue(url);
  const sum: PublishSummary = { published: 0, duplicates: 0, failed: 0, seconds: 0 };
  try {
    await ensureStreams(await nc.jetstreamManager(), names);
    const js = nc.jetstream();
    const max = Math.min(MAX_JOB_BYTES, nc.info?.max_payload ?? MAX_JOB_BYTES);
    for await (const input of readInputs(paths, io)) {
      if (input.kind === 'error') {
        sum.failed++;
        io.progress.message(input.error.describe('error'));
        io.progress.tick(true);
        continue;
      }
      const data = new TextEncoder().encode(JSON.stringify(input.article));
      if (data.length > max - 1024) {
        sum.failed++;
        io.progress.message(`${input.article.file ?? input.article.id}: error: ${data.length} bytes is more than a job may carry (${max}): ingest it directly`);
        io.progress.tick(true);
        continue;
      }
      const ack = await js.publish(names.jobs, data, { msgID: contentHash(input.article.text) });
      if (ack.duplicate) sum.duplicates++;
      else sum.published++;
      io.progress.tick(false);
    }
  } finally {
    io.progress.clear();
    await nc.drain();
  }
  sum.seconds = (Date.now() - started) / 1000;
  return sum;
}
