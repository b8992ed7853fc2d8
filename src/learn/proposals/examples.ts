// Reads the gold articles and turns them into head-noun examples: the head of each proposal anchor against the other nouns.
import fs from 'node:fs';
import path from 'node:path';
import { newDoc, type Token } from '../../analyze/doc.js';
import { EMPTY_KNOWLEDGE } from '../../analyze/knowledge.js';
import { tokenize } from '../../analyze/tokenize/tokenize.js';
import { rowOf, type WordVectors } from '../../analyze/vectors/vectors.js';

export interface GoldArticle {
  /** The file name without .gold.json. */
  name: string;
  /** The story code: the file name up to its first "-" (leave-one-story-out folds split on it). */
  story: string;
  text: string;
  anchors: { text: string; optional: boolean }[];
}

interface GoldFile { proposals?: { anchors?: string[]; optional?: boolean }[] }

/** Every NAME.gold.json with its NAME.txt in the folders, sorted by folder then name. */
export function readGold(dirs: readonly string[]): GoldArticle[] {
  const out: GoldArticle[] = [];
  for (const dir of dirs) {
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.gold.json')).sort()) {
      const name = file.slice(0, -'.gold.json'.length);
      const textFile = path.join(dir, `${name}.txt`);
      if (!fs.existsSync(textFile)) continue;
      const gold = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as GoldFile;
      const anchors = (gold.proposals ?? []).flatMap((p) => (p.anchors ?? []).map((text) => ({ text, optional: !!p.optional })));
      out.push({ name, story: name.split('-')[0], text: fs.readFileSync(textFile, 'utf8'), anchors });
    }
  }
  return out;
}

export interface HeadExample {
  story: string;
  article: string;
  /** The vocabulary's word (its row's), so that one word gives one example per article. */
  word: string;
  row: number;
  /** 1: the head of a proposal anchor; 0: a noun found nowhere in an anchor. */
  label: 0 | 1;
}

const NOUNS = new Set(['NOUN', 'PROPN']);
const WORD = /^\p{L}[\p{L}'’-]*$/u;

/** Every [start, end) where the text holds the anchor. */
function occurrences(text: string, anchor: string): [number, number][] {
  const out: [number, number][] = [];
  if (!anchor) return out;
  for (let at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) out.push([at, at + anchor.length]);
  return out;
}

/** The head of a noun phrase's tokens: the last noun before the first preposition (“sanctions on Russia” → “sanctions”). */
export function headOf(tokens: readonly Token[]): Token | null {
  let head: Token | null = null;
  for (const t of tokens) {
    if (t.pos === 'ADP' && head) break;
    if (NOUNS.has(t.pos) && WORD.test(t.text)) head = t;
  }
  return head;
}

/**
 * One article's examples, one per word: the heads of the anchors of its (non-optional) proposals are positives;
 * the nouns that lie in no anchor at all (optional ones included) and are no positive's word are negatives.
 */
export function headExamples(article: GoldArticle, vectors: WordVectors): HeadExample[] {
  const doc = newDoc({ id: article.name, date: null, title: null, url: null, source: null, file: null, language: 'en', text: article.text }, article.text, EMPTY_KNOWLEDGE);
  tokenize.run(doc);
  const inAnchor = new Uint8Array(doc.tokens.length);
  const positives = new Map<number, string>();
  for (const anchor of article.anchors) {
    for (const [start, end] of occurrences(article.text, anchor.text)) {
      const inside = doc.tokens.filter((t) => t.start < end && t.end > start);
      for (const t of inside) inAnchor[t.i] = 1;
      if (anchor.optional) continue;
      const head = headOf(inside.filter((t) => t.start >= start && t.end <= end));
      const row = head ? rowOf(head.lower, vectors) : -1;
      if (row >= 0) positives.set(row, vectors.words[row]);
    }
  }
  const negatives = new Map<number, string>();
  for (const t of doc.tokens) {
    if (inAnchor[t.i] || !NOUNS.has(t.pos) || !WORD.test(t.text)) continue;
    const row = rowOf(t.lower, vectors);
    if (row >= 0 && !positives.has(row)) negatives.set(row, vectors.words[row]);
  }
  const example = (row: number, word: string, label: 0 | 1): HeadExample => ({ story: article.story, article: article.name, word, row, label });
  return [
    ...[...positives].map(([row, word]) => example(row, word, 1)),
    ...[...negatives].map(([row, word]) => example(row, word, 0)),
  ];
}
