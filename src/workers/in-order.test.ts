import { describe, expect, it } from 'vitest';
import { inOrder } from './in-order.js';

async function* items(n: number) { for (let i = 0; i < n; i++) yield i; }
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('inOrder', () => {
  it('yields results in input order though later items finish first, with at most `window` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const out: number[] = [];
    const work = async (i: number) => { inFlight++; most = Math.max(most, inFlight); await sleep(10 - i); inFlight--; return i * 10; };
    for await (const { item, result } of inOrder(items(10), work, { window: 3 })) {
      expect(result).toEqual({ ok: true, value: item * 10 });
      out.push(item);
    }
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(most).toBe(3);
  });

  it('passes a failure on as a settled result, and the stream goes on', async () => {
    const seen: string[] = [];
    for await (const { item, result } of inOrder(items(3), async (i) => { if (i === 1) throw new Error('no'); return i; }, { window: 2 })) {
      seen.push(result.ok ? `${item}:${result.value}` : `${item}:${result.error.message}`);
    }
    expect(seen).toEqual(['0:0', '1:no', '2:2']);
  });

  it('yields a finished result while the source waits for its next item', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => { release = r; });
    async function* slow() { yield 1; await gate; yield 2; }
    const seen: number[] = [];
    for await (const { item } of inOrder(slow(), async (i) => i, { window: 8 })) {
      seen.push(item);
      if (item === 1) release(); // reached before the source gave its second item
    }
    expect(seen).toEqual([1, 2]);
  });
});
