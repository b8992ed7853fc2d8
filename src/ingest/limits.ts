// The reader's limits, apart from the reader so that the command line can name them without loading it.

/**
 * The most bytes one article input may have: a file, or a line of a JSON Lines file. A larger one is
 * reported and skipped without being held whole (the analyser reads at most MAX_ANALYSED_CHARS, 1,000,000
 * characters, of an article anyway; 16 MiB leaves room for the markup of a large HTML page).
 */
export const MAX_INPUT_BYTES = 16 * 1024 * 1024;
