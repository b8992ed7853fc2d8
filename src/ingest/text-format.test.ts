import { describe, expect, it } from 'vitest';
import { firstLineTitle, parseTextArticle, splitHeader, TITLE_CHARS } from './text-format.js';

const BODY = 'Ministers from the bloc said on Monday that the plan needed more work.\n\nThey will meet again next week.';

describe('parseTextArticle', () => {
  it('reads the date header and keeps the body after it', () => {
    const { article, problems } = parseTextArticle(` date 2023-04-05 ${BODY}`, { file: 'a.txt' });
    expect(problems).toEqual([]);
    expect(article).toMatchObject({ date: '2023-04-05', file: 'a.txt', language: 'en', text: BODY, title: 'Ministers from the bloc said on Monday that the plan needed more work.' });
    expect(article.id).toMatch(/^[0-9a-f]{16}$/);
  });
  it('takes the first line that holds anything as the title, cut at a word when long; the text keeps it', () => {
    expect(parseTextArticle(' date 2023-04-05 \n\n  Talks  resume in Oslo \nThe ministers met.', { file: 'd.txt' }).article)
      .toMatchObject({ title: 'Talks resume in Oslo', text: '\n\n  Talks  resume in Oslo \nThe ministers met.' });
    const long = firstLineTitle(`${'The ministers of the northern states met again, '.repeat(6)}\nMore.`)!;
    expect(long.length).toBeLessThanOrEqual(TITLE_CHARS);
    expect(long).toMatch(/[a-z]…$/);
    expect(firstLineTitle(' \n\t\n')).toBeNull();
  });
  it('takes a header ended by a line break too', () => {
    expect(splitHeader(`date 2023-04-05\n${BODY}`)).toEqual({ date: '2023-04-05', text: BODY });
  });
  it('leaves the date unknown, without a problem, when there is no header', () => {
    const { article, problems } = parseTextArticle(BODY, { file: 'b.txt' });
    expect(problems).toEqual([]);
    expect(article.date).toBeNull();
    expect(article.text).toBe(BODY);
  });
  it('does not take an opening word "date" for a header', () => {
    expect(splitHeader('date night is over for the summit, officials said.').date).toBeUndefined();
  });
  it('reports a date that does not exist and analyses the article without it', () => {
    for (const bad of ['2022-02-30', 'unknown', '2022-13-01']) {
      const { article, problems } = parseTextArticle(` date ${bad} ${BODY}`, { file: 'c.txt' });
      expect(article.date).toBeNull();
      expect(article.text).toBe(BODY);
      expect(problems.map((p) => p.code)).toEqual(['bad-date']);
      expect(problems[0].describe()).toContain(`c.txt: unknown date "${bad}"`);
    }
  });
  it('gives the same id to the same text', () => {
    const a = parseTextArticle(` date 2023-04-05 ${BODY}`, { file: 'a.txt' }).article;
    const b = parseTextArticle(BODY, { file: 'b.txt' }).article;
    expect(a.id).toBe(b.id);
  });
  it('refuses an article with no text', () => {
    expect(() => parseTextArticle(' date 2023-04-05 \n  \n', { file: 'd.txt' })).toThrow(/empty article/);
  });
});
