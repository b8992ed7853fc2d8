// Builds a benchmark corpus from the texts in ../shared/eval (never committed): each article a fresh mix of
// paragraphs from different real articles, so that articles are distinct and not near-duplicates.
import fs from 'node:fs';
import path from 'node:path';

export const EVAL_DIRS = ['../shared/eval/dev', '../shared/eval/polnear-dev'];

/** The paragraphs of every evaluation article (header line removed), longest-first order not kept. */
export function evalParagraphs(dirs = EVAL_DIRS) {
  const paras = [];
  for (const dir of dirs) {
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.txt')).sort()) {
      const text = fs.readFileSync(path.join(dir, f), 'utf8').replace(/^ ?date \S+ /, '');
      for (const p of text.split(/\n\s*\n/)) if (p.trim().length > 80) paras.push(p.trim());
    }
  }
  return paras;
}

/** `n` articles in memory, each a fresh mix of `paragraphs` paragraphs of different evaluation texts. */
export function evalArticles(n, { paragraphs = 8, seed = 7 } = {}) {
  const pool = evalParagraphs();
  if (!pool.length) throw new Error('bench: no evaluation texts in ../shared/eval to build a corpus from');
  let s = seed >>> 0;
  const rand = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 4294967296; };
  return Array.from({ length: n }, (_, i) => ({
    id: `bench-${seed}-${i}`, date: '2024-01-01', title: null, url: null, source: null, file: null, language: 'en',
    text: Array.from({ length: paragraphs }, () => pool[Math.floor(rand() * pool.length)]).join('\n\n'),
  }));
}

/** Writes `n` articles as JSON Lines to `file`, each of about `paragraphs` paragraphs; returns bytes written. */
export function writeCorpus(file, n, { paragraphs = 8, seed = 1 } = {}) {
  const pool = evalParagraphs();
  if (!pool.length) throw new Error('bench: no evaluation texts in ../shared/eval to build a corpus from');
  let s = seed >>> 0;
  const rand = () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 4294967296; };
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const parts = Array.from({ length: paragraphs }, () => pool[Math.floor(rand() * pool.length)]);
    const day = new Date(Date.UTC(2022, 0, 1) + Math.floor(rand() * 1000) * 86_400_000).toISOString().slice(0, 10);
    const line = `${JSON.stringify({ id: `bench-${seed}-${i}`, date: day, text: parts.join('\n\n') })}\n`;
    bytes += fs.writeSync(fd, line);
  }
  fs.closeSync(fd);
  return bytes;
}
