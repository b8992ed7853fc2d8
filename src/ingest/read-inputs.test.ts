import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whereText } from './ingest-error.js';
import { readInputs, type Input } from './read-inputs.js';

const TEXT = 'The defence minister said on Monday that her country would not join the proposed naval mission.';
let dir: string;

async function collect(paths: string[], stdin?: string): Promise<Input[]> {
  const out: Input[] = [];
  for await (const input of readInputs(paths, stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(stdin)]) })) out.push(input);
  return out;
}
const describeInput = (i: Input) => (i.kind === 'article' ? `article ${i.article.file}` : `${i.error.code} ${whereText(i.error.where)}`);

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-read-'));
  const put = (name: string, content: string | Buffer) => {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), content);
  };
  put('b.txt', ` date 2022-05-01 ${TEXT}`);
  put('a.json', JSON.stringify({ id: 'one', text: TEXT }));
  put('c.jsonl', `${JSON.stringify({ text: TEXT })}\n\n{"text": broken\n${JSON.stringify({ text: `${TEXT} Again.` })}\n`);
  put('d/e.html', `<html><body><article><p>${TEXT}</p></article></body></html>`);
  put('d/f.txt', '');
  put('d/g.bin', Buffer.from([0x00, 0x01, 0x02, 0xff, 0x00, 0x10]));
  put('d/h.txt', TEXT);
  put('.hidden.txt', TEXT);
  put('b.gold.json', '{"proposals": []}');
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('readInputs', () => {
  it('walks a folder recursively in name order, skipping hidden and gold files, one result per article or failure', async () => {
    const got = (await collect([dir])).map(describeInput).map((s) => s.replaceAll(dir, 'DIR'));
    expect(got).toEqual([
      'article DIR/a.json',
      'article DIR/b.txt',
      'article DIR/c.jsonl:1',
      'bad-json DIR/c.jsonl:3',
      'article DIR/c.jsonl:4',
      'article DIR/d/e.html',
      'empty DIR/d/f.txt',
      'binary DIR/d/g.bin',
      'article DIR/d/h.txt',
    ]);
  });
  it('reads the fields of each format', async () => {
    const [a, b] = await collect([path.join(dir, 'a.json'), path.join(dir, 'b.txt')]);
    expect(a.kind === 'article' && a.article.id).toBe('one');
    expect(b.kind === 'article' && b.article.date).toBe('2022-05-01');
  });
  it('reads an explicitly named file whatever its name', async () => {
    const [hidden] = await collect([path.join(dir, '.hidden.txt')]);
    expect(hidden.kind).toBe('article');
  });
  it('reports a missing path and goes on', async () => {
    const got = await collect([path.join(dir, 'missing.txt'), path.join(dir, 'd', 'h.txt')]);
    expect(got.map((i) => (i.kind === 'article' ? 'article' : i.error.code))).toEqual(['not-found', 'article']);
  });
  it('reads standard input as "-" in any format', async () => {
    const [text] = await collect(['-'], ` date 2022-05-02 ${TEXT}`);
    expect(text.kind === 'article' && text.article).toMatchObject({ file: '-', date: '2022-05-02', text: TEXT });
    const lines = await collect(['-'], `${JSON.stringify({ text: TEXT })}\n${JSON.stringify({ text: TEXT, id: 'z' })}\n`);
    expect(lines.map((i) => i.kind === 'article' && i.article.file)).toEqual(['-:1', '-:2']);
    const [empty] = await collect(['-'], '');
    expect(empty.kind === 'error' && empty.error.describe()).toBe('<stdin>: empty file');
  });
  it('streams JSON Lines across chunk boundaries and multi-byte characters', async () => {
    const line = JSON.stringify({ text: `Kraków and Kyiv — ${TEXT}` });
    const bytes = Buffer.from(`${line}\n`.repeat(3));
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    const got: Input[] = [];
    for await (const input of readInputs(['-'], { stdin: Readable.from(chunks) })) got.push(input);
    expect(got.map((i) => i.kind === 'article' && i.article.text.slice(0, 6))).toEqual(['Kraków', 'Kraków', 'Kraków']);
  });
  it('says when a JSON Lines file has no lines', async () => {
    const file = path.join(dir, 'blank.jsonl');
    fs.writeFileSync(file, '\n\n');
    const [got] = await collect([file]);
    expect(got.kind === 'error' && got.error.code).toBe('empty');
    fs.rmSync(file);
  });
});
