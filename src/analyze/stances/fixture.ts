// Builds a document from a text and a list of named actors and quotes, for testing the later stages without the earlier ones.
import { addActor, addMention, newDoc, type Doc } from '../doc.js';
import { EMPTY_KNOWLEDGE } from '../knowledge.js';
import type { ActorKind, QuoteKind } from '../record.js';
import { tokenize } from '../tokenize/tokenize.js';

export interface FixtureActor {
  key: string;
  kind?: ActorKind;
  /** Display name; also a form it is called by. */
  name: string;
  /** Other forms it is called by ("Norwegian", "Oslo"). */
  forms?: string[];
  represents?: string | null;
}

export interface FixtureQuote { text: string; speaker: string; kind?: QuoteKind }

/** Tokenises the text, adds each actor with a mention at every whole-word occurrence of its forms, and the quotes. */
export function docWith(text: string, actors: FixtureActor[], quotes: FixtureQuote[] = [], date: string | null = '2024-03-13'): Doc {
  const doc = newDoc({ id: 'fixture', date, title: null, url: null, source: null, file: null, language: 'en', text }, text, EMPTY_KNOWLEDGE);
  tokenize.run(doc);
  for (const a of actors) {
    const kind: ActorKind = a.kind ?? (a.key.startsWith('org:') ? 'organization' : a.key.startsWith('person:') ? 'person' : 'country');
    const i = addActor(doc, {
      key: a.key, kind, name: a.name, role: null, country: null, organization: null,
      represents: a.represents === undefined ? (kind === 'person' ? null : a.key) : a.represents,
    });
    for (const form of [a.name, ...(a.forms ?? [])]) {
      const re = new RegExp(`(?<![\\p{L}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'gu');
      for (const m of text.matchAll(re)) addMention(doc, i, { start: m.index!, end: m.index! + form.length }, 'name');
    }
  }
  for (const q of quotes) {
    const start = text.indexOf(q.text);
    if (start < 0) throw new Error(`quote not in text: ${q.text}`);
    const speaker = doc.actors.findIndex((a) => a.key === q.speaker);
    doc.quotes.push({ start, end: start + q.text.length, kind: q.kind ?? 'direct', speaker: speaker < 0 ? null : speaker, speakerSpan: null, cue: null, sentence: 0 });
  }
  return doc;
}
