// What a sentence reports of a vote: the counts for, against and abstaining, a unanimous vote, and whether the text was
// adopted or failed; and whether the sentence only states a rule ("needs nine votes and no veto").

export interface Tally {
  for: number | null;
  against: number | null;
  abstain: number | null;
  unanimous: boolean;
  /** "adopted" (adopted, approved, passed, endorsed), "rejected" (vetoed, failed to pass, defeated), or null. */
  outcome: 'adopted' | 'rejected' | null;
}

const NUMBER_WORDS: Readonly<Record<string, number>> = {
  none: 0, zero: 0, no: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, 'twenty-one': 21, 'twenty-two': 22, 'twenty-three': 23, 'twenty-four': 24,
  'twenty-five': 25, 'twenty-six': 26, 'twenty-seven': 27,
};
const NUM = `(\\d{1,3}|${Object.keys(NUMBER_WORDS).sort((a, b) => b.length - a.length).join('|')})`;
const num = (s: string | undefined): number | null => {
  if (s === undefined) return null;
  const t = s.toLowerCase();
  return /^\d+$/.test(t) ? Number(t) : NUMBER_WORDS[t] ?? null;
};

const WHO = '(?:\\s+(?:of\\s+the\\s+\\d+\\s+)?(?:members?|countries|states|nations|delegations|governments|member\\s+states))?';
const FOR_RE = new RegExp(`\\b${NUM}${WHO}\\s+(?:votes?\\s+|voted\\s+|voting\\s+|were\\s+)?(?:in\\s+favou?r|for\\b|yes\\b|["“]yes)`, 'i');
const AGAINST_RE = new RegExp(`\\b${NUM}${WHO}\\s+(?:votes?\\s+|voted\\s+|voting\\s+|were\\s+)?(?:against|no\\b|["“]no)`, 'i');
const ABSTAIN_RE = new RegExp(`\\b${NUM}${WHO}\\s+(?:abstentions?|abstained|abstaining)`, 'i');
const SCORE_RE = new RegExp(`\\b(?:by\\s+(?:a\\s+)?(?:vote\\s+of\\s+)?|vote\\s+of\\s+|votes?\\s+)?(\\d{1,3})\\s*(?:votes?\\s+)?(?:to|[-–—])\\s*(\\d{1,3})(?:\\s*(?:[-–—]|,?\\s*with)\\s*(\\d{1,3})(?:\\s+abstentions?)?)?\\b`, 'i');
const OF_RE = new RegExp(`\\b${NUM}\\s+(?:out\\s+)?of\\s+(?:the\\s+)?${NUM}\\s+(?:members?|member\\s+states|countries|states|nations)`, 'i');
const ADOPTED_RE = /\b(adopted|approved|passed|endorsed|ratified|backed\s+unanimously|unanimously\s+(?:backed|voted|adopted|approved|passed|endorsed))\b/i;
const REJECTED_RE = /\b(vetoed|failed\s+to\s+(?:pass|win|secure|get|garner|muster)|was\s+(?:defeated|voted\s+down)|fell\s+short|did\s+not\s+pass|blocked\s+by\s+(?:a\s+)?veto)\b/i;
const UNANIMOUS_RE = /\b(unanimously|unanimous\s+(?:vote|decision|approval|backing|support))\b/i;

/**
 * Whether a sentence only states how a body decides ("to pass, a resolution needs nine votes and no veto by China,
 * France …"): a word of need and a veto named as a rule, and no vote cast.
 */
export function statesARule(sentence: string): boolean {
  return /\b(needs?|requires?|required|must\s+(?:win|get|receive|secure)|to\s+(?:pass|be\s+adopted)|would\s+need|in\s+order\s+to)\b/i.test(sentence)
    && !/\b(voted|vetoed|abstained|adopted|approved)\b/i.test(sentence)
    && /\b(?:no|without\s+(?:a|any))\s+vetoe?s?\b|\bveto(?:-wielding|\s+power|\s+powers|es)?\b/i.test(sentence);
}

/** The vote a sentence reports, or null when it reports none (no count, no unanimous vote and no outcome). */
export function tallyOf(sentence: string): Tally | null {
  if (statesARule(sentence)) return null;
  const t: Tally = { for: null, against: null, abstain: null, unanimous: UNANIMOUS_RE.test(sentence), outcome: null };
  const score = SCORE_RE.exec(sentence);
  // "13 to 0", "13-0-2", "by a vote of 128 to 9, with 35 abstentions": only next to a word of voting, never a date
  // range or a score of something else.
  if (score && /\b(vot|adopt|approv|pass|abstent|reject|endors|ballot)/i.test(sentence)) {
    t.for = Number(score[1]);
    t.against = Number(score[2]);
    if (score[3] !== undefined) t.abstain = Number(score[3]);
  }
  t.for ??= num(FOR_RE.exec(sentence)?.[1]);
  t.against ??= num(AGAINST_RE.exec(sentence)?.[1]);
  t.abstain ??= num(ABSTAIN_RE.exec(sentence)?.[1]);
  const of = OF_RE.exec(sentence);
  if (of && t.for === null && /\b(approv|adopt|back|vot|support|endors|ratif)/i.test(sentence)) t.for = num(of[1]);
  if (ADOPTED_RE.test(sentence)) t.outcome = 'adopted';
  if (REJECTED_RE.test(sentence)) t.outcome = 'rejected';
  if (t.for === null && t.against === null && t.abstain === null && !t.unanimous && t.outcome === null) return null;
  return t;
}
