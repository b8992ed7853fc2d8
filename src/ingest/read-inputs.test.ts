import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { whereText } from './ingest-error.js';
import { readInputs, type Input } from './read-inputs.js';

const TEXT = 'The defence minister said on Monday that her country would not join the proposed naval mission.';
let dir: string;

async function collect(paths: string[], stdin?: string | Buffer, options: { maxInputBytes?: number } = {}): Promise<Input[]> {
  const out: Input[] = [];
  for await (const input of readInputs(paths, { ...options, ...(stdin === undefined ? {} : { stdin: Readable.from([Buffer.from(stdin)]) }) })) out.push(input);
  return out;
}
const problemsOf = (i: Input) => (i.kind === 'article' ? i.problems.map((p) => `${p.level} ${p.code} ${whereText(p.where)}`) : []);
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
  it('reads a JSON Lines file in Windows-1252 as Windows-1252, with a warning naming the line', async () => {
    const file = path.join(dir, 'legacy.jsonl');
    const latin = (text: string) => Buffer.from(text.replace('€', '\x80'), 'latin1');
    fs.writeFileSync(file, Buffer.concat([
      latin(`${JSON.stringify({ id: 'l1', title: 'Müller', text: `José Martínez and Françoise Dupré met Søren Müller. ${TEXT}` })}\n`),
      Buffer.from(`${JSON.stringify({ id: 'l2', text: `Kraków — ${TEXT}` })}\n`),
      latin(`${JSON.stringify({ id: 'l3', text: `It costs 5 € - ${TEXT}` })}\n`),
    ]));
    const got = await collect([file]);
    fs.rmSync(file);
    expect(got.map((i) => i.kind === 'article' && i.article.text.replace(TEXT, ''))).toEqual([
      'José Martínez and Françoise Dupré met Søren Müller. ', 'Kraków — ', 'It costs 5 € - ',
    ]);
    expect(got[0].kind === 'article' && got[0].article.title).toBe('Müller');
    expect(got.map(problemsOf)).toEqual([[`warning encoding ${file}:1`], [], [`warning encoding ${file}:3`]]);
  });
  it('reads a text cut in its last UTF-8 character without turning it into Windows-1252', async () => {
    const cut = Buffer.from(`Zürich and Kraków. ${TEXT} Ż`).subarray(0, -1);
    const [got] = await collect(['-'], cut);
    expect(got.kind === 'article' && got.article.text).toBe(`Zürich and Kraków. ${TEXT} `);
    expect(problemsOf(got)).toEqual(['warning encoding <stdin>']);
  });
  it('skips a JSON line longer than the cap, naming the line, without stopping the file', async () => {
    const long = JSON.stringify({ text: `${TEXT} `.repeat(50) });
    const lines = [JSON.stringify({ id: 'a', text: TEXT }), long, JSON.stringify({ id: 'b', text: TEXT }), long].join('\n');
    // Chunks of 7 bytes: the long line spans many, and the cap is crossed inside a chunk and at its end.
    const bytes = Buffer.from(lines);
    const got: Input[] = [];
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.subarray(i * 7, i * 7 + 7));
    for await (const input of readInputs(['-'], { stdin: Readable.from(chunks), maxInputBytes: 1000 })) got.push(input);
    expect(got.map(describeInput)).toEqual(['article -:1', 'too-large <stdin>:2', 'article -:3', 'too-large <stdin>:4']);
    const tooLarge = got[1].kind === 'error' ? got[1].error.message : '';
    expect(tooLarge).toContain(`${Buffer.byteLength(long).toLocaleString('en')} bytes`);
    expect(tooLarge).toContain('1,000 bytes');
    // A line of exactly the cap is read.
    const exact = JSON.stringify({ text: `${TEXT} `.repeat(3) });
    expect((await collect(['-'], exact, { maxInputBytes: Buffer.byteLength(exact) })).map(describeInput)).toEqual(['article -:1']);
  });
  it('skips a file larger than the cap and reads the next', async () => {
    const big = path.join(dir, 'big.txt');
    fs.writeFileSync(big, `${TEXT}\n`.repeat(100_000));
    const got = await collect([big, path.join(dir, 'd', 'h.txt')], undefined, { maxInputBytes: 64 * 1024 });
    fs.rmSync(big);
    expect(got.map(describeInput).map((s) => s.replaceAll(dir, 'DIR'))).toEqual(['too-large DIR/big.txt', 'article DIR/d/h.txt']);
  });
  it('removes NUL and other control characters from the text and fields, with a warning that counts them', async () => {
    const line = JSON.stringify({ id: 'n\u00001', title: 'A\u0000title', source: 'Wire\u001b', text: `The minister\u0000 said\u0007 it.\f\tNew page.\r\n${TEXT}` });
    const [got] = await collect(['-'], `${line}\n`);
    expect(got.kind === 'article' && got.article).toMatchObject({ id: 'n1', title: 'Atitle', source: 'Wire', text: `The minister said it.\f\tNew page.\r\n${TEXT}` });
    expect(problemsOf(got)).toEqual(['warning control-characters <stdin>:1']);
    expect(got.kind === 'article' && got.problems[0].message).toMatch(/^5 control characters/);
    // Past the sniffed start of a text file, where a NUL does not make it binary.
    const [text] = await collect(['-'], `${TEXT} `.repeat(200) + 'a\u0000b');
    expect(text.kind === 'article' && text.article.text.endsWith(' ab')).toBe(true);
    expect(problemsOf(text)).toEqual(['warning control-characters <stdin>']);
  });
});
