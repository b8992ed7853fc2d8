import { describe, expect, it } from 'vitest';
import type { AnalysisRecord } from '../analyze/record.js';
import { clip, renderReport, sourceLabel, table } from './report.js';

// A record written by hand for this test (not produced by the analyser).
const text = 'Freedonia proposed a border monitoring mission. Sylvania rejected it. “We need more details,” said Anna Berg, Ruritania’s foreign minister.';
const at = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const record: AnalysisRecord = {
  schema: 'standpoint.analysis/1',
  article: { id: 'abc', date: '2023-01-09', title: 'Monitors', url: null, source: null, file: 'news/monitors.txt', language: 'en', text },
  actors: [
    { id: 'a1', key: 'country:FRE', kind: 'country', name: 'Freedonia', role: null, country: 'FRE', organization: null, represents: 'country:FRE', mentions: [at('Freedonia')] },
    { id: 'a2', key: 'country:SYL', kind: 'country', name: 'Sylvania', role: null, country: 'SYL', organization: null, represents: 'country:SYL', mentions: [at('Sylvania')] },
    { id: 'a3', key: 'person:anna-berg', kind: 'person', name: 'Anna Berg', role: 'foreign minister', country: 'RUR', organization: null, represents: 'country:RUR', mentions: [at('Anna Berg')] },
  ],
  quotes: [{ id: 'q1', kind: 'direct', ...at('We need more details,'), text: 'We need more details,', speaker: 'a3' }],
  proposals: [{ id: 'p1', key: 'border-monitoring-mission', summary: 'border monitoring mission', proposer: 'a1', body: 'org:UN', mentions: [at('a border monitoring mission')] }],
  stances: [
    { holder: 'a1', proposal: 'p1', stance: 'support', condition: null, confidence: 0.9, date: '2023-01-09', evidence: at('Freedonia proposed a border monitoring mission.'), quote: null },
    { holder: 'a2', proposal: 'p1', stance: 'oppose', condition: null, confidence: 0.8, date: null, evidence: at('Sylvania rejected it.'), quote: null },
    { holder: 'a3', proposal: 'p1', stance: 'undecided', condition: 'more details', confidence: 0.6, date: null, evidence: at('“We need more details,” said Anna Berg'), quote: 'q1' },
  ],
  events: [],
};

describe('renderReport', () => {
  it('shows each proposal with its proposer, body and a table of holders, stances and evidence, then the quotes', () => {
    const lines = renderReport(record).split('\n');
    expect(lines[0]).toBe('== news/monitors.txt');
    expect(lines).toContain('Proposal p1: border monitoring mission');
    expect(lines).toContain('  proposed by: Freedonia (country:FRE)');
    expect(lines).toContain('  decided by:  org:UN');
    const header = lines.find((l) => l.includes('HOLDER'))!;
    expect(header).toMatch(/^ {2}HOLDER +KEY +STANCE +CONF +DATE +EVIDENCE$/);
    const berg = lines.find((l) => l.startsWith('  Anna Berg'))!;
    expect(berg).toContain('person:anna-berg → country:RUR');
    expect(berg).toContain('undecided if more details');
    expect(berg.endsWith('  “We need more details,” said Anna Berg')).toBe(true);
    expect(berg.indexOf('person:')).toBe(header.indexOf('KEY')); // columns line up
    expect(lines).toContain('  “We need more details,” — Anna Berg (person:anna-berg, for country:RUR), direct');
    const indirect = renderReport({ ...record, quotes: [{ ...record.quotes[0], kind: 'indirect' }] });
    expect(indirect).toContain('  We need more details, — Anna Berg (person:anna-berg, for country:RUR), indirect');
  });
  it('says so when nothing was found or the language is not English', () => {
    expect(renderReport({ ...record, proposals: [], stances: [], quotes: [] })).toContain('No proposals found.');
    expect(renderReport({ ...record, article: { ...record.article, language: 'de' } })).toContain('not analysed: the text is in "de"');
  });
});

describe('helpers', () => {
  it('clips long text on one line', () => {
    expect(clip('a  b\n c', 10)).toBe('a b c');
    expect(clip('abcdefghijkl', 5)).toBe('abcd…');
  });
  it('pads every column but the last', () => {
    expect(table([['a', 'bb', 'c'], ['ccc', 'd', 'e']], '')).toEqual(['a    bb  c', 'ccc  d   e']);
  });
  it('names standard input', () => {
    expect(sourceLabel('-', 'x')).toBe('<stdin>');
    expect(sourceLabel('-:4', 'x')).toBe('<stdin>:4');
    expect(sourceLabel(null, 'x')).toBe('x');
  });
});
