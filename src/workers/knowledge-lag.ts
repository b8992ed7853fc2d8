// What stored articles taught, handed to the analysers a fixed number of articles later (ingest --knowledge-lag).
import type { KnownPerson } from '../analyze/knowledge.js';

/**
 * Inputs are numbered in the order they are analysed (0, 1, …; a failed one counts and teaches nothing). With a lag
 * of n, input i is analysed with what the inputs before i − n taught, and with no more: what inputs i − n … i − 1
 * taught is held back until later inputs are analysed. That knowledge is complete before input i is analysed once
 * the inputs before i − n are stored, so the writer lets at most n + 1 inputs be analysed ahead of it. With a lag of 0,
 * what an input taught is passed on at once.
 */
export class KnowledgeLag<I extends object> {
  private readonly positions = new WeakMap<I, number>();
  private readonly held: { at: number; people: KnownPerson[] }[] = [];
  private analysed = 0;
  private stored = 0;

  constructor(readonly lag: number, private readonly teach: (people: KnownPerson[]) => void) {
    if (!Number.isInteger(lag) || lag < 0) throw new RangeError(`the knowledge lag must be a whole number of at least 0, not ${lag}`);
  }

  /** Before `input`, the next in order, is analysed: passes on what the inputs more than `lag` before it taught. */
  next(input: I): void {
    const at = this.analysed++;
    this.positions.set(input, at);
    if (this.lag === 0) return;
    if (this.stored < at - this.lag) {
      throw new Error(`internal error: input ${at} is analysed before input ${this.stored} is stored (knowledge lag ${this.lag})`);
    }
    while (this.held.length && this.held[0].at < at - this.lag) this.teach(this.held.shift()!.people);
  }

  /**
   * What the input being stored taught (`input`, or null for the one the writer is at: what other writers stored
   * meanwhile counts as taught there): passed on now without a lag, else held until `lag` inputs have come after it.
   */
  taught(input: I | null, people: KnownPerson[]): void {
    if (this.lag === 0) { this.teach(people); return; }
    const at = input === null ? this.stored : this.positions.get(input);
    if (at === undefined) throw new Error('internal error: an input taught something before it was analysed');
    this.held.push({ at, people });
  }

  /** Drops what is held back (it was undone: the knowledge is read again whole). */
  forget(): void {
    this.held.length = 0;
  }

  /** The writer is done with the next input (stored or failed), in order. */
  done(): void {
    this.stored++;
  }
}
