import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/open.js';
import { makeRecord } from '../store/test-records.js';
import { csvCell, exportRows, writeRows, type ExportWhat } from './export-rows.js';
import { recordArticle } from './record-article.js';

async function* rows(list: Array<Record<string, unknown>>) { yield* list; }

describe('csvCell', () => {
  it('neutralises a text a spreadsheet would read as a formula: a leading single quote, and quoted (CWE-1236)', () => {
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('+1+2')).toBe('"\'+1+2"');
    expect(csvCell('-2+3')).toBe('"\'-2+3"');
    expect(csvCell('@SUM(A1)')).toBe('"\'@SUM(A1)"');
    expect(csvCell('\t=1')).toBe('"\'\t=1"');
    expect(csvCell('\r=1')).toBe('"\'\r=1"');
  });

  it('writes other texts and numbers as they are, quoting only what CSV needs', () => {
    expect(csvCell('Norway backed it')).toBe('Norway backed it');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "no"')).toBe('"say ""no"""');
    expect(csvCell('1 = 1')).toBe('1 = 1');
    expect(csvCell(-0.5)).toBe('-0.5');
    expect(csvCell(null)).toBe('');
    expect(csvCell(['-x'])).toBe('"[""-x""]"');
  });

  it('writes a header and a line per row, and counts the rows', async () => {
    const out: string[] = [];
    expect(await writeRows(rows([{ a: '=1', b: 2 }, { a: 'x', b: null }]), 'csv', (s) => out.push(s))).toBe(2);
    expect(out.join('')).toBe('a,b\r\n"\'=1",2\r\nx,\r\n');
  });
});

/** RFC 4180 read back: fields split at commas, quoted fields may hold commas, doubled quotes and line breaks; records end with CRLF. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"') {
      for (i++; i < text.length; i++) {
        if (text[i] === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (text[i] === '"') { i++; break; } else field += text[i];
      }
    } else if (text[i] === ',') { record.push(field); field = ''; i++; } else if (text.startsWith('\r\n', i)) {
      record.push(field); records.push(record); record = []; field = ''; i += 2;
    } else { expect(text[i], `a bare CR or LF at ${i}`).not.toMatch(/[\r\n]/); field += text[i++]; }
  }
  expect(field, 'the last record ends with CRLF').toBe('');
  return records;
}

describe('exports an analyst opens in a spreadsheet', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-export-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const title = 'Talks, "round two"\nin Oslo';
  const record = makeRecord({
    date: '2025-02-03',
    text: 'Denmark proposed a joint naval patrol in the Baltic. Jan Smit of the Dutch government said "the patrol, for now, is premature".',
    actors: ['country:DNK', 'person:jan-smit=country:NLD', 'country:NLD'],
    proposals: [{ key: 'baltic-patrol', summary: 'joint naval patrol in the Baltic', proposer: 'country:DNK' }],
    stances: [{ holder: 'person:jan-smit', stance: 'oppose', evidence: 'the patrol, for now, is premature', condition: 'for now' }],
    quotes: [{ text: 'the patrol, for now, is premature', speaker: 'person:jan-smit' }],
  });
  record.article = { ...record.article, title, source: 'Wire, Nordic', url: 'https://example.org/a?b=1,2' };

  async function csvOf(what: ExportWhat): Promise<Array<Record<string, string>>> {
    const store = await openStore(path.join(dir, 'store.db'));
    try {
      if (!(await store.counts()).articles) expect(await recordArticle(store, record)).toBe('new');
      let text = '';
      await writeRows(exportRows(store, what), 'csv', (s) => { text += s; });
      const [header, ...rows] = parseCsv(text);
      for (const r of rows) expect(r.length).toBe(header.length);
      return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
    } finally {
      await store.close();
    }
  }

  it('stances carry the proposal and holder names, stance, condition, evidence, article title, outlet, URL and date, quoted as RFC 4180 says', async () => {
    const [row] = await csvOf('stances');
    expect(row).toMatchObject({
      proposalName: 'joint naval patrol in the Baltic', name: 'NLD', holder: 'country:NLD', stance: 'oppose', condition: 'for now',
      evidence: 'the patrol, for now, is premature', articleTitle: title, outlet: 'Wire, Nordic', url: 'https://example.org/a?b=1,2', articleDate: '2025-02-03',
    });
  });

  it('observations and quotes carry names and the article too', async () => {
    const [o] = await csvOf('observations');
    expect(o).toMatchObject({ proposalName: 'joint naval patrol in the Baltic', holderName: 'NLD', actorName: 'Jan Smit', articleTitle: title, outlet: 'Wire, Nordic' });
    const [q] = await csvOf('quotes');
    expect(q).toMatchObject({ text: 'the patrol, for now, is premature', speakerName: 'Jan Smit', articleTitle: title, url: 'https://example.org/a?b=1,2' });
    const [p] = await csvOf('proposals');
    expect(p).toMatchObject({ summary: 'joint naval patrol in the Baltic', proposerName: 'DNK' });
  });

  it('mentions: each proposal mention with its article and span, the proposal name and the article title', async () => {
    const rows = await csvOf('mentions');
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0])).toEqual(['proposalId', 'articleId', 'start', 'end', 'text', 'proposalName', 'articleTitle']);
    const m = rows[0];
    expect(record.article.text.slice(Number(m.start), Number(m.end))).toBe(m.text);
    expect(m).toMatchObject({ articleId: record.article.id, proposalName: 'joint naval patrol in the Baltic', articleTitle: title });
  });
});
