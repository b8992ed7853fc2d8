// Fetching as a polite crawler: the safe fetch, with a User-Agent, robots.txt honoured, a per-host interval and concurrency limit, retries with backoff.
import robotsModule from 'robots-parser';
import { ApiError } from '../server/api-error.js';
import { HttpStatusError, safeFetch, type Fetched, type SafeFetchOptions } from '../server/safe-fetch.js';

export interface PoliteOptions {
  userAgent: string;
  /** Least milliseconds between the starts of two requests to one host (a longer robots.txt Crawl-delay wins, up to a minute). */
  hostInterval: number;
  hostConcurrency: number;
  /** Tries after the first for answers that may change (time-outs, lost connections, 429, 5xx). */
  retries: number;
  /** Milliseconds before the first retry; each next one waits twice as long (Retry-After, when longer and under a minute, wins). */
  backoff: number;
  timeout: number;
  maxBytes: number;
  robots: boolean;
  allowPrivate: boolean;
  /** For tests: which addresses count as private (see SafeFetchOptions.isBlocked). */
  isBlocked?: SafeFetchOptions['isBlocked'];
}

/** Why a URL was not fetched or gave no usable answer; `retryable` when a later poll may fare better. */
export class FetchError extends Error {
  override readonly name = 'FetchError';
  constructor(readonly url: string, message: string, readonly retryable: boolean, options?: { cause?: unknown }) {
    super(message, options);
  }
}

/** How long robots.txt rules are kept, and how long an unreachable robots.txt keeps a host closed. */
const ROBOTS_TTL_MS = 60 * 60_000;
const ROBOTS_RETRY_MS = 5 * 60_000;
const MAX_CRAWL_DELAY_MS = 60_000;
const MAX_RETRY_AFTER_MS = 60_000;

/** robots-parser's one function: its types declare an ES default export, but the package is CommonJS, whose default import is the function itself. */
interface Robot { isAllowed(url: string, ua?: string): boolean | undefined; getCrawlDelay(ua?: string): number | undefined }
const robotsParser = robotsModule as unknown as (url: string, text: string) => Robot;

interface Host { active: number; lastStart: number; waiting: Array<() => void>; crawlDelay: number }

type Robots = { allowed: (url: string) => boolean; crawlDelayMs: number } | { error: string; refused?: boolean };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** True for a failure a later try may not repeat: time-outs, lost connections, 429 and 5xx answers. */
export function isRetryable(err: unknown): boolean {
  if (err instanceof HttpStatusError) return err.httpStatus === 429 || (err.httpStatus >= 500 && err.httpStatus !== 501);
  if (err instanceof ApiError) return err.code === 'fetch-failed' && !/bytes|redirects/.test(err.message);
  return false;
}

/** Milliseconds a Retry-After header asks for (seconds or an HTTP date), or null. */
function retryAfterMs(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(ms) && ms >= 0 ? ms : null;
}

export class PoliteFetcher {
  private readonly hosts = new Map<string, Host>();
  private readonly robots = new Map<string, { at: number; rules: Promise<Robots> }>();
  /** Requests made (robots.txt included), for reports and tests. */
  requests = 0;

  constructor(readonly options: PoliteOptions) {}

  private host(key: string): Host {
    let h = this.hosts.get(key);
    if (!h) this.hosts.set(key, (h = { active: 0, lastStart: 0, waiting: [], crawlDelay: 0 }));
    return h;
  }

  /** Runs fn in one of the host's slots, once the host's interval since the last start has passed. */
  private async slot<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const h = this.host(key);
    while (h.active >= this.options.hostConcurrency) await new Promise<void>((resolve) => h.waiting.push(resolve));
    h.active++;
    try {
      for (;;) {
        const wait = h.lastStart + Math.max(this.options.hostInterval, h.crawlDelay) - Date.now();
        if (wait <= 0) break;
        await sleep(wait);
      }
      h.lastStart = Date.now();
      this.requests++;
      return await fn();
    } finally {
      h.active--;
      h.waiting.shift()?.();
    }
  }

  private fetchOptions(headers: Record<string, string>, notModified: boolean): SafeFetchOptions {
    const o = this.options;
    return {
      allowPrivate: o.allowPrivate, maxBytes: o.maxBytes, timeoutMs: o.timeout, maxRedirects: 5, notModified,
      headers: { 'user-agent': o.userAgent, ...headers }, ...(o.isBlocked ? { isBlocked: o.isBlocked } : {}),
    };
  }

  /** The host's robots.txt rules (kept an hour): none found (4xx) allows all; unreachable (5xx, no answer) closes the host for a while (RFC 9309). */
  private rulesFor(origin: string): Promise<Robots> {
    const kept = this.robots.get(origin);
    if (kept && Date.now() - kept.at < ROBOTS_TTL_MS) return kept.rules;
    const url = `${origin}/robots.txt`;
    const rules = this.slot(new URL(origin).host, () => safeFetch(url, this.fetchOptions({ accept: 'text/plain' }, false))).then(
      (res): Robots => {
        const robot = robotsParser(url, res.body.toString('utf8'));
        const delay = robot.getCrawlDelay(this.options.userAgent);
        return { allowed: (u) => robot.isAllowed(u, this.options.userAgent) !== false, crawlDelayMs: Math.min(MAX_CRAWL_DELAY_MS, (delay ?? 0) * 1000) };
      },
      (err: unknown): Robots => {
        if (err instanceof HttpStatusError && err.httpStatus >= 400 && err.httpStatus < 500) return { allowed: () => true, crawlDelayMs: 0 };
        // A host this fetcher may not reach at all: said as such (the host's pages would be refused too).
        if (err instanceof ApiError && err.code === 'url-not-allowed') return { error: (err as Error).message, refused: true };
        this.robots.set(origin, { at: Date.now() - ROBOTS_TTL_MS + ROBOTS_RETRY_MS, rules });
        return { error: `${url} cannot be read (${(err as Error).message}): the host is not crawled until it can` };
      });
    this.robots.set(origin, { at: Date.now(), rules });
    return rules;
  }

  /**
   * GETs a URL politely: checked against robots.txt, in the host's turn, retried with backoff when the failure may pass.
   * With `validators`, a conditional GET: a 304 answer comes back with status 304 and an empty body.
   */
  async get(url: string, validators: { etag?: string | null; lastModified?: string | null } | null = null, accept = 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5'): Promise<Fetched> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new FetchError(url, `not a URL: ${url}`, false);
    }
    if (this.options.robots && (parsed.protocol === 'http:' || parsed.protocol === 'https:')) {
      const rules = await this.rulesFor(parsed.origin);
      if ('error' in rules) throw new FetchError(url, rules.error, !rules.refused);
      this.host(parsed.host).crawlDelay = rules.crawlDelayMs;
      if (!rules.allowed(url)) throw new FetchError(url, `${url}: robots.txt disallows it for ${this.options.userAgent}`, false);
    }
    const headers: Record<string, string> = { accept };
    if (validators?.etag) headers['if-none-match'] = validators.etag;
    if (validators?.lastModified) headers['if-modified-since'] = validators.lastModified;
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.slot(parsed.host, () => safeFetch(url, this.fetchOptions(headers, validators !== null)));
      } catch (err) {
        const retryable = isRetryable(err);
        if (!retryable || attempt >= this.options.retries) {
          const tries = attempt > 0 ? ` (after ${attempt + 1} tries)` : '';
          throw new FetchError(url, `${(err as Error).message}${tries}`, retryable, { cause: err });
        }
        const asked = err instanceof HttpStatusError ? retryAfterMs(err.retryAfter) : null;
        const backoff = this.options.backoff * 2 ** attempt;
        await sleep(asked !== null && asked <= MAX_RETRY_AFTER_MS ? Math.max(asked, backoff) : backoff);
      }
    }
  }
}
