// CoNLL-U read and written: the words of each sentence (multiword-token lines and empty nodes left out) and their comments.

export interface ConlluWord {
  /** Position in the sentence, from 1. */
  id: number;
  form: string;
  lemma: string;
  upos: string;
  xpos: string;
  feats: string;
  /** Id of the head word; 0 for the root, -1 when the column says `_`. */
  head: number;
  deprel: string;
  deps: string;
  misc: string;
}

export interface ConlluSentence {
  /** Comment lines, `#` included. */
  comments: string[];
  words: ConlluWord[];
}

/** A line of a CoNLL-U text that cannot be read, with its number (from 1). */
export class ConlluError extends Error {
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'ConlluError';
  }
}

/** The sentences of a CoNLL-U text. Multiword-token ranges (`1-2`) and empty nodes (`1.1`) are skipped. */
export function readConllu(text: string): ConlluSentence[] {
  const sentences: ConlluSentence[] = [];
  let comments: string[] = [];
  let words: ConlluWord[] = [];
  const flush = () => {
    if (words.length > 0) sentences.push({ comments, words });
    comments = [];
    words = [];
  };
  const lines = text.split('\n');
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k].endsWith('\r') ? lines[k].slice(0, -1) : lines[k];
    if (line.trim() === '') { flush(); continue; }
    if (line.startsWith('#')) {
      if (words.length > 0) throw new ConlluError(k + 1, 'a comment inside a sentence');
      comments.push(line);
      continue;
    }
    const cols = line.split('\t');
    if (cols.length !== 10) throw new ConlluError(k + 1, `${cols.length} columns, not 10`);
    const id = cols[0];
    if (id.includes('-') || id.includes('.')) continue;
    if (!/^[1-9][0-9]*$/.test(id)) throw new ConlluError(k + 1, `word id "${id}" is not a number`);
    if (Number(id) !== words.length + 1) throw new ConlluError(k + 1, `word id ${id} out of order (expected ${words.length + 1})`);
    const head = cols[6] === '_' ? -1 : Number(cols[6]);
    if (!Number.isInteger(head) || head < -1) throw new ConlluError(k + 1, `head "${cols[6]}" is not a word id`);
    words.push({
      id: Number(id), form: cols[1], lemma: cols[2], upos: cols[3], xpos: cols[4], feats: cols[5],
      head, deprel: cols[7], deps: cols[8], misc: cols[9],
    });
  }
  flush();
  for (const s of sentences) {
    for (const w of s.words) if (w.head > s.words.length) throw new ConlluError(0, `word ${w.id} of "${s.words.map((x) => x.form).join(' ').slice(0, 60)}" has head ${w.head}, past the sentence's end`);
  }
  return sentences;
}

/** The sentences as CoNLL-U: comments, one line per word, a blank line after each sentence. */
export function writeConllu(sentences: readonly ConlluSentence[]): string {
  let out = '';
  for (const s of sentences) {
    for (const c of s.comments) out += `${c}\n`;
    for (const w of s.words) {
      out += `${w.id}\t${w.form}\t${w.lemma}\t${w.upos}\t${w.xpos}\t${w.feats}\t${w.head < 0 ? '_' : w.head}\t${w.deprel}\t${w.deps}\t${w.misc}\n`;
    }
    out += '\n';
  }
  return out;
}
