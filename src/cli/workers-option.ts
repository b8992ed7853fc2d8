// The `--workers N` option of analyze and ingest: how many analyser threads (default: one per core; 1 = this thread).
import { InvalidArgumentError, Option } from 'commander';
import { defaultWorkers } from '../workers/pool.js';

export const positiveInt = (what: string) => (v: string): number => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(`${what} must be a whole number of at least 1`);
  return n;
};

export const workersOption = () => new Option('--workers <n>', 'analyser worker threads (default: one per core; 1 analyses in the main thread)')
  .argParser(positiveInt('--workers')).default(defaultWorkers(), 'one per core');
