#!/usr/bin/env -S node --max-semi-space-size=32
// The `standpoint` executable: runs the command line and maps failures to exit codes.
// It runs with 32 MB semi-spaces (a young generation of 96 MB), as the analyser's worker threads do
// (ANALYSER_YOUNG_GENERATION_MB in workers/pool.ts): the analyser spends about 8% less CPU than with Node's default.
import { CommanderError } from 'commander';
import { debugFromEnv, describeFailure } from './error-line.js';
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE } from './exit-codes.js';
import { buildProgram } from './program.js';

// A reader that stops early (`standpoint analyze --json dir | head`) is not an error.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? EXIT_OK);
  throw err;
});

const program = buildProgram();
try {
  await program.parseAsync(process.argv);
} catch (err) {
  if (err instanceof CommanderError) {
    // Commander has printed help, the version or the usage error; asked-for help and version exit 0.
    process.exitCode = err.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
  } else {
    // One line; the stack only with --debug (or STANDPOINT_DEBUG=1).
    process.stderr.write(describeFailure(err, program.opts().debug === true || debugFromEnv()));
    process.exitCode = EXIT_FAILURE;
  }
}
