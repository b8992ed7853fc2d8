// Conditions on a stance: "if the UN Security Council backs it", "provided that", "contingent on", "should be supported by …".
import type { StanceContext } from './context.js';

const MARKERS: string[][] = [
  ['if'], ['only', 'if'], ['provided', 'that'], ['provided'], ['on', 'condition', 'that'], ['on', 'condition'], ['as', 'long', 'as'],
  ['so', 'long', 'as'], ['unless'], ['contingent', 'on'], ['conditional', 'on'], ['subject', 'to'], ['depending', 'on'],
  ['depends', 'on'], ['in', 'exchange', 'for'], ['in', 'return', 'for'], ['only', 'after'],
  ['should', 'be', 'supported', 'by'], ['should', 'be', 'backed', 'by'], ['must', 'be', 'approved', 'by'],
  ['in', 'its', 'current', 'form'], ['in', 'this', 'form'], ['in', 'their', 'current', 'form'],
  ['need', 'the', 'backing', 'of'], ['need', 'the', 'approval', 'of'], ['would', 'need'], ['requires'], ['would', 'require'],
];
const BY_FIRST = new Map<string, string[][]>();
for (const m of MARKERS) BY_FIRST.set(m[0], [...(BY_FIRST.get(m[0]) ?? []), m]);
const ENDS = new Set(['.', ';', '”', '"', ':']);
const MAX_WORDS = 12;

/** A condition stated in the stance's sentence or the next one, as text, or null. */
export function conditionNear(ctx: StanceContext, word: number): string | null {
  const { words } = ctx;
  const s = words[word].sentence;
  for (const sentence of [s, s + 1]) {
    const range = ctx.sentences.get(sentence);
    if (!range) continue;
    // The next sentence counts only when it goes on about the same thing ("But he said …").
    if (sentence !== s && !/^(but|however)$/.test(words[range.first].norm)) continue;
    for (let k = range.first; k <= range.last; k++) {
      for (const m of BY_FIRST.get(words[k].norm) ?? []) {
        if (!m.every((w, j) => words[k + j]?.norm === w)) continue;
        const from = k + m.length;
        let to = from;
        while (to + 1 <= range.last && to + 1 - from < MAX_WORDS && !ENDS.has(words[to + 1].norm) && !(words[to + 1].norm === ',' && to > from + 2)) to++;
        if (to < from || from > range.last) continue;
        const text = ctx.doc.text.slice(words[k].start, words[to].end).replace(/\s+/g, ' ').replace(/[,;:\s"“”]+$/, '').trim();
        return text;
      }
    }
  }
  return null;
}

/** "… should be supported by the UN Security Council": a passive cue under a modal states a condition, not a stance. */
export function isConditionCue(ctx: StanceContext, cueFirst: number): boolean {
  const { words } = ctx;
  for (let k = cueFirst - 1; k >= cueFirst - 4 && k >= 0; k--) {
    const n = words[k].norm;
    if (n === 'should' || n === 'must' || n === 'need' || n === 'needs' || n === 'would' || n === 'requires') return true;
    if (!['be', 'been', 'to', 'have', 'first', 'also'].includes(n)) return false;
  }
  return false;
}
