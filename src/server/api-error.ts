// The API's one error shape, {error: {code, message}}, and the typed error handlers throw to produce it.

export type ApiErrorCode =
  | 'bad-request' // a parameter or body that does not validate
  | 'unauthorized' // a write without the right bearer token
  | 'not-found' // no such route, proposal, actor, article or stance
  | 'payload-too-large' // a body over the limit
  | 'unsupported-media-type' // a body in a format the endpoint does not read
  | 'url-not-allowed' // a URL to fetch that is not http(s), or points at a loopback or private address
  | 'fetch-failed' // the URL could not be fetched (status, size or time limit)
  | 'no-body' // a proposal names no deciding body: an outlook needs one
  | 'unavailable' // the server cannot take the request now (shutting down, the store busy): try again
  | 'internal';

const STATUS: Record<ApiErrorCode, number> = {
  'bad-request': 400, unauthorized: 401, 'not-found': 404, 'payload-too-large': 413, 'unsupported-media-type': 415,
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
