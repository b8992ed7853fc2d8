// Fetches a URL given to the ingest endpoint: http(s) only, size and time limits, never a loopback or private address unless allowed.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { ApiError } from './api-error.js';

export interface SafeFetchOptions {
  /** Allow loopback, private, link-local and other non-public addresses (off by default). */
  allowPrivate?: boolean;
  /** Which addresses are refused unless allowPrivate (default isPrivateAddress); tests narrow it to reach a local server. */
  isBlocked?: (address: string) => boolean;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
  /** Request headers besides the defaults (a User-Agent of the caller's, If-None-Match, If-Modified-Since…). */
  headers?: Record<string, string>;
  /** Answer 304 Not Modified as a result (an empty body) instead of an error: for conditional GETs. */
  notModified?: boolean;
}

export interface Fetched {
  /** The URL the body came from, after redirects. */
  url: string;
  contentType: string | null;
  body: Buffer;
  /** 2xx, or 304 with `notModified`. */
  status: number;
  headers: http.IncomingHttpHeaders;
}

/** Where a refused private address tells the user to look. */
const ALLOW_HINT = 'allow it with --allow-private-urls';

/** A fetch-failed error for an answer that was neither 2xx nor a redirect: its status and Retry-After, for a caller that retries. */
export class HttpStatusError extends ApiError {
  constructor(readonly httpStatus: number, readonly retryAfter: string | null, message: string) {
    super('fetch-failed', message);
  }
}

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** Whether an IPv6 address's 16-bit groups start with `prefix`. */
const startsWith = (parts: number[], prefix: number[]) => prefix.every((group, i) => parts[i] === group);

const ipv4Of = (hi: number, lo: number) => new ipaddr.IPv4([hi >> 8, hi & 0xff, lo >> 8, lo & 0xff]);

/**
 * The IPv4 address an IPv6 address carries, where a host or a gateway would reach it: IPv4-compatible (::/96, which
 * holds :: and ::1 too), IPv4-mapped (::ffff:0:0/96), IPv4-translated (::ffff:0:0:0/96), NAT64 (64:ff9b::/96) and 6to4
 * (2002::/16). 'blocked' for forms whose embedding is not fixed or that tunnel anywhere: Teredo (2001::/32) and
 * local-use NAT64 (64:ff9b:1::/48). Null when it carries none.
 */
function embeddedIpv4(v6: ipaddr.IPv6): ipaddr.IPv4 | 'blocked' | null {
  const p = v6.parts;
  if (startsWith(p, [0x2001, 0]) || startsWith(p, [0x64, 0xff9b, 1])) return 'blocked';
  const carriers = [[0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0xffff], [0, 0, 0, 0, 0xffff, 0], [0x64, 0xff9b, 0, 0, 0, 0]];
  if (carriers.some((prefix) => startsWith(p, prefix))) return ipv4Of(p[6], p[7]);
  if (startsWith(p, [0x2002])) return ipv4Of(p[1], p[2]);
  return null;
}

/**
 * True for addresses that are not public: anything ipaddr.js does not call plain unicast (loopback, private,
 * carrier-grade NAT, link-local, unspecified, broadcast, multicast, documentation, benchmarking, reserved, unique
 * local, discard…), IPv6 addresses that carry such an IPv4 address, and text that is no address. IPv4 is read in
 * every form inet_aton reads (2130706433, 0x7f.1, 0177.0.0.1).
 */
export function isPrivateAddress(address: string): boolean {
  let parsed: Address;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
  } catch {
    return true;
  }
  if (parsed.kind() === 'ipv6') {
    const inner = embeddedIpv4(parsed as ipaddr.IPv6);
    if (inner === 'blocked') return true;
    if (inner) return inner.range() !== 'unicast';
  }
  return parsed.range() !== 'unicast';
}

/** A DNS lookup that refuses private addresses: checked when the socket connects, so a name cannot change its answer after a check. */
function guardedLookup(refuse: (address: string) => boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      const ok = list.filter((a) => !refuse(a.address));
      if (!ok.length) return callback(Object.assign(new Error(`${hostname} resolves to a loopback or private address`), { code: 'EPRIVATE' }), '', 0);
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, ok);
      callback(null, ok[0].address, ok[0].family);
    });
  };
}

type Answer = { status: number; location?: string; contentType: string | null; body: Buffer; headers: http.IncomingHttpHeaders };

function once(url: URL, options: Required<SafeFetchOptions>, deadline: number): Promise<Answer> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const refuse = (address: string) => !options.allowPrivate && options.isBlocked(address);
  if (net.isIP(host) && refuse(host)) {
    return Promise.reject(new ApiError('url-not-allowed', `${url.host} is a loopback or private address: not fetched (${ALLOW_HINT})`));
  }
  const get = url.protocol === 'https:' ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const req = get(url, { lookup: guardedLookup(refuse), headers: { 'user-agent': 'standpoint', accept: 'text/html, text/plain, application/json;q=0.9, */*;q=0.5', ...options.headers } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        resolve({ status, location: res.headers.location, contentType: null, body: Buffer.alloc(0), headers: res.headers });
        return;
      }
      const declared = Number(res.headers['content-length'] ?? 0);
      if (declared > options.maxBytes) {
        req.destroy();
        reject(new ApiError('fetch-failed', `${url} is ${declared} bytes: more than the limit of ${options.maxBytes}`));
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > options.maxBytes) {
          req.destroy();
          reject(new ApiError('fetch-failed', `${url} is more than the limit of ${options.maxBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => resolve({ status, contentType: res.headers['content-type'] ?? null, body: Buffer.concat(chunks), headers: res.headers }));
      res.on('error', reject);
    });
    req.setTimeout(Math.max(1, deadline - Date.now()), () => req.destroy(new ApiError('fetch-failed', `${url} did not answer within ${options.timeoutMs} ms`)));
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err instanceof ApiError) return reject(err);
      if (err.code === 'EPRIVATE') return reject(new ApiError('url-not-allowed', `${err.message}: not fetched (${ALLOW_HINT})`));
      reject(new ApiError('fetch-failed', `cannot fetch ${url}: ${err.message}`, { cause: err }));
    });
  });
}

/** GETs an http(s) URL, following a few redirects (each checked again); the body is at most `maxBytes`. */
export async function safeFetch(raw: string, opts: SafeFetchOptions = {}): Promise<Fetched> {
  const options: Required<SafeFetchOptions> = { allowPrivate: false, isBlocked: isPrivateAddress, maxBytes: 5_000_000, timeoutMs: 10_000, maxRedirects: 3, headers: {}, notModified: false, ...opts };
  const deadline = Date.now() + options.timeoutMs;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ApiError('bad-request', `not a URL: ${raw}`);
  }
  for (let hop = 0; ; hop++) {
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ApiError('url-not-allowed', `only http and https URLs are fetched, not ${url.protocol}`);
    const res = await Promise.race([
      once(url, options, deadline),
      new Promise<never>((_, reject) => setTimeout(() => reject(new ApiError('fetch-failed', `${url} did not answer within ${options.timeoutMs} ms`)), Math.max(1, deadline - Date.now())).unref()),
    ]);
    if (res.location) {
      if (hop >= options.maxRedirects) throw new ApiError('fetch-failed', `${raw}: more than ${options.maxRedirects} redirects`);
      url = new URL(res.location, url);
      continue;
    }
    if (res.status === 304 && options.notModified) return { url: url.toString(), contentType: res.contentType, body: res.body, status: 304, headers: res.headers };
    if (res.status < 200 || res.status >= 300) throw new HttpStatusError(res.status, res.headers['retry-after'] ?? null, `${url} answered HTTP ${res.status}`);
    return { url: url.toString(), contentType: res.contentType, body: res.body, status: res.status, headers: res.headers };
  }
}
