import { describe, expect, it } from 'vitest';
import { findMarkedSpans } from './marks.js';

const texts = (text: string) => findMarkedSpans(text).map((q) => text.slice(q.start, q.end));

describe('findMarkedSpans', () => {
  it('finds curly and straight double quotes, without the marks, keeping a trailing comma', () => {
    const text = '“We will not back down,” the minister said. He called the plan "unworkable" on Monday.';
    expect(texts(text)).toEqual(['We will not back down,', 'unworkable']);
  });

  it('finds single curly quotes but not apostrophes', () => {
    const text = 'The envoy’s aides called it a ‘grave mistake’ and Ukraine’s allies agreed.';
    expect(texts(text)).toEqual(['grave mistake']);
  });

  it('finds guillemets', () => {
    expect(texts('Le ministre a dit «pas question» hier.')).toEqual(['pas question']);
  });

  it('does not report quotes nested inside a double-quoted span', () => {
    const text = '“They told us ‘wait and see’, and we waited,” she said.';
    expect(texts(text)).toEqual(['They told us ‘wait and see’, and we waited,']);
  });

  it('chains a quote that runs over paragraphs when the next paragraph opens with a mark', () => {
    const text = '“The first part of the speech goes on.\n\n“And the second part ends here,” he said.\n\n“A new quote.”';
    const spans = findMarkedSpans(text);
    expect(spans.map((q) => text.slice(q.start, q.end))).toEqual([
      'The first part of the speech goes on.',
      'And the second part ends here,',
      'A new quote.',
    ]);
    expect(spans[0].chain).toBe(spans[1].chain);
    expect(spans[2].chain).not.toBe(spans[1].chain);
    expect(spans[0].close).toBe(-1);
  });
});

describe('findMarkedSpans across a line break', () => {
  it('takes the words on the next line when a paragraph ends with an opening mark', () => {
    const text = 'The plan is unfair, he said. “\nThis plan will ruin our farmers.”';
    expect(findMarkedSpans(text).map((q) => text.slice(q.start, q.end))).toEqual(['This plan will ruin our farmers.']);
  });
});
