// The name a proposal goes by on the board: a short phrase people would write ("EU ban on Russian oil imports"),
// chosen among the words the articles use for it and cleaned of clause fragments; about MAX_NAME_WORDS words at most.
import { COUNTRIES } from '../analyze/actors/lexicon.js';

/** The words a name aims at; one of up to two more is kept whole rather than cut. */
export const MAX_NAME_WORDS = 8;

/** Words that open a clause or an adjunct, not part of the name: the name ends before them. */
const CLAUSE_OPENERS = new Set([
  'that', 'which', 'who', 'whom', 'whose', 'where', 'when', 'while', 'because', 'after', 'before', 'until', 'unless',
  'amid', 'despite', 'although', 'though', 'if', 'since', 'following', 'ahead', 'as', 'but', 'so', 'than', 'saying',
  'said', 'says', 'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'could',
  'should', 'can', 'may', 'might', 'must', 'did', 'does', 'do',
]);
/** Words a name never ends on. */
const TRAILING = new Set([
  'a', 'an', 'the', 'of', 'on', 'in', 'for', 'to', 'over', 'by', 'with', 'and', 'or', 'its', 'their', 'his', 'her',
  'our', 'my', 'your', 'from', 'into', 'at', 'as', 'this', 'that', 'these', 'those', 'against', 'about', 'under',
  'between', 'within', 'without', 'through', 'per', 'via', 'up', 'out', 'off', 'also', 'any', 'all', 'some', 'such',
  'more', 'most', 'new', 'further', 'own', 'due', 'not', 'no', 'than', 'like',
]);
/** Words a name never starts with. */
const LEADING = new Set(['a', 'an', 'the', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'such', 'any', 'so-called', 'socalled', 'whose']);
/** Pronouns and deictic words: a name holding one leans on a sentence it no longer has ("for its move"). */
const LEANING = new Set(['its', 'their', 'his', 'her', 'our', 'my', 'your', 'it', 'they', 'he', 'she', 'we', 'us', 'them', 'him', 'this', 'these', 'those', 'we’re', 'here', 'there']);
/** A prepositional phrase of time at the end ("in October", "last month", "on Tuesday") says when it was said, not what. */
const TIME_WORDS = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tomorrow',
  'week', 'month', 'year', 'weekend', 'morning', 'evening', 'night', 'summit', 'meeting', 'talks',
]);
/** Prepositions that open a phrase a long name can end before. */
const PREPOSITIONS = new Set(['of', 'on', 'in', 'for', 'to', 'over', 'by', 'with', 'from', 'into', 'at', 'against', 'about', 'under', 'between', 'within', 'without', 'through', 'via', 'across', 'toward', 'towards']);
const TIME_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'last', 'next', 'this', 'earlier', 'later']);
/** Nouns that name only the kind of thing proposed: alone they say nothing about which one. */
const GENERIC_HEADS = new Set([
  'plan', 'plans', 'proposal', 'proposals', 'idea', 'ideas', 'decision', 'move', 'measure', 'measures', 'step', 'steps',
  'resolution', 'resolutions', 'draft', 'deal', 'agreement', 'vote', 'initiative', 'offer', 'request', 'demand',
  'demands', 'call', 'end', 'text', 'motion', 'bill', 'law', 'package', 'scheme', 'programme', 'program', 'option',
  'options', 'process', 'solution', 'arrangement', 'framework', 'accord', 'pact', 'treaty', 'sanctions', 'ban', 'new',
]);

const words = (s: string): string[] => s.replace(/[“”"«»]/g, ' ').replace(/\s*…\s*|\.\.\./g, ' … ').split(/\s+/).filter(Boolean);
const bare = (w: string): string => w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');

/**
 * One phrase cleaned into a name, or null when nothing worth a name is left: leading determiners off; cut before a
 * clause ("… that is rushing", "… which will bind us"), an ellipsis, a dash or a closing time phrase ("in October");
 * at most MAX_NAME_WORDS words (two more kept whole), cut back to a word a name may end on.
 */
export function cleanName(phrase: string): string | null {
  let ws = words(phrase.replace(/^[\s\-–—:;,.']+/, ''));
  // Cut at the first clause opener, an ellipsis, a dash or a sentence break (not at the very start).
  for (let i = 1; i < ws.length; i++) {
    const w = ws[i];
    const b = bare(w);
    if (w === '…' || /^['‘]/.test(w) || (b === 'by' && /^(\d|a\s*vote)/i.test(ws.slice(i + 1, i + 3).join(' '))) || w === '—' || w === '–' || w === '-' || CLAUSE_OPENERS.has(b) || /[;:!?]$/.test(ws[i - 1]) || /\.$/.test(ws[i - 1]) && !/^[A-Z]\.$|^[A-Z]\.[A-Z]\.?$/.test(ws[i - 1].replace(/[^A-Za-z.]/g, ''))) {
      ws = ws.slice(0, i);
      break;
    }
  }
  while (ws.length && LEADING.has(bare(ws[0]))) ws = ws.slice(1);
  // A closing phrase of time: "… in October", "… at a leaders' summit", "… last month".
  for (let i = ws.length - 1; i > 0; i--) {
    if (TIME_WORDS.has(bare(ws[i])) || /^(19|20)\d\d$/.test(bare(ws[i])) && TIME_PREPOSITIONS.has(bare(ws[i - 1]))) {
      let j = i;
      while (j > 0 && !TIME_PREPOSITIONS.has(bare(ws[j])) && i - j < 4) j--;
      if (TIME_PREPOSITIONS.has(bare(ws[j])) && j > 0 && !/^(19|20)\d\d$/.test(bare(ws[j + 1] ?? '')) || /^(last|next)$/.test(bare(ws[j]))) ws = ws.slice(0, j);
      break;
    }
  }
  if (ws.length > MAX_NAME_WORDS + 2) {
    // Too long: end before the last prepositional phrase that would be cut ("request to increase defence spending | to
    // five per cent of GDP"), else at the limit.
    let end = MAX_NAME_WORDS;
    for (let i = MAX_NAME_WORDS - 1; i >= 3; i--) if (PREPOSITIONS.has(bare(ws[i]))) { end = i; break; }
    ws = ws.slice(0, end);
  }
  while (ws.length && TRAILING.has(bare(ws[ws.length - 1]))) ws = ws.slice(0, -1);
  const name = ws.join(' ').replace(/[,;:'’]+$/, '').trim();
  return name && /\p{L}/u.test(name) ? name : null;
}

/**
 * How good a name is, higher better: content words up to six count; a name of generic words only ("the plan",
 * "resolution") or leaning on a pronoun ("sanctions for its move") counts for little; a name that had to be cut counts
 * less than one that did not.
 */
export function nameScore(name: string, cut = false): number {
  const ws = words(name).map(bare).filter(Boolean);
  if (!ws.length) return -Infinity;
  const content = ws.filter((w) => !TRAILING.has(w) && !LEADING.has(w));
  let score = Math.min(content.length, 6) - Math.max(0, ws.length - MAX_NAME_WORDS);
  if (content.every((w) => GENERIC_HEADS.has(w))) score -= 4;
  else if (content.some((w) => GENERIC_HEADS.has(w))) score += 1; // says what kind of thing it is, and which
  if (ws.some((w) => LEANING.has(w))) score -= 2;
  if (/^\d/.test(ws[0] ?? '')) score -= 1;
  if (cut) score -= 1;
  return score;
}

/**
 * The name of a proposal from its summary (the analyser's words for it), the phrases of its mentions in the article
 * and, when known, the name of who put it forward. The summary, cleaned, is the name when it says which proposal it is;
 * a summary of generic words only ("the move", "resolution") gives way to the best mention holding its head word ("the
 * Cuba resolution"), a phrase used more often winning a tie. The proposer's name goes in front ("France’s plan to
 * recognise a Palestinian state") when it is a proper name and the name does not already say it.
 */
export function proposalName(summary: string, mentions: readonly string[] = [], proposer: string | null = null): string | null {
  const own = cleanName(summary);
  let best = own;
  if (!own || nameScore(own) < 2) {
    const head = own ? bare(words(own)[words(own).length - 1]) : null;
    const counts = new Map<string, { name: string; n: number; cut: boolean }>();
    for (const m of mentions) {
      const name = cleanName(m);
      if (!name || (head !== null && !words(name).some((w) => bare(w) === head))) continue;
      const key = name.toLowerCase();
      const cut = words(name).length < words(m).filter((w) => !LEADING.has(bare(w))).length;
      const seen = counts.get(key);
      if (seen) { seen.n++; seen.cut &&= cut; } else counts.set(key, { name, n: 1, cut });
    }
    let bestScore = own ? nameScore(own) : -Infinity;
    for (const { name, n, cut } of counts.values()) {
      const score = nameScore(name, cut) + Math.min(n - 1, 2) * 0.5;
      if (score > bestScore) { best = name; bestScore = score; }
    }
  }
  return best === null ? null : withProposer(best, proposer);
}

/**
 * The name with who put it forward after it in brackets ("no-fly zone over Libya (Arab League)"), a form that reads
 * right whatever the name starts with; the name as it is when it already names the proposer ("U.S.-backed resolution",
 * "French plan"), when the proposer is no proper name, or when the whole would run long.
 */
export function withProposer(name: string, proposer: string | null): string {
  // A proper name, not a bare code ("DNK", "UNSC"): a code in brackets tells a reader little.
  if (!proposer || !/^\p{Lu}/u.test(proposer) || /^[\p{Lu}\d:-]+$/u.test(proposer)) return name;
  const country = COUNTRIES.find((c) => c.name === proposer || c.names.includes(proposer));
  const aliases = [proposer, ...(country?.names ?? []), ...(country?.demonyms ?? [])];
  const lower = name.toLowerCase();
  const says = aliases.some((a) => {
    const re = new RegExp(`(^|[^\\p{L}])${a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, a.length <= 3 ? 'u' : 'iu');
    return re.test(a.length <= 3 ? name : lower) || (a.length > 3 && re.test(name));
  });
  if (says || words(name).length + words(proposer).length > MAX_NAME_WORDS + 3) return name;
  return `${name} (${proposer})`;
}

/** A name without the proposer in brackets at its end, as nameScore compares names. */
export const withoutProposer = (name: string): string => name.replace(/\s*\([^()]*\)$/, '');
