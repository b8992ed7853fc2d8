// Fetches a URL given to the ingest endpoint: http(s) only, size and time limits, never a loopback or private address unless allowed.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { ApiError } from './api-error.js';

export interface SafeFetchOptions {
  /** Allow loopback, private, link-local and other non-public addresses (off by default). */
  allowPrivate?: boolean;
  maxBytes?: number;
  timeoutMs?: number;
  maxRedirects?: number;
}

export interface Fetched { url: string; contentType: string | null; body: Buffer }

const blocked = new net.BlockList();
for (const [net4, bits] of [['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4]] as const) {
  blocked.addSubnet(net4, bits, 'ipv4');
}
for (const [net6, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32]] as const) {
  blocked.addSubnet(net6, bits, 'ipv6');
}

/** True for addresses that are not public: loopback, private, link-local, unspecified, multicast, reserved (IPv4-mapped too). */
export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isPrivateAddress(mapped[1]);
  const family = net.isIP(address);
  if (family === 0) return true;
  return blocked.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** A DNS lookup that refuses private addresses: checked when the socket connects, so a name cannot change its answer after a check. */
function guardedLookup(allowPrivate: boolean): net.LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, '', 0);
      const list = addresses as dns.LookupAddress[];
      const ok = list.filter((a) => allowPrivate || !isPrivateAddress(a.address));
      if (!ok.length) return callback(Object.assign(new Error(`${hostname} resolves to a loopback or private address`), { code: 'EPRIVATE' }), '', 0);
      if ((options as dns.LookupOptions).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, ok);
      callback(null, ok[0].address, ok[0].family);
    });
  };
}

function once(url: URL, options: Required<SafeFetchOptions>, deadline: number): Promise<{ status: number; location?: string; contentType: string | null; body: Buffer }> {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) && !options.allowPrivate && isPrivateAddress(host)) {
    return Promise.reject(new ApiError('url-not-allowed', `${url.host} is a loopback or private address: not fetched (start the server with --allow-private-urls to allow it)`));
  }
  const get = url.protocol === 'https:' ? https.get : http.get;
  return new Promise((resolve, reject) => {
    const req = get(url, { lookup: guardedLookup(options.allowPrivate), headers: { 'user-agent': 'standpoint', accept: 'text/html, text/plain, application/json;q=0.9, */*;q=0.5' } }, (res) => {
      const status = res.statusCode ?? 0;
      if (status >= 300 && status < 400 && res.headers.location) {
        res.resume();
        resolve({ status, location: res.headers.location, contentType: null, body: Buffer.alloc(0) });
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
      res.on('end', () => resolve({ status, contentType: res.headers['content-type'] ?? null, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(Math.max(1, deadline - Date.now()), () => req.destroy(new ApiError('fetch-failed', `${url} did not answer within ${options.timeoutMs} ms`)));
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err instanceof ApiError) return reject(err);
      if (err.code === 'EPRIVATE') return reject(new ApiError('url-not-allowed', `${err.message}: not fetched (start the server with --allow-private-urls to allow it)`));
      reject(new ApiError('fetch-failed', `cannot fetch ${url}: ${err.message}`, { cause: err }));
    });
  });
}

/** GETs an http(s) URL, following a few redirects (each checked again); the body is at most `maxBytes`. */
export async function safeFetch(raw: string, opts: SafeFetchOptions = {}): Promise<Fetched> {
  const options: Required<SafeFetchOptions> = { allowPrivate: false, maxBytes: 5_000_000, timeoutMs: 10_000, maxRedirects: 3, ...opts };
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
    if (res.status < 200 || res.status >= 300) throw new ApiError('fetch-failed', `${url} answered HTTP ${res.status}`);
    return { url: url.toString(), contentType: res.contentType, body: res.body };
  }
}
