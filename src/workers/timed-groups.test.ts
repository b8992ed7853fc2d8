import { describe, expect, it } from 'vitest';
import { timedGroups } from './timed-groups.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Yields the numbers, waiting `pauses[i]` ms before item i. */
async function* slow(pauses: number[]) { for (let i = 0; i < pauses.length; i++) { await sleep(pauses[i]); yield i; } }

async function collect<I>(source: AsyncIterable<I>, size: number, ms: number): Promise<I[][]> {
  const out: I[][] = [];
  for await (const group of timedGroups(source, { size, ms })) {
    const g: I[] = [];
    for await (const item of group) g.push(item);
    out.push(g);
  }
  return out;
}

describe('timedGroups', () => {
  it('cuts groups at `size` items', async () => {
    expect(await collect(slow([0, 0, 0, 0, 0, 0, 0]), 3, 10_000)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
  });

  it('ends a group when the next item is late, and starts the next group only when an item arrives', async () => {
    const started: number[] = [];
    const t0 = Date.now();
    for await (const group of timedGroups(slow([0, 0, 300, 0]), { size: 10, ms: 100 })) {
      started.push(Date.now() - t0);
      for await (const _ of group) { /* consume */ }
    }
    expect(started).toHaveLength(2);
    expect(started[1]).toBeGreaterThanOrEqual(290); // the second group opened with item 2, not while waiting for it
    expect(await collect(slow([0, 0, 300, 0]), 10, 100)).toEqual([[0, 1], [2, 3]]);
  });

  it('asks for the next item only once the consumer is done with the one before', async () => {
    let asked = 0;
    async function* counted() { for (let i = 0; i < 4; i++) { asked++; yield i; } }
    for await (const group of timedGroups(counted(), { size: 2, ms: 10_000 })) {
      for await (const item of group) { expect(asked).toBe(item + 1); await sleep(1); }
    }
  });

  it('closes the group in progress, then throws the source\'s failure', async () => {
    async function* failing() { yield 1; yield 2; throw new Error('read failed'); }
    const seen: number[][] = [];
    const run = async () => {
      for await (const group of timedGroups(failing(), { size: 10, ms: 10_000 })) {
        const g: number[] = [];
        for await (const item of group) g.push(item);
        seen.push(g);
      }
    };
    await expect(run()).rejects.toThrow('read failed');
    expect(seen).toEqual([[1, 2]]);
  });
});
