// The analyser's limits, apart from the analyser so that the command line can name them without loading it.

/** Articles longer than this (in UTF-16 code units) are analysed up to here only, with a warning. */
export const MAX_ANALYSED_CHARS = 1_000_000;
