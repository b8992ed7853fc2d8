// The API's one error shape, {error: {code, message}}, and the typed error handlers throw to produce it.

export type ApiErrorCode =
  | 'bad-request' // a parameter or body that does not validate
  | 'unauthorized' // a write without the right bearer token
  | 'origin-not-allowed' // a write from a page whose origin is not a host the server answers to
  | 'not-found' // no such route, proposal, actor, article or stance
  | 'host-not-allowed' // a Host the server does not answer to (--allowed-hosts): a DNS-rebinding page's
  | 'payload-too-large' // a body over the limit
  | 'unsupported-media-type' // a body in a format the endpoint does not read
  | 'url-not-allowed' // a URL to fetch that is not http(s), or points at a loopback or private address
  | 'fetch-failed' // the URL could not be fetched (status, size or time limit)
  | 'no-body' // a proposal names no deciding body: an outlook needs one
  | 'unavailable' // the server cannot take the request now (shutting down, the store's write lock held too long): try again after Retry-After
  | 'internal';

const STATUS: Record<ApiErrorCode, number> = {
  'bad-request': 400, unauthorized: 401, 'origin-not-allowed': 403, 'not-found': 404, 'host-not-allowed': 421, 'payload-too-large': 413, 'unsupported-media-type': 415,
  'url-not-allowed': 422, 'fetch-failed': 502, 'no-body': 422, unavailable: 503, internal: 500,
};

export interface ErrorBody { error: { code: ApiErrorCode; message: string } }

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(readonly code: ApiErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
  }

  get status(): number { return STATUS[this.code]; }

  body(): ErrorBody { return { error: { code: this.code, message: this.message } }; }
}

export const ERROR_CODES = Object.keys(STATUS) as ApiErrorCode[];

/** Seconds a client should wait before trying an `unavailable` (503) request again. */
export const RETRY_AFTER_SECONDS = 1;

/**
 * True for a database error that says only "not now": SQLite's lock held by another process past the wait
 * (SQLITE_BUSY, SQLITE_BUSY_SNAPSHOT…), PostgreSQL's lock timeouts, serialization failures and deadlocks.
 */
export function isRetryable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || ['55P03', '40001', '40P01'].includes(code));
}
