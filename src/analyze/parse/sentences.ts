// The parse as CoNLL-U sentences: of a text (the analyser's tokens and sentences), or of a CoNLL-U file's own words.
import { isSpaceToken, newDoc, type Doc, type Token } from '../doc.js';
import { EMPTY_KNOWLEDGE } from '../knowledge.js';
import { tagWords, tokenizeDoc } from '../tokenize/tokenize.js';
import type { ConlluSentence, ConlluWord } from './conllu.js';
import { parse, parseTokens } from './parse.js';

const word = (id: number, form: string, lemma: string, upos: string, head: number, deprel: string, misc = '_'): ConlluWord =>
  ({ id, form, lemma: lemma || '_', upos, xpos: '_', feats: '_', head, deprel, deps: '_', misc });

/** A text tokenized, split into sentences and parsed as the analyser does. */
export function parseText(text: string): Doc {
  const doc = newDoc({ id: 'text', date: null, title: null, url: null, source: null, file: null, language: 'en', text }, text, EMPTY_KNOWLEDGE);
  tokenizeDoc(doc, true);
  parse.run(doc);
  return doc;
}

/** The parsed sentences of a document (lemmas wink-nlp's), white space left out; a word followed by no space is marked SpaceAfter=No. */
export function docSentences(doc: Doc): ConlluSentence[] {
  return doc.sentences.map((s, k) => {
    const tokens = doc.tokens.slice(s.first, s.last + 1).filter((t) => !isSpaceToken(t));
    const id = new Map(tokens.map((t, j) => [t.i, j + 1]));
    const words = tokens.map((t, j) => {
      const glued = j + 1 < tokens.length && tokens[j + 1].start === t.end;
      return word(j + 1, t.text, t.lemma, t.pos, t.head < 0 ? 0 : id.get(t.head) ?? 0, t.rel, glued ? 'SpaceAfter=No' : '_');
    });
    return { comments: [`# sent_id = ${k + 1}`, `# text = ${doc.text.slice(s.start, s.end).replace(/\s+/g, ' ')}`], words };
  });
}

/** The sentences' own words tagged by wink-nlp and parsed; comments kept, every other column replaced (no lemma: `_`). */
export function parseConlluSentences(sentences: readonly ConlluSentence[]): ConlluSentence[] {
  return sentences.map((s) => {
    const forms = s.words.map((w) => w.form);
    const tags = tagWords(forms);
    const tokens: Token[] = forms.map((text, i) => ({ i, start: 0, end: 0, text, lower: text.toLowerCase(), lemma: '', pos: tags[i], sentence: 0, head: -1, rel: '' }));
    parseTokens(tokens);
    return { comments: s.comments, words: tokens.map((t, i) => word(i + 1, t.text, t.lemma, t.pos, t.head + 1, t.rel)) };
  });
}
