// The job queue's names (stream, subjects, consumer) and its connection: NATS JetStream, set up on first use.
import { AckPolicy, connect, DeliverPolicy, nanos, RetentionPolicy, StorageType, type JetStreamManager, type NatsConnection } from 'nats';
import { redactUrl } from '../store/redact-url.js';
import { QueueError } from './queue-error.js';

import { DEFAULT_STREAM } from './defaults.js';

export { DEFAULT_ACK_WAIT, DEFAULT_MAX_DELIVER, DEFAULT_STREAM } from './defaults.js';

/** The names one queue uses: jobs go to STREAM.jobs (stream STREAM), failed jobs to STREAM.dead (stream STREAM_dead). */
export interface QueueNames { stream: string; jobs: string; deadStream: string; dead: string; consumer: string }

export function queueNames(stream: string = DEFAULT_STREAM): QueueNames {
  if (!/^[A-Za-z0-9_-]+$/.test(stream)) throw new QueueError('bad-url', `stream name "${stream}": use letters, digits, - and _`);
  return { stream, jobs: `${stream}.jobs`, deadStream: `${stream}_dead`, dead: `${stream}.dead`, consumer: 'workers' };
}

/** A job: one article as JSON; its message id is the content hash, so publishing it twice queues it once. */
export interface DeadLetter { error: string; deliveries: number; worker: string; at: string; job: string }

/** Connects to nats://HOST:PORT. */
export async function connectQueue(url: string): Promise<NatsConnection> {
  if (!/^nats:\/\/[^/\s]+$/.test(url)) throw new QueueError('bad-url', `--queue ${redactUrl(url)}: expected nats://HOST:PORT`);
  try {
    return await connect({ servers: url.slice('nats://'.length), timeout: 3000, name: `standpoint-${process.pid}` });
  } catch (err) {
    throw new QueueError('connection', `cannot connect to NATS at ${redactUrl(url)}: ${redactUrl((err as Error).message)}`, { cause: err });
  }
}

/** Creates the job stream (work-queue retention: a job is removed once acknowledged) and the dead-letter stream. */
export async function ensureStreams(jsm: JetStreamManager, names: QueueNames): Promise<void> {
  const have = async (name: string) => jsm.streams.info(name).then(() => true, () => false);
  if (!(await have(names.stream))) {
    await jsm.streams.add({ name: names.stream, subjects: [names.jobs], retention: RetentionPolicy.Workqueue, storage: StorageType.File, duplicate_window: nanos(10 * 60_000) });
  }
  if (!(await have(names.deadStream))) {
    await jsm.streams.add({ name: names.deadStream, subjects: [names.dead], retention: RetentionPolicy.Limits, storage: StorageType.File });
  }
}

/** Creates (or updates the ack wait of) the durable consumer every worker shares. */
export async function ensureConsumer(jsm: JetStreamManager, names: QueueNames, ackWaitSeconds: number): Promise<void> {
  const config = {
    durable_name: names.consumer, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.All, filter_subject: names.jobs,
    ack_wait: nanos(ackWaitSeconds * 1000), max_deliver: -1, max_ack_pending: 10_000,
  };
  const info = await jsm.consumers.info(names.stream, names.consumer).catch(() => null);
  if (!info) await jsm.consumers.add(names.stream, config);
  else if (info.config.ack_wait !== config.ack_wait) await jsm.consumers.update(names.stream, names.consumer, { ack_wait: config.ack_wait });
}
