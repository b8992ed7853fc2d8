import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWatchList, readWatchList, WatchListError } from './watch-list.js';

const problems = (text: string, file = 'watch.yaml'): string[] => {
  try {
    parseWatchList(text, file);
  } catch (err) {
    expect(err).toBeInstanceOf(WatchListError);
    expect((err as Error).message.startsWith(`${file}: `)).toBe(true);
    return (err as WatchListError).problems;
  }
  throw new Error('no error');
};

describe('watch list', () => {
  it('reads the JSON of the contract, with defaults for the rest', () => {
    const list = parseWatchList('{"feeds": [{"url": "https://news.example/rss", "keywords": ["NATO"]}], "webhooks": [{"url": "https://hooks.example/in", "secret": "0123456789abcdef"}]}', 'w.json');
    expect(list.feeds).toEqual([{ url: 'https://news.example/rss', kind: 'auto', keywords: ['NATO'] }]);
    expect(list.webhooks).toHaveLength(1);
    expect(list.interval).toBe(15 * 60_000);
    expect(list.polite).toMatchObject({ hostInterval: 1000, hostConcurrency: 2, retries: 2, robots: true });
    expect(list.polite.userAgent).toMatch(/Standpoint/);
  });

  it('reads YAML with durations in words', () => {
    const list = parseWatchList('interval: 5m\nfeeds:\n  - url: https://news.example/sitemap.xml\n    kind: sitemap\npolite:\n  hostInterval: 250ms\n  timeout: 2\n', 'w.yaml');
    expect(list.interval).toBe(300_000);
    expect(list.polite.hostInterval).toBe(250);
    expect(list.polite.timeout).toBe(2000);
    expect(list.feeds[0].kind).toBe('sitemap');
  });

  it('names the field and the line of each problem', () => {
    const found = problems('feeds:\n  - url: https://news.example/rss\n    keywords: [NATO, ""]\n  - url: ftp://news.example/x\ninterval: ten minutes\nwebhooks:\n  - url: https://hooks.example\n    secret: short\n');
    expect(found).toEqual(expect.arrayContaining([
      expect.stringMatching(/^line 3: feeds\[0\]\.keywords\[1\]: a keyword cannot be blank/),
      expect.stringMatching(/^line 4: feeds\[1\]\.url: an http/),
      expect.stringMatching(/^line 5: interval: /),
      expect.stringMatching(/^line 8: webhooks\[0\]\.secret: a secret of at least 16/),
    ]));
    expect(found).toHaveLength(4);
  });

  it('refuses unknown fields, no feeds, and broken syntax, with the line', () => {
    expect(problems('feeds: []\nfeed: {}\n')).toEqual(expect.arrayContaining([expect.stringMatching(/^line 1: feeds: name at least one feed/), expect.stringMatching(/unrecognized key.*"feed"/i)]));
    expect(problems('{"feeds": [ {"url": \n', 'w.json')[0]).toMatch(/^line \d+: /);
  });

  it('says when the file is missing', () => {
    const file = path.join(os.tmpdir(), `no-such-watch-${process.pid}.json`);
    expect(() => readWatchList(file)).toThrow(`${file}: no such file`);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-list-'));
    fs.writeFileSync(path.join(dir, 'w.json'), '{"feeds": [{"url": "http://127.0.0.1:1/feed"}]}');
    expect(readWatchList(path.join(dir, 'w.json')).feeds[0].url).toBe('http://127.0.0.1:1/feed');
    fs.rmSync(dir, { recursive: true });
  });
});
