// Test helper: runs the tokenizer and the actors stage over a text written for a test.
import { newDoc, type Doc } from '../doc.js';
import { EMPTY_KNOWLEDGE, type Knowledge } from '../knowledge.js';
import { tokenize } from '../tokenize/tokenize.js';
import { actors } from './actors.js';

export function run(text: string, date: string | null = '2023-05-10', knowledge: Knowledge = EMPTY_KNOWLEDGE): Doc {
  const doc = newDoc({ id: 't', date, title: null, url: null, source: null, file: null, language: 'en', text }, text, knowledge);
  tokenize.run(doc);
  actors.run(doc);
  return doc;
}

/** The actor with a key, or undefined. */
export const actorOf = (doc: Doc, key: string) => doc.actors.find((a) => a.key === key);

/** The texts of an actor's mentions, in text order. */
export function mentionTexts(doc: Doc, key: string): string[] {
  const a = actorOf(doc, key);
  if (!a) return [];
  return [...a.mentions].sort((x, y) => x.start - y.start).map((m) => doc.text.slice(m.start, m.end));
}
