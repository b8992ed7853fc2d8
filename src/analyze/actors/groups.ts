// Unnamed groups and anonymous speakers ("some Nato ministers", "officials", "a senior source") as group actors.
import { addMention } from '../doc.js';
import { claimedAt, type ActorsContext } from './context.js';
import { GROUP_DETERMINERS, GROUP_HEADS, GROUP_MODIFIERS, GROUP_SINGULAR } from './lexicon.js';
import { countryActor, groupActor } from './places.js';

/** True for a word of lower-case ASCII letters only (its folded form is itself). */
function isLowerAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const n = s.charCodeAt(i);
    if (n < 97 || n > 122) return false;
  }
  return s.length > 0;
}

/** What a word can be in a group phrase: a head of its own, the first word of a two-word head, or both (one lookup). */
const IS_HEAD = 1;
const OPENS_HEAD = 2;
const GROUP_WORD_USE: ReadonlyMap<string, number> = (() => {
  const use = new Map<string, number>();
  for (const h of GROUP_HEADS) {
    use.set(h, (use.get(h) ?? 0) | IS_HEAD);
    if (h.includes(' ')) { const first = h.split(' ')[0]; use.set(first, (use.get(first) ?? 0) | OPENS_HEAD); }
  }
  return use;
})();
const OPEN_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM', 'VERB']);

const ENTOURAGE = new Set(['campaign', 'camp', 'team', 'administration', 'government', 'cabinet', 'aides', 'allies', 'spokespeople']);
const GOVERNING = new Set(['administration', 'government', 'cabinet']);

/** "the Biden administration" is the government the person leads; "the Trump campaign" a group around the person. */
export function findEntourages(ctx: ActorsContext): void {
  const { doc, words } = ctx;
  for (let k = 1; k < words.length; k++) {
    const a = claimedAt(ctx, words[k - 1].start);
    if (a < 0 || doc.actors[a].kind !== 'person' || !ENTOURAGE.has(words[k].lower)) continue;
    let from = k - 1;
    while (from > 0 && claimedAt(ctx, words[from - 1].start) === a) from--;
    if (from > 0 && words[from - 1].lower === 'the') from--;
    const span = { start: words[from].start, end: words[k].end };
    const person = doc.actors[a];
    if (GOVERNING.has(words[k].lower) && person.represents?.startsWith('country:')) {
      addMention(doc, countryActor(doc, person.represents.slice(8)), span, 'phrase');
    } else {
      const surname = person.name.slice(person.name.lastIndexOf(' ') + 1);
      addMention(doc, groupActor(doc, `${surname} ${words[k].lower}`), span, 'group');
    }
  }
}

/** "its foreign ministry", "its government": the country or organisation last named, speaking through its ministry. */
export function findPossessedGovernments(ctx: ActorsContext): void {
  const { doc, words } = ctx;
  for (let k = 0; k + 1 < words.length; k++) {
    if (words[k].lower !== 'its') continue;
    let h = k + 1;
    while (words[h] && /^(foreign|defence|defense|interior|finance|justice)$/.test(words[h].lower)) h++;
    if (!words[h] || !/^(ministry|government|embassy|delegation|mission|leadership)$/.test(words[h].lower)) continue;
    for (let j = k - 1; j >= 0 && words[j].sentence >= words[k].sentence - 1; j--) {
      const a = claimedAt(ctx, words[j].start);
      if (a < 0 || doc.actors[a].kind === 'person') continue;
      if (doc.actors[a].kind === 'country' || doc.actors[a].kind === 'organization') addMention(doc, a, { start: words[k].start, end: words[h].end }, 'phrase');
      break;
    }
  }
}

/** Finds group phrases by their head noun and walks left over determiners and modifiers. */
export function findGroups(ctx: ActorsContext): void {
  const { doc, words } = ctx;
  for (let k = 0; k < words.length; k++) {
    const w = words[k];
    if (w.pos !== 'NOUN' && w.pos !== 'PROPN') continue;
    let head = w.lower.length === w.end - w.start && isLowerAscii(w.lower) ? w.lower : ctx.folded.slice(w.start, w.end);
    let headEnd = k;
    const use = GROUP_WORD_USE.get(head) ?? 0;
    if (use === 0) continue;
    // Two-word heads ("world leaders", "administration officials").
    const two = words[k + 1] && use & OPENS_HEAD ? `${head} ${ctx.folded.slice(words[k + 1].start, words[k + 1].end)}` : '';
    if (two && GROUP_HEADS.has(two)) { head = two; headEnd = k + 1; }
    else if (!(use & IS_HEAD)) continue;
    if (w.pos !== 'NOUN' && w.pos !== 'PROPN') continue;
    if (claimedAt(ctx, w.start) >= 0) continue;
    // A head followed by a name is a title ("spokesman Jason Miller"), not a group.
    const after = words[headEnd + 1]?.text === ',' ? words[headEnd + 2] : words[headEnd + 1];
    if (after && claimedAt(ctx, after.start) >= 0 && doc.actors[claimedAt(ctx, after.start)].kind === 'person') continue;
    let from = k;
    let determined = false;
    for (let j = k - 1; j >= 0 && k - j <= 5; j--) {
      const p = words[j];
      if (p.sentence !== w.sentence) break;
      const f = ctx.folded.slice(p.start, p.end);
      if (GROUP_DETERMINERS.has(f)) { from = j; determined = true; if (/^(a|an|the|some|many|several|two|three|four|five|another|one|these|those)$/.test(f)) break; continue; }
      const claimed = claimedAt(ctx, p.start);
      if (claimed >= 0 && doc.actors[claimed].kind === 'person') break;
      if (GROUP_MODIFIERS.has(f) || claimed >= 0 || (OPEN_POS.has(p.pos) && p.pos !== 'VERB' && /^[\p{L}.-]+$/u.test(p.text))) { from = j; continue; }
      break;
    }
    const singular = GROUP_SINGULAR.has(head);
    // Those spoken to are listeners, not speakers ("told reporters", "met with diplomats").
    if (from > 0 && /^(told|tell|tells|telling|to|with|briefed|asked)$/.test(words[from - 1].lower) && from === k) continue;
    if (singular && !determined) continue;
    const start = words[from].start;
    const end = words[headEnd].end;
    // "Nato allies", "US officials": the named country or organisation already stands for them.
    let named = false;
    for (let j = from; j < k; j++) if (claimedAt(ctx, words[j].start) >= 0) named = true;
    if (named) { k = headEnd; continue; }
    const phrase = doc.text.slice(start, end);
    const g = groupActor(doc, phrase);
    addMention(doc, g, { start, end }, 'group');
    k = headEnd;
  }
}
