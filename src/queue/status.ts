// `standpoint queue status`: jobs pending, in flight and failed (dead-lettered, with their errors).
import type { NatsConnection } from 'nats';
import { connectQueue, queueNames, type DeadLetter } from './jobs.js';

export interface QueueStatus {
  stream: string;
  /** Published and not yet delivered to any worker. */
  pending: number;
  /** Delivered to a worker and not yet acknowledged. */
  inFlight: number;
  /** Delivered more than once so far (retried or taken over from a worker that died). */
  redelivered: number;
  /** In the dead-letter subject. */
  failed: number;
  /** The most recent dead letters (without their jobs' text). */
  recentFailures: Array<Omit<DeadLetter, 'job'> & { article: string | null }>;
}

const articleId = (job: string): string | null => { try { return String(JSON.parse(job).id ?? null); } catch { return null; } };

async function deadLetters(nc: NatsConnection, stream: string, total: number, last: number): Promise<QueueStatus['recentFailures']> {
  if (!total) return [];
  const c = await nc.jetstream().consumers.get(stream);
  const out: QueueStatus['recentFailures'] = [];
  const msgs = await c.fetch({ max_messages: total, expires: 2000 });
  for await (const m of msgs) {
    const d = JSON.parse(new TextDecoder().decode(m.data)) as DeadLetter;
    out.push({ error: d.error, deliveries: d.deliveries, worker: d.worker, at: d.at, article: articleId(d.job) });
    if (m.info.pending === 0) break;
  }
  return out.slice(-last);
}

export async function queueStatus(url: string, stream?: string, last = 10): Promise<QueueStatus> {
  const names = queueNames(stream);
  const nc = await connectQueue(url);
  try {
    const jsm = await nc.jetstreamManager();
    const consumer = await jsm.consumers.info(names.stream, names.consumer).catch(() => null);
    const jobs = await jsm.streams.info(names.stream).catch(() => null);
    const dead = await jsm.streams.info(names.deadStream).catch(() => null);
    const failed = dead?.state.messages ?? 0;
    return {
      stream: names.stream,
      // Before any worker made the consumer, every stored job is pending.
      pending: consumer ? consumer.num_pending : jobs?.state.messages ?? 0,
      inFlight: consumer?.num_ack_pending ?? 0,
      redelivered: consumer?.num_redelivered ?? 0,
      failed,
      recentFailures: await deadLetters(nc, names.deadStream, failed, last),
    };
  } finally {
    await nc.drain().catch(() => undefined);
  }
}
