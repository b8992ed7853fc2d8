// The `--workers N` option of analyze and ingest: how many analyser threads (default: one per core; 1 = this thread).
import { InvalidArgumentError, Option } from 'commander';
import { defaultWorkers } from '../workers/pool.js';

/** An option's parser for whole numbers of at least `least` (1 unless told). */
export const wholeNumber = (what: string, least = 1) => (v: string): number => {
  const n = Number(v);
  if (!/^\s*\d+\s*$/.test(v) || !Number.isInteger(n) || n < least) throw new InvalidArgumentError(`${what} must be a whole number of at least ${least}`);
  return n;
};

export const workersOption = () => new Option('--workers <n>', 'analyser worker threads (default: one per core; 1 analyses in the main thread)')
  .argParser(wholeNumber('--workers')).default(defaultWorkers(), 'one per core');
