// The watch list: the file (JSON or YAML) an analyst edits to say which feeds to poll, what to keep, whom to alert; read and checked here.
import fs from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Document } from 'yaml';
import { z } from 'zod';

/** A duration: a number of seconds, or "90s", "15m", "1h", "500ms". */
const DURATION = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

const duration = z.union([
  z.number().nonnegative(),
  z.string().regex(DURATION, 'a duration such as "500ms", "30s", "15m" or "1h" (or a number of seconds)'),
]).transform((v) => (typeof v === 'number' ? v * 1000 : Number(DURATION.exec(v)![1]) * UNIT_MS[DURATION.exec(v)![2]]));

const httpUrl = z.string().refine((s) => {
  try {
    return ['http:', 'https:'].includes(new URL(s).protocol);
  } catch {
    return false;
  }
}, 'an http:// or https:// URL');

export const FEED_KINDS = ['auto', 'rss', 'atom', 'json', 'sitemap', 'urls'] as const;
export type FeedKind = (typeof FEED_KINDS)[number];

const Feed = z.strictObject({
  url: httpUrl,
  /** A name for reports; the URL by default. */
  name: z.string().min(1).optional(),
  /** What the URL serves; `auto` tells from the content (the default). */
  kind: z.enum(FEED_KINDS).default('auto'),
  /** Words or phrases of which an item must hold one (any case) to be ingested; none: every item. */
  keywords: z.array(z.string().trim().min(1, 'a keyword cannot be blank')).default([]),
});

const Webhook = z.strictObject({
  url: httpUrl,
  /** The key of the HMAC-SHA256 signature of each body (header X-Standpoint-Signature). */
  secret: z.string().min(16, 'a secret of at least 16 characters'),
});

const Politeness = z.strictObject({
  /** The User-Agent of every request (robots.txt rules are matched against it). */
  userAgent: z.string().min(1).default('Standpoint-Watch/0.1 (news watcher; +https://github.com/standpoint)'),
  /** The least time between two requests to one host (a robots.txt Crawl-delay longer than it wins). */
  hostInterval: duration.default(1000),
  /** Requests to one host at once. */
  hostConcurrency: z.number().int().min(1).max(16).default(2),
  /** Tries after the first for an answer that may change (time-out, 429, 5xx), waiting backoff, 2×backoff, …. */
  retries: z.number().int().min(0).max(10).default(2),
  backoff: duration.default(1000),
  /** The time limit of one request, and the most bytes of one answer. */
  timeout: duration.default(15_000),
  maxBytes: z.number().int().positive().default(5_000_000),
  /** Honour robots.txt (default true). */
  robots: z.boolean().default(true),
}).prefault({});

export const WatchListSchema = z.strictObject({
  feeds: z.array(Feed).min(1, 'name at least one feed'),
  /** How long `watch` waits between polls (not with --once). */
  interval: duration.default(15 * 60_000),
  /** Proposals whose changes raise alerts: ids, keys or words of their summaries; none given: every proposal. */
  follow: z.array(z.string().trim().min(1)).default([]),
  webhooks: z.array(Webhook).default([]),
  polite: Politeness,
});

export type WatchList = z.output<typeof WatchListSchema>;
export type WatchFeed = WatchList['feeds'][number];
export type WatchWebhook = WatchList['webhooks'][number];

/** A watch list that cannot be read, naming the file, and the field and line where it can. */
export class WatchListError extends Error {
  override readonly name = 'WatchListError';
  constructor(readonly file: string, readonly problems: string[]) {
    super(`${file}: ${problems.length === 1 ? problems[0] : `${problems.length} problems:\n  ${problems.join('\n  ')}`}`);
  }
}

/** A field's path as the analyst would point at it: feeds[2].keywords[0]. */
const pathText = (path: ReadonlyArray<PropertyKey>) => path.reduce<string>((out, p) => (typeof p === 'number' ? `${out}[${p}]` : out ? `${out}.${String(p)}` : String(p)), '');

/** The 1-based line of a YAML (or JSON, which YAML reads) node at a path, as far down the path as the file goes. */
function lineOf(doc: Document, counter: LineCounter, path: ReadonlyArray<PropertyKey>): number | null {
  let node: unknown = doc.contents;
  let line: number | null = null;
  const at = (n: unknown) => {
    const range = (n as { range?: [number, number, number] } | null)?.range;
    if (range) line = counter.linePos(range[0]).line;
  };
  at(node);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === String(key));
      if (!pair) break;
      at(pair.key);
      node = pair.value;
      at(node);
    } else if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      at(node);
    } else break;
  }
  return line;
}

/** Reads and checks a watch list from its text; `file` names it in errors (YAML, or JSON, which is YAML too). */
export function parseWatchList(text: string, file: string): WatchList {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw new WatchListError(file, doc.errors.map((e) => `line ${counter.linePos(e.pos[0]).line}: ${e.message.split('\n')[0]}`));
  }
  const value: unknown = doc.toJS();
  const parsed = WatchListSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new WatchListError(file, parsed.error.issues.map((issue) => {
    const line = lineOf(doc, counter, issue.path);
    const where = pathText(issue.path) || 'the watch list';
    return `${line ? `line ${line}: ` : ''}${where}: ${issue.message}`;
  }));
}

/** Reads and checks the watch list file. */
export function readWatchList(file: string): WatchList {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new WatchListError(file, [code === 'ENOENT' ? 'no such file' : `cannot read: ${(err as Error).message}`]);
  }
  return parseWatchList(text, file);
}
