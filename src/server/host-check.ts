// Refuses requests whose Host the server does not answer to (DNS rebinding), and writes sent from a page of another origin.
import type { MiddlewareHandler } from 'hono';
import { ApiError } from './api-error.js';

/** A host name, lowercased (an IPv6 address in brackets), and its port; a null port matches any. */
export interface HostName { name: string; port: string | null }

/** Reads `name`, `name:port`, `[v6]` or `[v6]:port` (a Host header, an --allowed-hosts entry); null when it is none of these. */
export function parseHost(value: string): HostName | null {
  const m = /^(\[[0-9a-f:.]+\]|[^\s:/@[\]]+?)\.?(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m || !m[1]) return null;
  return { name: m[1].toLowerCase(), port: m[2] ?? null };
}

/** The names a local server answers to: localhost, 127.0.0.1, [::1] and the addresses it is bound to; with its port once known. */
export function localHosts(port?: number, bound: string[] = []): string[] {
  const names = ['localhost', '127.0.0.1', '[::1]'];
  for (const b of bound) {
    if (!['', '0.0.0.0', '::', '[::]'].includes(b)) names.push(b.includes(':') && !b.startsWith('[') ? `[${b.toLowerCase()}]` : b.toLowerCase());
  }
  return [...new Set(names)].map((n) => (port === undefined ? n : `${n}:${port}`));
}

/** The allowed hosts from a comma-separated list (--allowed-hosts, $STANDPOINT_ALLOWED_HOSTS); throws on an entry that is no host. */
export function parseAllowedHosts(list: string): string[] {
  const entries = list.split(',').map((s) => s.trim()).filter(Boolean);
  for (const e of entries) if (!parseHost(e)) throw new Error(`not a host name: "${e}" (expected NAME or NAME:PORT, e.g. standpoint.example.org)`);
  return entries;
}

/** Whether a host (its port given, or the scheme's) is one of the allowed. */
const matches = (host: HostName, port: string, allowed: readonly HostName[]) =>
  allowed.some((a) => a.name === host.name && (a.port === null || a.port === port));

/**
 * A request is answered only when its Host is one of `allowed()` (421 otherwise): a page that rebinds its own name to
 * this server's address sends its own name as Host. A write (any method but GET and HEAD) that carries an Origin must
 * come from an allowed host too (403): a page elsewhere cannot post with the token a user typed.
 */
export function hostCheck(allowed: () => readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    const rules = allowed().map(parseHost).filter((h) => h !== null);
    const raw = c.req.header('host') ?? new URL(c.req.url).host;
    const host = parseHost(raw);
    if (!host || !matches(host, host.port ?? '80', rules)) {
      throw new ApiError('host-not-allowed', `this server does not answer to the host "${raw.slice(0, 200)}": start it with --allowed-hosts NAME to allow a name`);
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && c.req.method !== 'GET' && c.req.method !== 'HEAD') {
      let ok = false;
      try {
        const url = new URL(origin);
        const from = parseHost(url.host);
        ok = !!from && matches(from, url.port || (url.protocol === 'https:' ? '443' : '80'), rules);
      } catch {
        // "null" and other origins that are no URL
      }
      if (!ok) throw new ApiError('origin-not-allowed', `writes from the origin "${origin.slice(0, 200)}" are refused: only pages of the hosts this server answers to may write`);
    }
    await next();
  };
}
