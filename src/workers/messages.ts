// The messages between the main thread and an analyser worker thread.
import type { AnalysisResult } from '../analyze/index.js';
import type { KnownPerson } from '../analyze/knowledge.js';
import type { Article } from '../analyze/record.js';
import type { Fingerprint } from '../aggregate/near-duplicates.js';

/** Main thread → worker: learn people (in this order), or analyse one article (and fingerprint its text, for storing). */
export type ToWorker =
  | { kind: 'learn'; people: KnownPerson[] }
  | { kind: 'analyze'; job: number; article: Article; fingerprint: boolean };

/** Worker → main thread: an article's result, or the analyser failing as a whole on it. */
export type FromWorker =
  | { kind: 'done'; job: number; result: AnalysisResult; fingerprint?: Fingerprint }
  | { kind: 'failed'; job: number; message: string };
