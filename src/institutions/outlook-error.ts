// The one error the outlook raises: a code the CLI and API can switch on, and a sentence for people.

export type OutlookErrorCode = 'bad-body' | 'bad-date' | 'bad-key' | 'bad-stance' | 'membership-unknown' | 'no-body';

export class OutlookError extends Error {
  constructor(readonly code: OutlookErrorCode, message: string) {
    super(message);
    this.name = 'OutlookError';
  }
}
