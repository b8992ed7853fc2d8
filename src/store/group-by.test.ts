import { describe, expect, it } from 'vitest';
import { groupBy } from './group-by.js';

describe('groupBy', () => {
  it('groups items by key, keys in the order first met and items in their order', () => {
    const rows = [{ k: 'b', v: 1 }, { k: 'a', v: 2 }, { k: 'b', v: 3 }, { k: 'c', v: 4 }, { k: 'a', v: 5 }];
    const groups = groupBy(rows, (r) => r.k);
    expect([...groups.keys()]).toEqual(['b', 'a', 'c']);
    expect(groups.get('b')!.map((r) => r.v)).toEqual([1, 3]);
    expect(groups.get('a')!.map((r) => r.v)).toEqual([2, 5]);
    expect(groupBy([], (x: number) => x).size).toBe(0);
  });
});
