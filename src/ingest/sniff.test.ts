import { describe, expect, it } from 'vitest';
import { decode, decodeText, detectFormat, isBinary } from './sniff.js';

describe('isBinary', () => {
  it('says text for UTF-8, including non-ASCII letters, and for UTF-16 with a byte-order mark', () => {
    expect(isBinary(Buffer.from('Kraków, Zürich, Київ — “quoted”\n'))).toBe(false);
    expect(isBinary(Buffer.from('\ufeffHello', 'utf16le'))).toBe(false);
  });
  it('says binary for NUL bytes and for control-character noise', () => {
    expect(isBinary(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))).toBe(true);
    expect(isBinary(Buffer.from(Array.from({ length: 200 }, (_, i) => (i * 37) % 32)))).toBe(true);
  });
});

describe('decodeText', () => {
  it('drops a UTF-8 byte-order mark and reads UTF-16', () => {
    expect(decodeText(Buffer.from('\ufeffabc'))).toBe('abc');
    expect(decodeText(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('abc', 'utf16le')]))).toBe('abc');
  });
  it('falls back to Windows-1252 for text that is not UTF-8', () => {
    expect(decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x93, 0x6f, 0x6b, 0x94]))).toBe('café “ok”');
  });
  it('says what it guessed', () => {
    const guessed = (bytes: Buffer) => { const d = decode(bytes); return [d.text, d.encoding, d.guess !== null]; };
    expect(guessed(Buffer.from('Kraków'))).toEqual(['Kraków', 'utf-8', false]);
    expect(guessed(Buffer.from([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x80]))).toEqual(['Müller€', 'windows-1252', true]);
    expect(guessed(Buffer.from('Krakó').subarray(0, -1))).toEqual(['Krak', 'utf-8-cut', true]);
    expect(guessed(Buffer.concat([Buffer.from('Kraków '), Buffer.from([0xff]), Buffer.from(' x')]))).toEqual(['Kraków \ufffd x', 'utf-8-loose', true]);
  });
});

describe('detectFormat', () => {
  it('goes by extension first', () => {
    expect(detectFormat('a.jsonl', 'anything')).toBe('jsonl');
    expect(detectFormat('a.NDJSON', '')).toBe('jsonl');
    expect(detectFormat('a.json', '{"text":"x"}\n')).toBe('json');
    expect(detectFormat('page.htm', '')).toBe('html');
  });
  it('tells formats apart by content otherwise', () => {
    expect(detectFormat('', '<!DOCTYPE html><html><body>x</body></html>')).toBe('html');
    expect(detectFormat('x.txt', '  <html lang="en">')).toBe('html');
    expect(detectFormat('', '{"text": "a"}\n{"text": "b"}\n')).toBe('jsonl');
    expect(detectFormat('', '{\n  "text": "a"\n}\n')).toBe('json');
    expect(detectFormat('', ' date 2022-01-01 Text')).toBe('text');
    expect(detectFormat('notes', 'Plain text <b>with</b> a tag.')).toBe('text');
  });
});
