// Finds reported speech ("X said (that) …", "…, X said.", "according to X, …") and its speaker.
import type { Span } from '../record.js';
import type { Attribution } from './attribution.js';
import type { SpeakerContext } from './speaker.js';

export interface IndirectQuote {
  span: Span;
  attr: Attribution | null;
}

export function findIndirect(_ctx: SpeakerContext, _marked: Span[]): IndirectQuote[] {
  return [];
}
