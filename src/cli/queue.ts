// `standpoint queue status --queue nats://…`: what the job queue holds: pending, in flight, failed.
import { Command } from 'commander';
import { EXIT_OK } from './exit-codes.js';

interface QueueFlags { queue: string; stream?: string; json?: boolean }

export function queueCommand(): Command {
  const status = new Command('status')
    .description('jobs pending, in flight and failed (dead-lettered, with their errors)')
    .requiredOption('--queue <url>', 'the NATS server: nats://HOST:4222')
    .option('--stream <name>', 'the JetStream stream of the jobs (default: standpoint)')
    .option('--json', 'print JSON instead of a readable table')
    .action(async (opts: QueueFlags) => {
      const { queueStatus } = await import('../queue/status.js');
      const s = await queueStatus(opts.queue, opts.stream);
      if (opts.json) process.stdout.write(`${JSON.stringify(s)}\n`);
      else {
        process.stdout.write(`stream ${s.stream}: ${s.pending} pending, ${s.inFlight} in flight, ${s.redelivered} redelivered, ${s.failed} failed\n`);
        for (const f of s.recentFailures) process.stdout.write(`  failed: ${f.article ?? '(not an article)'} after ${f.deliveries} deliveries on ${f.worker} at ${f.at}: ${f.error}\n`);
      }
      process.exitCode = EXIT_OK;
    });
  return new Command('queue')
    .description('the job queue that `ingest --queue` fills and `worker` processes')
    .addCommand(status);
}
