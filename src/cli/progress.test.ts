import { describe, expect, it } from 'vitest';
import { Progress } from './progress.js';

function fakeStream() {
  const written: string[] = [];
  return { written, stream: { isTTY: true, write: (s: string) => written.push(s) } as unknown as NodeJS.WriteStream };
}

describe('Progress', () => {
  it('stays silent for a short batch and when not enabled', () => {
    const short = fakeStream();
    const p = new Progress({ stream: short.stream, enabled: true, afterMs: 60_000, afterCount: 10 });
    for (let i = 0; i < 9; i++) p.tick(false);
    p.clear();
    expect(short.written).toEqual([]);
    const off = fakeStream();
    const q = new Progress({ stream: off.stream, enabled: false, afterMs: 0, afterCount: 0 });
    q.tick(true);
    expect(off.written).toEqual([]);
  });
  it('shows a counting line once the batch is long, and moves it out of the way of messages', () => {
    const { written, stream } = fakeStream();
    const p = new Progress({ stream, enabled: true, afterMs: 60_000, afterCount: 2, verb: 'stored' });
    p.tick(false);
    p.tick(true);
    expect(written.at(-1)).toMatch(/^\r\x1b\[Kstored 2 inputs, 1 with problems \([\d.]+\/s\)$/);
    p.message('a.txt: error: empty file');
    expect(written.slice(-2)).toEqual(['\r\x1b[K', 'a.txt: error: empty file\n']);
    p.clear();
    expect(written.at(-1)).toBe('\r\x1b[K');
  });
});
