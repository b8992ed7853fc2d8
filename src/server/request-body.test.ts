import { describe, expect, it } from 'vitest';
import { ApiError } from './api-error.js';
import { bodyFormat, readRequestBody } from './request-body.js';

const read = (body: string, type?: string) => readRequestBody(Buffer.from(body), type, {});

const article = (id: string) => ({ id, date: '2025-05-06', text: `Norway on Tuesday proposed a monitoring mission, article ${id}.` });

/** The ApiError a body is refused with. */
async function refusal(body: string, type?: string): Promise<ApiError> {
  try {
    await read(body, type);
  } catch (err) {
    if (err instanceof ApiError) return err;
    throw err;
  }
  throw new Error(`read ${JSON.stringify(body)} as ${type}`);
}

describe('bodyFormat', () => {
  it('reads the media type, without its parameters or case', () => {
    expect(bodyFormat('application/json; charset=utf-8')).toBe('json');
    expect(bodyFormat('Application/X-NDJSON')).toBe('jsonl');
    expect(bodyFormat('application/jsonl')).toBe('jsonl');
    expect(bodyFormat('text/html;charset=iso-8859-1')).toBe('html');
    expect(bodyFormat('text/plain')).toBe('sniffed');
    expect(bodyFormat(undefined)).toBe('sniffed');
  });

  it('refuses other types with 415', () => {
    for (const type of ['image/png', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json-patch+json', 'application/jsonx', '']) {
      expect(() => bodyFormat(type), type).toThrow(expect.objectContaining({ code: 'unsupported-media-type' }));
    }
  });
});

describe('readRequestBody', () => {
  it('reads every line of application/x-ndjson as an article', async () => {
    const body = [article('a'), article('b'), article('c')].map((a) => JSON.stringify(a)).join('\n');
    const { articles, failed } = await read(`${body}\n`, 'application/x-ndjson');
    expect(articles.map((a) => a.article.id)).toEqual(['a', 'b', 'c']);
    expect(failed).toEqual([]);
  });

  it('reports a bad line of JSON Lines by its line and keeps the others', async () => {
    const body = [JSON.stringify(article('a')), '{"text": ', '[1, 2]', 'null', '', JSON.stringify(article('b'))].join('\r\n');
    const { articles, failed } = await read(body, 'application/x-ndjson');
    expect(articles.map((a) => a.article.id)).toEqual(['a', 'b']);
    expect(failed.map((f) => f.message)).toEqual([
      expect.stringMatching(/^body:2: broken JSON/), expect.stringMatching(/^body:3: .*found an array/), expect.stringMatching(/^body:4: .*found null/),
    ]);
  });

  it('reads JSON Lines line by line even when the first line is not an object', async () => {
    const { articles, failed } = await read(`[1]\n${JSON.stringify(article('a'))}`, 'application/x-ndjson');
    expect(articles.map((a) => a.article.id)).toEqual(['a']);
    expect(failed).toHaveLength(1);
  });

  it('reads one article object as application/json, on one line or many', async () => {
    expect((await read(JSON.stringify(article('a')), 'application/json')).articles.map((a) => a.article.id)).toEqual(['a']);
    expect((await read(JSON.stringify(article('b'), null, 2), 'application/json; charset=utf-8')).articles.map((a) => a.article.id)).toEqual(['b']);
  });

  it('refuses a JSON body that is not one object: an array, null, a string, a number, a boolean', async () => {
    for (const [body, kind] of [['[{"text": "Norway proposed a mission."}]', 'an array'], ['null', 'null'], ['"Norway proposed a mission."', 'a string'], ['42', 'a number'], ['true', 'a boolean']]) {
      const err = await refusal(body, 'application/json');
      expect(err.code, body).toBe('bad-request');
      expect(err.message, body).toContain(`found ${kind}`);
    }
    expect((await refusal('[]', 'application/json')).message).toContain('application/x-ndjson');
  });

  it('refuses a bare JSON value sent as text, and still reads text that only starts like one', async () => {
    for (const body of ['null', '[{"text": "Norway proposed a mission."}]', '  "Norway proposed a mission."  ', '17']) {
      expect((await refusal(body)).code, body).toBe('bad-request');
      expect((await refusal(body, 'text/plain')).message, body).toContain('is not an article');
    }
    const text = '"We oppose this mission," the Portuguese foreign minister Rui Carvalho said on Tuesday.';
    expect((await read(text, 'text/plain')).articles[0].article.text).toBe(text);
  });

  it('refuses an empty body, broken JSON and JSON that is not an article, naming the body', async () => {
    expect((await refusal('')).message).toMatch(/^empty body/);
    expect((await refusal(' \n ', 'application/json')).message).toMatch(/^empty body/);
    expect((await refusal('{"text": ', 'application/json')).message).toMatch(/^body: broken JSON/);
    expect((await refusal('{"title": "no text"}', 'application/json')).message).toMatch(/^body: .*missing "text"/);
    expect((await refusal('{"url": 42}', 'application/json')).message).toContain('"url" must be a string');
  });
});
