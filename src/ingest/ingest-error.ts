// Typed errors for input that cannot be read as an article, each naming the file (and line) it came from.

export type IngestErrorCode =
  | 'not-found' // the PATH does not exist
  | 'unreadable' // the file exists but reading it failed
  | 'empty' // no text at all
  | 'binary' // not text: NUL bytes or bytes that are not UTF-8
  | 'bad-json' // JSON that does not parse
  | 'bad-article' // JSON that parses but is not an article ({text, ...})
  | 'bad-html' // HTML with no readable main text
  | 'bad-date' // a date that is not a real YYYY-MM-DD (the article is still analysed, date null)
  | 'too-large' // a file or JSON line larger than the reading cap (MAX_INPUT_BYTES): skipped unread
  | 'encoding' // not UTF-8 (or UTF-16): read as Windows-1252, or stray bytes replaced (a warning)
  | 'control-characters'; // NUL and other control characters removed from the text or fields (a warning)

/** Problems that leave an article read in full: reported as warnings, not failures. */
const WARNINGS: ReadonlySet<IngestErrorCode> = new Set(['encoding', 'control-characters']);

/** Where an input came from: a path (`-` for standard input) and, for JSON Lines, a 1-based line. */
export interface Where {
  file: string;
  line?: number;
}

export function whereText(w: Where): string {
  const file = w.file === '-' ? '<stdin>' : w.file;
  return w.line === undefined ? file : `${file}:${w.line}`;
}

export class IngestError extends Error {
  override readonly name = 'IngestError';
  constructor(
    readonly code: IngestErrorCode,
    message: string,
    readonly where: Where,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** `warning` for a problem that did not stop the article being read in full, else `error`. */
  get level(): 'error' | 'warning' {
    return WARNINGS.has(this.code) ? 'warning' : 'error';
  }

  /** `FILE[:LINE]: message`, or `FILE[:LINE]: LEVEL: message` as printed on standard error. */
  describe(level?: 'error' | 'warning'): string {
    return `${whereText(this.where)}: ${level ? `${level}: ` : ''}${this.message}`;
  }
}
