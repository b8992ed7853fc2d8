// Errors of the job queue, with a code a caller can act on.

export class QueueError extends Error {
  constructor(readonly code: 'connection' | 'bad-url' | 'bad-job' | 'too-large', message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QueueError';
  }
}
