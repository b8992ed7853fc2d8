// A one-line progress counter on standard error, shown only on a terminal and only once a batch runs long.

export interface ProgressOptions {
  stream?: NodeJS.WriteStream;
  /** Show the line once this many milliseconds have passed… */
  afterMs?: number;
  /** …or once this many articles are done, whichever comes first. */
  afterCount?: number;
  /** What the line says was done to the inputs: "analysed" by default. */
  verb?: string;
  /** Force the line on or off; by default on when the stream is a terminal and not under CI. */
  enabled?: boolean;
}

export class Progress {
  private readonly stream: NodeJS.WriteStream;
  private readonly enabled: boolean;
  private readonly started = Date.now();
  private readonly afterMs: number;
  private readonly afterCount: number;
  private readonly verb: string;
  private shown = false;
  private lastDraw = 0;
  private done = 0;
  private problems = 0;

  constructor(options: ProgressOptions = {}) {
    this.stream = options.stream ?? process.stderr;
    this.enabled = options.enabled ?? (Boolean(this.stream.isTTY) && !process.env.CI);
    this.afterMs = options.afterMs ?? 1500;
    this.afterCount = options.afterCount ?? 50;
    this.verb = options.verb ?? 'analysed';
  }

  /** Counts one article (or failed input) and redraws at most ten times a second. */
  tick(problem: boolean): void {
    this.done++;
    if (problem) this.problems++;
    if (!this.enabled) return;
    const now = Date.now();
    if (!this.shown && now - this.started < this.afterMs && this.done < this.afterCount) return;
    if (now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.shown = true;
    const rate = this.done / Math.max((now - this.started) / 1000, 0.001);
    this.stream.write(`\r\x1b[K${this.verb} ${this.done} inputs, ${this.problems} with problems (${rate.toFixed(1)}/s)`);
  }

  /** Prints a message on its own line, out of the progress line's way. */
  message(line: string): void {
    this.clear();
    this.stream.write(`${line}\n`);
  }

  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.lastDraw = 0;
  }
}
