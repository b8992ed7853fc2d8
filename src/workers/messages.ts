// The messages between the main thread and an analyser worker thread.
import type { AnalysisResult } from '../analyze/index.js';
import type { KnownPerson } from '../analyze/knowledge.js';
import type { Article } from '../analyze/record.js';
import type { Fingerprint } from '../aggregate/near-duplicates.js';

/**
 * Main thread → worker: analyse one article (and fingerprint its text, for storing), after learning `learn`
 * (the people taught since the last message, in order; with `reset`, after forgetting every person it knew). With `json`, the record comes back as its JSON text
 * (for printing: the main thread then neither rebuilds the record's objects nor serialises them again).
 */
export type ToWorker = { kind: 'analyze'; job: number; article: Article; fingerprint: boolean; json: boolean; learn: KnownPerson[]; reset?: boolean };

/**
 * Worker → main thread: an article's result with the knowledge keys the analyser looked up (null: it read the
 * whole snapshot), or the analyser failing as a whole on it.
 */
export type FromWorker =
  | { kind: 'done'; job: number; result: AnalysisResult; fingerprint?: Fingerprint; lookups: string[] | null }
  | { kind: 'json'; job: number; json: string; warnings: string[] }
  | { kind: 'failed'; job: number; message: string };
