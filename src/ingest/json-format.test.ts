import { describe, expect, it } from 'vitest';
import { IngestError } from './ingest-error.js';
import { parseJsonArticle } from './json-format.js';

const TEXT = 'The prime minister said the government would not support the proposed embargo.';

function failure(raw: string): IngestError {
  try {
    parseJsonArticle(raw, { file: 'in.jsonl', line: 7 });
  } catch (err) {
    if (err instanceof IngestError) return err;
    throw err;
  }
  throw new Error('expected an IngestError');
}

describe('parseJsonArticle', () => {
  it('reads every field of the article object', () => {
    const raw = JSON.stringify({ id: 'x-1', date: '2021-06-01', title: 'T', url: 'https://example.org/a', source: 'Example', text: TEXT });
    const { article, problems } = parseJsonArticle(raw, { file: 'a.json' });
    expect(problems).toEqual([]);
    expect(article).toEqual({ id: 'x-1', date: '2021-06-01', title: 'T', url: 'https://example.org/a', source: 'Example', file: 'a.json', language: 'en', text: TEXT });
  });
  it('names the line for JSON Lines, hashes the text without an id, and takes numeric ids and null fields', () => {
    const { article } = parseJsonArticle(JSON.stringify({ text: TEXT, title: null }), { file: 'b.jsonl', line: 3 });
    expect(article.file).toBe('b.jsonl:3');
    expect(article.id).toMatch(/^[0-9a-f]{16}$/);
    expect(parseJsonArticle(JSON.stringify({ id: 42, text: TEXT }), { file: 'c.json' }).article.id).toBe('42');
  });
  it('takes the date part of an ISO date-time and reports an unknown date', () => {
    expect(parseJsonArticle(JSON.stringify({ date: '2021-06-01T09:30:00Z', text: TEXT }), { file: 'a.json' }).article.date).toBe('2021-06-01');
    const { article, problems } = parseJsonArticle(JSON.stringify({ date: 'last Tuesday', text: TEXT }), { file: 'a.json' });
    expect(article.date).toBeNull();
    expect(problems[0].code).toBe('bad-date');
  });
  it('reports broken JSON with the file and line', () => {
    const err = failure('{"text": "unfinished');
    expect(err.code).toBe('bad-json');
    expect(err.describe()).toMatch(/^in\.jsonl:7: broken JSON/);
  });
  it('reports objects that are not articles', () => {
    expect(failure('{"title": "no text"}').message).toContain('missing "text"');
    expect(failure('{"text": 12}').message).toContain('"text" must be a string');
    expect(failure('{"text": "x", "date": 20210601}').message).toContain('"date"');
    expect(failure('[{"text": "x"}]').message).toContain('found an array');
    expect(failure("null").code).toBe("bad-article");
  });
  it('refuses an empty text', () => {
    expect(() => parseJsonArticle('{"text": "   "}', { file: 'e.json' })).toThrow(/empty article/);
  });
});
