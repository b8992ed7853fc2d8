#!/usr/bin/env -S node --max-semi-space-size=32
// The `standpoint` executable: runs the command line and maps failures to exit codes.
// It runs with 32 MB semi-spaces (a young generation of 96 MB), as the analyser's worker threads do
// (ANALYSER_YOUNG_GENERATION_MB in workers/pool.ts): the analyser spends about 8% less CPU than with Node's default.
import { CommanderError } from 'commander';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { buildProgram } from './program.js';

// A reader that stops early (`standpoint analyze --json dir | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw err;
});

try {
  await buildProgram().parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Commander has printed help, the version or the usage error; asked-for help and version exit 0.
    process.exitCode = err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  } else {
    process.stderr.write(`standpoint: ${(err as Error).stack ?? err}\n`);
    process.exitCode = EXIT_FAILURE;
  }
}
