import { describe, expect, it } from 'vitest';
import { csvCell, writeRows } from './export-rows.js';

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
    expect(out.join('')).toBe('a,b\n"\'=1",2\nx,\n');
  });
});
