import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { blockText, parseHtmlArticle } from './html-format.js';
import { pageMetadata } from './html-metadata.js';

// A page written for these tests: navigation and a footer around the article.
const PARAS = [
  'The foreign minister of Freedonia said on Tuesday that her government would back the proposal for a ceasefire monitoring mission, but only if both sides agreed to it first.',
  '“We are ready to send observers,” she told reporters in the capital. Officials from neighbouring Sylvania were more cautious, saying they needed more details before they could decide.',
  'The plan, put forward last week by the regional bloc, would place unarmed monitors along the border for six months.',
];
const page = (head: string, body = `<article><h1>Freedonia backs monitors</h1>${PARAS.map((p) => `<p>${p}</p>`).join('\n')}</article>`) => `<!doctype html>
<html lang="en"><head><title>World | Freedonia backs monitors</title>${head}</head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>${body}
<footer>© The Daily Example. All rights reserved.</footer></body></html>`;

describe('parseHtmlArticle', () => {
  it('extracts the main text as paragraphs and the metadata of the page', () => {
    const html = page(`<meta property="og:title" content="Freedonia backs monitors">
      <meta property="article:published_time" content="2023-05-04T10:00:00+02:00">
      <meta property="og:site_name" content="The Daily Example">
      <link rel="canonical" href="https://example.org/world/freedonia">`);
    const { article, problems } = parseHtmlArticle(html, { file: 'page.html' });
    expect(problems).toEqual([]);
    expect(article).toMatchObject({
      title: 'Freedonia backs monitors', date: '2023-05-04', url: 'https://example.org/world/freedonia',
      source: 'The Daily Example', file: 'page.html', language: 'en',
    });
    expect(article.text).toContain(`${PARAS[0]}\n\n${PARAS[1]}\n\n${PARAS[2]}`);
    expect(article.text).not.toMatch(/Home|Sport|rights reserved/);
  });
  it('takes the date and outlet from JSON-LD, in a @graph too', () => {
    const ld = { '@context': 'https://schema.org', '@graph': [{ '@type': 'WebSite', name: 'x' }, { '@type': 'NewsArticle', headline: 'Monitors', datePublished: '2023-05-06T08:00:00Z', publisher: { '@type': 'Organization', name: 'Example News' } }] };
    const { article } = parseHtmlArticle(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`), { file: 'p.html' });
    expect(article).toMatchObject({ date: '2023-05-06', source: 'Example News', title: 'Monitors' });
  });
  it('falls back to <time datetime> and the <title>', () => {
    const html = page('', `<article><time datetime="2023-05-07">7 May</time>${PARAS.map((p) => `<p>${p}</p>`).join('')}</article>`);
    const { article } = parseHtmlArticle(html, { file: 'p.html' });
    expect(article.date).toBe('2023-05-07');
    expect(article.title).toBe('World | Freedonia backs monitors');
  });
  it('reports an unreadable date and a page without text', () => {
    const { article, problems } = parseHtmlArticle(page('<meta property="article:published_time" content="tomorrow">'), { file: 'p.html' });
    expect(article.date).toBeNull();
    expect(problems.map((p) => p.code)).toEqual(['bad-date']);
    expect(() => parseHtmlArticle('<html><head><title>x</title></head><body><script>var a</script></body></html>', { file: 'e.html' })).toThrow(/no readable text/);
  });
  it('reads a short page that has no article element', () => {
    const { article } = parseHtmlArticle('<html><body><p>Talks on the plan resumed on Friday.</p></body></html>', { file: 's.html' });
    expect(article.text).toBe('Talks on the plan resumed on Friday.');
  });
});

describe('blockText', () => {
  it('separates blocks by blank lines, keeps <br> as a line break and skips scripts', () => {
    const { document } = parseHTML('<html><body><div>One <b>two</b>\n   three</div><p>Four<br>five</p><script>no()</script><ul><li>six</li></ul></body></html>');
    expect(blockText(document.body as never)).toBe('One two three\n\nFour\nfive\n\nsix');
  });
});

describe('pageMetadata', () => {
  it('prefers Open Graph over the <title>', () => {
    const { document } = parseHTML(page('<meta name="twitter:title" content="TW"><meta property="og:url" content="https://example.org/x">'));
    expect(pageMetadata(document)).toEqual({ title: 'TW', date: null, url: 'https://example.org/x', source: null });
  });
});
