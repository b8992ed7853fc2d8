// Language detection for articles: ISO 639-1 codes, with English news protected from misdetection.
import { franc } from 'franc-min';
import iso639 from './iso-639.json' with { type: 'json' };

const TWO_LETTER: Record<string, string> = iso639;

/**
 * Words frequent in any English prose and rare as words of other languages (so not "a", "in",
 * "is", "to", "on", "for", "an", "was", "will": Dutch, German, French, Polish, Norwegian use them).
 */
const ENGLISH_CUES = new Set([
  'the', 'of', 'and', 'that', 'with', 'said', 'says', 'from', 'this', 'which', 'would', 'could', 'should',
  'their', 'they', 'were', 'have', 'been', 'not', 'but', 'are', 'its', 'his', 'her', 'she', 'who', 'what',
  'there', 'after', 'about', 'also', 'than', 'when', 'into', 'over', 'by', 'at', 'it', 'be',
]);

/** Below this many letters a trigram guess is unreliable and the text is taken as English. */
const MIN_LETTERS_TO_GUESS = 150;
/** Share of English cue words above which a text is English whatever the trigrams say. */
const ENGLISH_CUE_SHARE = 0.08;
const SAMPLE_CHARS = 20_000;

/** Share of the words of `text` that are English cue words (0 when it has no Latin-script words). */
export function englishCueShare(text: string): number {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length === 0) return 0;
  let cues = 0;
  for (const w of words) if (ENGLISH_CUES.has(w)) cues++;
  return cues / words.length;
}

/**
 * The language of `text` as an ISO 639-1 code ("en", "fr", …; a three-letter ISO 639-3 code for
 * languages that have no two-letter one). English when the text reads as English prose, and also
 * when it is too short (or has too few letters) for a reliable guess: the analyser's default.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, SAMPLE_CHARS);
  if (englishCueShare(sample) >= ENGLISH_CUE_SHARE) return 'en';
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  // Scripts other than Latin are told apart reliably even in short texts.
  const latin = sample.match(/\p{Script=Latin}/gu)?.length ?? 0;
  if (letters === 0 || (latin / letters > 0.5 && letters < MIN_LETTERS_TO_GUESS)) return 'en';
  const code = franc(sample, { minLength: 3 });
  if (code === 'und') return 'en';
  return TWO_LETTER[code] ?? code;
}
