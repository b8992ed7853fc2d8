// wink-nlp's lexeme numbers of a document's tokens, and what stages derive from a word kept by that number.
import type { Token } from '../doc.js';

/** Each token list's lexeme numbers, as the tokenize stage made them. */
const LEXEMES = new WeakMap<Token[], readonly number[]>();

/** Records the lexeme numbers of a token list (the tokenize stage). */
export function setLexemes(tokens: Token[], lexemes: readonly number[]): void {
  LEXEMES.set(tokens, lexemes);
}

/**
 * The wink-nlp lexeme number of each token of a list the tokenize stage made (undefined for another list): one number
 * per distinct token text in the process, so that what a stage derives from a word can be kept in an array by that
 * number and read without hashing the word again.
 */
export const lexemesOf = (tokens: Token[]): readonly number[] | undefined => LEXEMES.get(tokens);

/**
 * A value derived from a word's text alone, kept by lexeme number: `of` derives it once per word of the process.
 * (For a token of a list with no lexeme numbers, as in tests, it is derived each time.) wink-nlp's lexicon grows with
 * every new word a process reads: past `limit` values kept, all are forgotten, so that memory stays bounded.
 */
export class ByLexeme<T> {
  // Filled in place of holes, and grown in steps: an array written at a far index turns into a slow dictionary.
  private readonly values: (T | undefined)[] = new Array<T | undefined>(1 << 17).fill(undefined);
  private kept = 0;

  constructor(private readonly derive: (text: string) => T, private readonly limit = 100_000) {}

  /** The value of token i of `tokens`, whose lexeme numbers (lexemesOf) are `lexemes`. */
  of(tokens: readonly Token[], lexemes: readonly number[] | undefined, i: number): T {
    return lexemes ? this.ofLexeme(lexemes[i], tokens[i].text) : this.derive(tokens[i].text);
  }

  /** The value of a word: its lexeme number and its text. */
  ofLexeme(id: number, text: string): T {
    if (id >= this.values.length) this.grow(id);
    let v = this.values[id];
    if (v === undefined) {
      v = this.derive(text);
      if (++this.kept > this.limit) this.clear();
      this.values[id] = v;
    }
    return v;
  }

  /** Forgets every value (when what they were derived from has changed). */
  clear(): void {
    this.values.fill(undefined);
    this.kept = 0;
  }

  private grow(id: number): void {
    const values = this.values;
    while (values.length <= id) values.push(undefined);
  }
}
