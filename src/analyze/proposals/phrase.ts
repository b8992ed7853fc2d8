// The noun phrase around a proposal word: its left modifiers (possessor, demonym, "proposed") and its complement ("for a mission in Ukraine").
import type { Word } from './words.js';

export interface NounPhrase {
  /** First word of the phrase (a modifier or the head). */
  first: number;
  /** Last word of the head. */
  head: number;
  /** The complement after the head, as word indices [start, end], or null. */
  complement: [number, number] | null;
  /** Word index of a possessive marker ("’s") or possessive pronoun among the modifiers. */
  possessive: number | null;
  /** A determiner before the phrase ("the", "this", "another"). */
  determiner: string | null;
}

const MODIFIER_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
const POSSESSIVE_PRONOUNS = new Set(['his', 'her', 'its', 'their', 'our', 'my', 'your']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'such', 'any', 'another', 'its', 'their', 'his', 'her', 'our', 'no']);
/** Words that start a complement of a proposal noun. */
const COMPLEMENT_STARTS = new Set(['for', 'on', 'to', 'of', 'against', 'over', 'in', 'into', 'from', 'by', 'with', 'that', 'which', 'demanding', 'calling', 'deploring', 'condemning', 'urging', 'seeking', 'requiring', 'aimed', 'drafted', 'proposed', 'submitted', 'tabled', 'put', 'sponsored', 'presented', 'offered', 'introduced']);
/** Words that end a complement. */
const COMPLEMENT_STOPS = new Set([',', ';', ':', '.', '!', '?', '(', ')', '"', '“', '”', 'while', 'but', 'although', 'though', 'whereas', 'because', 'after', 'before', 'as', 'said', 'says', 'when', 'and', 'despite', 'amid']);
const MAX_MODIFIERS = 8;
const PLURAL_MODIFIERS = new Set(['arms', 'sanctions', 'affairs', 'nations', 'relations', 'rights']);
const MAX_COMPLEMENT = 14;

/** Extends the head words [hFirst, hLast] into a noun phrase with modifiers and complement. */
export function nounPhrase(words: Word[], hFirst: number, hLast: number): NounPhrase {
  const sentence = words[hFirst].sentence;
  let first = hFirst;
  let possessive: number | null = null;
  for (let k = hFirst - 1; k >= 0 && hFirst - k <= MAX_MODIFIERS; k--) {
    const w = words[k];
    if (w.sentence !== sentence) break;
    if (w.norm === "'s" || w.norm === "'") { possessive = k; first = k; continue; }
    // "Finland's and Sweden's membership": a coordinated possessor.
    if (w.norm === 'and' && possessive !== null && k - 1 >= 0 && words[k - 1].norm === "'s") { first = k; continue; }
    if (POSSESSIVE_PRONOUNS.has(w.norm)) { if (possessive === null) possessive = k; first = k; break; }
    if (DETERMINERS.has(w.norm)) break;
    // "the proposed embargo", "a US-drafted text"; not "refused Ukraine's demands".
    const participle = /ed$/.test(w.norm) && k - 1 >= 0 && DETERMINERS.has(words[k - 1].norm);
    if (w.pos === 'PUNCT' || w.pos === 'VERB' && !participle && w.parts.length < 2) break;
    if (!MODIFIER_POS.has(w.pos) && !participle && !(w.parts.length > 1)) break;
    // A plural common noun is not a modifier ("US vetoes resolution", "ministers call").
    if (w.pos === 'NOUN' && /[^su]s$/.test(w.norm) && !PLURAL_MODIFIERS.has(w.norm) && possessive !== k + 1) break;
    first = k;
  }
  let det = first - 1 >= 0 && words[first - 1].sentence === sentence && DETERMINERS.has(words[first - 1].norm) ? words[first - 1].norm : null;
  if ((det === 'a' || det === 'an') && words[first - 2]?.norm === 'such') det = 'such'; // "such a levy" points back
  let complement: [number, number] | null = null;
  const c0 = hLast + 1;
  if (c0 < words.length && words[c0].sentence === sentence && COMPLEMENT_STARTS.has(words[c0].norm)) {
    let end = c0;
    for (let k = c0 + 1; k < words.length && k - c0 < MAX_COMPLEMENT; k++) {
      const w = words[k];
      // "another proposal of Poland's, to put jets at Nato's disposal": an infinitive after a comma still belongs.
      if (w.norm === ',' && words[k + 1]?.norm === 'to' && k - c0 < 4) continue;
      if (w.sentence !== sentence || COMPLEMENT_STOPS.has(w.norm)) break;
      if (w.pos === 'AUX' && !['that', 'which', 'to'].includes(words[k - 1].norm) && words[k - 1].pos !== 'AUX') break;
      // "a global tax on billionaires won support": the next clause's verb ends the phrase.
      if (w.pos === 'VERB' && (words[k - 1].pos === 'NOUN' || words[k - 1].pos === 'PROPN') && !/ing$/.test(w.norm) && !(/ed$/.test(w.norm) && words[k + 1]?.norm === 'by')) break;
      end = k;
    }
    complement = [c0, end];
  }
  return { first, head: hLast, complement, possessive, determiner: det };
}

/** Text of words [a, b]. */
export const textOf = (text: string, words: Word[], a: number, b: number): string => text.slice(words[a].start, words[b].end);
