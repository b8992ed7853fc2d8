// The exit codes of every `standpoint` command.

/** Everything read and analysed. */
export const EXIT_OK = 0;
/**
 * Something failed: some input could not be read, or was not analysed in full (unknown date,
 * another language, cut at the length cap); the other inputs were still analysed.
 */
export const EXIT_FAILURE = 1;
/** The command line itself was wrong: unknown command or option, missing argument. */
export const EXIT_USAGE = 2;
