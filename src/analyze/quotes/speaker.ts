// Turns the words naming a speaker ("he", "Kremlin spokesman Dmitry Peskov", "a senior official", "The Post") into an actor.
import { actorIndex, addActor, addMention, objectList, sentenceAt, tokenAt, type Doc, type Mention } from '../doc.js';
import type { Span } from '../record.js';
import { personKey, slugify } from '../slug.js';
import {
  DOCUMENT_NOUNS, GROUP_DETERMINERS, GROUP_NOUNS, OFFICE_NOUNS, PERSON_PRONOUNS, PLURAL_PRONOUNS, ROLE_NOUNS, THING_PRONOUNS,
} from './lexicon.js';
import { lastNameBefore, namesIn, type NameIndex, type NameRun } from './names.js';

export interface Speaker {
  actor: number;
  span: Span;
}

export interface SpeakerContext {
  doc: Doc;
  names: NameIndex;
  /** Every actor mention, in text order; kept in step as the stage adds mentions. */
  mentions: Mention[];
  /** Spans inside quotation marks: names there are not the reporter's antecedents. */
  quoted: Span[];
  /** The actors stage found people: trust its mentions over bare capitalised words when resolving pronouns. */
  trustActors: boolean;
  /** Person actors by the slug of their last name, first one wins; built when a name is first resolved (`surnames`). */
  bySurname: Map<string, number> | null;
}

/** The slug of a name's last word ("Recep Tayyip Erdoğan" → "erdogan"). */
const lastWord = (name: string) => slugify(name).split('-').pop() ?? '';

export function speakerContext(doc: Doc, names: NameIndex, quoted: Span[] = []): SpeakerContext {
  // The stage only reads these mentions, so a mention that already names its actor is shared, not copied.
  const mentions: Mention[] = [];
  doc.actors.forEach((a, i) => { for (const m of a.mentions) mentions.push(m.actor === i ? m : { ...m, actor: i }); });
  mentions.sort((x, y) => x.start - y.start || y.end - x.end);
  return { doc, names, mentions, quoted, trustActors: doc.actors.some((a) => a.kind === 'person' && a.mentions.length > 0), bySurname: null };
}

/**
 * The person actors by surname slug. Built on first use (slugging every name is costly, and many articles
 * resolve no name): only `personFromName` adds people, and it keeps the index up to date.
 */
function surnames(ctx: SpeakerContext): Map<string, number> {
  if (!ctx.bySurname) {
    ctx.bySurname = new Map();
    for (const [i, a] of ctx.doc.actors.entries()) {
      if (a.kind !== 'person') continue;
      const surname = lastWord(a.name);
      if (!ctx.bySurname.has(surname)) ctx.bySurname.set(surname, i);
    }
  }
  return ctx.bySurname;
}

function mention(ctx: SpeakerContext, actor: number, span: Span, via: Mention['via']): void {
  addMention(ctx.doc, actor, span, via);
  const m: Mention = { start: span.start, end: span.end, actor, via };
  let lo = 0;
  let hi = ctx.mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ctx.mentions[mid].start <= m.start) lo = mid + 1;
    else hi = mid;
  }
  ctx.mentions.splice(lo, 0, m);
}

/** Mentions overlapping a span: binary search on the sorted mentions, then a short walk back. */
function overlapping(ctx: SpeakerContext, span: Span): Mention[] {
  const ms = ctx.mentions;
  let lo = 0;
  let hi = ms.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ms[mid].start < span.end) lo = mid + 1;
    else hi = mid;
  }
  const out = objectList<Mention>();
  for (let i = lo - 1; i >= 0 && ms[i].start > span.start - MAX_MENTION; i--) if (span.start < ms[i].end) out.push(ms[i]);
  return out.reverse();
}

/** The first mention of exactly the span start..end, or undefined. */
function mentionAt(ctx: SpeakerContext, start: number, end: number): Mention | undefined {
  const ms = ctx.mentions;
  for (let i = firstAtOrAfter(ms, start); i < ms.length && ms[i].start === start; i++) if (ms[i].end === end) return ms[i];
  return undefined;
}

/** Index of the first span starting at or after an offset (spans sorted by start). */
function firstAtOrAfter(spans: Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Whether a span lies inside one of the (sorted, disjoint) quotation spans. */
function insideQuotation(quoted: Span[], span: Span): boolean {
  const i = firstAtOrAfter(quoted, span.start + 1) - 1;
  return i >= 0 && quoted[i].start <= span.start && span.end <= quoted[i].end;
}

/** Longest mention worth looking back for, in characters. */
const MAX_MENTION = 200;

/** The person a bare name stands for: an actor already known, or a new one under the fullest form of the name. */
function personFromName(ctx: SpeakerContext, run: NameRun): number {
  const { doc } = ctx;
  const surname = run.surname;
  const full = run.words.length >= 2 ? run.name : ctx.names.full.get(surname) ?? run.name;
  const known = doc.knowledge.people.get(full.toLowerCase()) ?? doc.knowledge.people.get(run.name.toLowerCase());
  const bySurname = surnames(ctx);
  let actor = bySurname.get(slugify(surname)) ?? actorIndex(doc, personKey(full));
  if (actor < 0 && known) {
    actor = addActor(doc, { key: known.key, kind: 'person', name: known.name, role: known.role, country: known.country, organization: known.organization, represents: known.represents });
  }
  if (actor < 0) actor = addActor(doc, { key: personKey(full), kind: 'person', name: full, role: null, country: null, organization: null, represents: null });
  const last = lastWord(doc.actors[actor].name);
  if (!bySurname.has(last)) bySurname.set(last, actor);
  // Later mentions of a one-word name now count as a person ("Erdoğan … he said").
  if (!ctx.names.full.has(surname)) ctx.names.full.set(surname, doc.actors[actor].name);
  mention(ctx, actor, run, run.words.length >= 2 ? 'name' : 'surname');
  return actor;
}


/** An outlet or institution named by a capitalised run ("The Morning Herald", "Commission") as an organisation. */
function organizationFromName(ctx: SpeakerContext, run: NameRun): number {
  const name = run.name.replace(/^The /, '');
  const actor = addActor(ctx.doc, { key: `org:${slugify(name).toUpperCase()}`, kind: 'organization', name: run.name, role: null, country: null, organization: null, represents: null });
  mention(ctx, actor, run, 'name');
  return actor;
}

/** The most recent actor of the wanted kinds mentioned before an offset (and the name index, for people). */
function lastActorBefore(ctx: SpeakerContext, offset: number, kinds: string[]): number | null {
  const { doc } = ctx;
  // The sentence nearest before the offset that mentions a wanted actor outside quotation marks; in it,
  // the first such mention (the subject, most often: "When Erdoğan was asked …, he said").
  let chosen: Mention | null = null;
  for (let i = firstAtOrAfter(ctx.mentions, offset) - 1; i >= 0; i--) {
    const m = ctx.mentions[i];
    if (m.start >= offset || !kinds.includes(doc.actors[m.actor].kind)) continue;
    if (insideQuotation(ctx.quoted, m) || inByline(doc.text, m.start)) continue;
    if (chosen && sentenceAt(doc, m.start) !== sentenceAt(doc, chosen.start)) break;
    chosen = m;
  }
  if (kinds.includes('person') && !ctx.trustActors) {
    const run = lastNameBefore(ctx.names, offset);
    if (run && (!chosen || run.start > chosen.end) && !overlapping(ctx, run).length && !inByline(doc.text, run.start)) return personFromName(ctx, run);
  }
  return chosen ? chosen.actor : null;
}

/** Whether an offset lies in a byline: a short line opening with "By" and a name ("By Jane Miller, Reuters"). */
export function inByline(text: string, offset: number): boolean {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  if (text.charCodeAt(start) !== 66 || !/^By\s+\p{Lu}/u.test(text.slice(start, start + 8))) return false;
  const end = text.indexOf('\n', offset);
  return (end < 0 ? text.length : end) - start < 80;
}

const LABEL_DROPS = new Set(['a', 'an', 'the', 'another', 'his', 'her', 'their']);

/** A group's name: the words from..to without articles and possessives ("senior Western official"), joined by spaces. */
function groupLabel(words: readonly { w: string }[], from: number, to: number): string {
  let label = '';
  let first = true;
  for (let j = from; j <= to; j++) {
    if (LABEL_DROPS.has(words[j].w)) continue;
    label = first ? words[j].w : `${label} ${words[j].w}`;
    first = false;
  }
  return label;
}

const KIND_RANK: Record<string, number> = { person: 0, organization: 1, country: 2, group: 3 };

/**
 * Finds the speaker named inside `spans` (the words between a quote and its speech verb, say), trying the spans
 * in order within each tier: a named person, an organisation or country, an outlet, a lone capitalised word,
 * then an unnamed group, a role or a pronoun.
 */
export function speakerIn(ctx: SpeakerContext, spans: Span | Span[], peopleOnly = false): Speaker | null {
  const { doc } = ctx;
  const list = (Array.isArray(spans) ? spans : [spans]).filter((s) => s.end > s.start);
  // Loops, not map(): V8's compiled map() returns a holey array, which the loops below were not compiled for.
  const mentionsIn: Mention[][] = [];
  for (const span of list) mentionsIn.push(overlapping(ctx, span).filter((m) => m.via !== 'pronoun'));
  for (let i = 0; i < list.length; i++) {
    const m = mentionsIn[i].findLast((x) => doc.actors[x.actor].kind === 'person');
    if (!m) continue;
    // "President X's office said", "X's spokesman said": the body X speaks for, when it is known and named.
    const body = officeOf(ctx, m, list[i]);
    return body ?? { actor: m.actor, span: m };
  }
  // Name runs are looked up only now: most speakers are a person the actors stage already found.
  const per: { span: Span; ms: Mention[]; runs: NameRun[] }[] = [];
  for (let i = 0; i < list.length; i++) {
    const span = list[i];
    // A run already known as a name is left to its mention; one inside a longer role phrase ("U.S. deputy ambassador Jane Roe") is not.
    const runs = namesIn(ctx.names, span).filter((r) => r.start >= span.start && r.end <= span.end
      && !overlapping(ctx, r).some((m) => m.start >= r.start || doc.actors[m.actor].kind === 'person'));
    per.push({ span, ms: mentionsIn[i], runs });
  }
  for (const { runs } of per) {
    const r = runs.findLast((x) => !x.orgLike && (x.words.length >= 2 || ctx.names.full.has(x.surname) || doc.knowledge.people.has(x.name.toLowerCase())));
    if (r) return { actor: personFromName(ctx, r), span: r };
  }
  if (peopleOnly) return null;
  for (const { span, ms } of per) {
    if (!ms.length) continue;
    // "the German politician", "the Russian envoy": a role, not the country that qualifies it.
    const words = doc.text.slice(span.start, span.end).toLowerCase().split(/\s+/);
    const head = words[words.length - 1];
    // "an Israeli official", "a source close to the EU talks", "two EU diplomats": an unnamed group, not the place.
    const group = INDEFINITE.has(words[0]) ? words.slice(1, 5).findIndex((w) => GROUP_NOUNS.has(w.replace(/[,.]$/, ''))) : -1;
    const upTo = group >= 0 ? wordEnd(doc.text, span.start, group + 2) : -1;
    // …but only when the place comes after the noun; "a senior Japanese official" speaks for Japan.
    // "a spokesperson for the French ministry" speaks for France; "a source close to the talks" for nobody named.
    const speaksFor = group >= 0 && /^\s*(?:for|of|at|from|in)\b/.test(doc.text.slice(upTo, upTo + 6));
    if (group >= 0 && !speaksFor && ms.every((m) => m.start >= upTo || doc.actors[m.actor].kind === 'group')) {
      const named = ms.find((m) => doc.actors[m.actor].kind === 'group' && m.start < upTo);
      if (named) return { actor: named.actor, span: named };
      const sp = wordSpeaker(ctx, { start: span.start, end: upTo });
      if (sp) return sp;
    }
    // "Sudan's U.N. ambassador": the one whose envoy it is.
    const owner = ms.find((m) => /^[’']s\b/.test(doc.text.slice(m.end, m.end + 3)) && doc.actors[m.actor].kind !== 'person');
    if (owner && (ROLE_NOUNS.has(head) || GROUP_NOUNS.has(head))) return { actor: owner.actor, span: owner };
    if (words[0] === 'the' && (ROLE_NOUNS.has(head) || DOCUMENT_NOUNS.has(head))) {
      const sp = wordSpeaker(ctx, span);
      // "the Swedish minister" is not the Lithuanian minister named last: without a Swede in sight, Sweden.
      const place = ms.find((m) => doc.actors[m.actor].kind === 'country');
      const who = sp ? doc.actors[sp.actor] : null;
      if (place && who?.kind === 'person' && who.country && `country:${who.country}` !== doc.actors[place.actor].key) return { actor: place.actor, span: place };
      if (sp) return sp;
    }
    const best = [...ms].sort((x, y) => KIND_RANK[doc.actors[x.actor].kind] - KIND_RANK[doc.actors[y.actor].kind] || y.start - x.start)[0];
    return { actor: best.actor, span: best };
  }
  for (const { runs } of per) {
    const r = runs.findLast((x) => x.outlet);
    if (r) return { actor: organizationFromName(ctx, r), span: r };
  }
  for (const { runs } of per) {
    const r = runs.findLast((x) => x.orgLike);
    if (r) return { actor: organizationFromName(ctx, r), span: r };
  }
  for (const { span, runs } of per) {
    // A lone capitalised word is a speaker only when it is all the segment holds ("Lavrov said").
    const rest = doc.text.slice(span.start, span.end).replace(/^(?:the|The)\s+/, '');
    const lone = runs.find((r) => !r.orgLike && r.words.length === 1 && rest.endsWith(doc.text.slice(r.start, r.end)) && rest.split(/\s+/).length <= 2);
    if (lone) return { actor: personFromName(ctx, lone), span: lone };
  }
  for (const { span } of per) {
    const sp = wordSpeaker(ctx, span);
    if (sp) return sp;
  }
  const lastSpan = list[list.length - 1];
  return lastSpan ? nounSpeaker(ctx, lastSpan) : null;
}

/** The body a person speaks for, named in the article, when the words are their office's ("X's office", "X's spokesman"). */
function officeOf(ctx: SpeakerContext, m: Mention, span: Span): Speaker | null {
  const { doc } = ctx;
  const after = /^[’']s\s+([\p{L}-]+)/u.exec(doc.text.slice(m.end, Math.min(span.end, m.end + 40)));
  if (!after || !OFFICE_NOUNS.has(after[1].toLowerCase())) return null;
  const represents = doc.actors[m.actor].represents;
  const body = represents ? actorIndex(doc, represents) : -1;
  if (body < 0) return null;
  const end = m.end + after[0].length;
  const start = end - after[1].length;
  // No mention is added: the person's name stays the one naming the speaker in the text.
  return { actor: body, span: { start, end } };
}

const NP_STOPS = new Set(['said', 'says', 'told', 'and', 'but', 'that', 'who', 'of', 'for', 'to', 'in', 'on', 'at', 'by', 'with',
  'while', 'whereas', 'as', 'when', 'if', 'because', 'although', 'though', 'after', 'before', 'since', 'so', 'yet', 'then']);
const INDEFINITE = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'several', 'some', 'many', 'other', 'senior', 'another']);

/** The offset where the n-th whitespace-separated word (1-based) of the text from `start` ends. */
function wordEnd(text: string, start: number, n: number): number {
  const re = /\S+/g;
  re.lastIndex = start;
  let end = start;
  for (let k = 0; k < n; k++) {
    const m = re.exec(text);
    if (!m) break;
    end = m.index + m[0].replace(/[,.]$/, '').length;
  }
  return end;
}

/** A plain noun phrase right before the verb ("the bank said", "the network says") as an unnamed group. */
function nounSpeaker(ctx: SpeakerContext, span: Span): Speaker | null {
  const { doc } = ctx;
  let k = tokenAt(doc, span.end) - 1;
  while (k >= 0 && doc.tokens[k].pos === 'SPACE') k--;
  const head = doc.tokens[k];
  if (!head || head.start < span.start || head.pos !== 'NOUN' || !/^[a-z]/.test(head.text)) return null;
  let from = k;
  for (let j = k - 1; j >= 0 && doc.tokens[j].start >= span.start && k - j < 4; j--) {
    const t = doc.tokens[j];
    if (t.pos === 'SPACE') continue;
    if (t.pos === 'DET' || t.pos === 'ADJ' || t.pos === 'NOUN' || t.pos === 'PROPN' || t.pos === 'NUM') from = j;
    else break;
  }
  const np = { start: doc.tokens[from].start, end: head.end };
  const label = doc.text.slice(np.start, np.end).toLowerCase().replace(/^(?:the|a|an|this|that|these|those)\s+/, '');
  const actor = addActor(doc, { key: `group:${slugify(label)}`, kind: 'group', name: label, role: null, country: null, organization: null, represents: null });
  mention(ctx, actor, np, 'group');
  return { actor, span: np };
}

/** Pronouns, unnamed groups and roles ("he", "a senior official", "the foreign minister"), read word by word. */
function wordSpeaker(ctx: SpeakerContext, span: Span): Speaker | null {
  const { doc } = ctx;
  const words: { w: string; s: number; e: number }[] = [];
  const re = /[\p{L}\p{N}.’'\-]+/gu;
  const slice = doc.text.slice(span.start, span.end);
  for (let m = re.exec(slice); m; m = re.exec(slice)) words.push({ w: m[0].toLowerCase(), s: span.start + m.index, e: span.start + m.index + m[0].length });
  for (let k = words.length - 1; k >= 0; k--) {
    const { w, s, e } = words[k];
    const pron = mentionAt(ctx, s, e);
    if (pron) return { actor: pron.actor, span: pron };
    if (PERSON_PRONOUNS.has(w)) {
      const a = lastActorBefore(ctx, s, ['person']);
      if (a === null) return null;
      mention(ctx, a, { start: s, end: e }, 'pronoun');
      return { actor: a, span: { start: s, end: e } };
    }
    if (THING_PRONOUNS.has(w) || PLURAL_PRONOUNS.has(w)) {
      const a = lastActorBefore(ctx, s, THING_PRONOUNS.has(w) ? ['country', 'organization'] : ['group', 'country', 'organization']);
      if (a === null) return null;
      mention(ctx, a, { start: s, end: e }, 'pronoun');
      return { actor: a, span: { start: s, end: e } };
    }
    if (GROUP_NOUNS.has(w) || ROLE_NOUNS.has(w)) {
      // The noun phrase: determiners and modifiers before the head ("a senior Western official").
      let from = k;
      while (from > 0 && k - from < 4 && !/[.,;:]$/.test(words[from - 1].w) && (GROUP_DETERMINERS.has(words[from - 1].w) || /^[a-z\-]+$/.test(words[from - 1].w) || /^\p{Lu}/u.test(doc.text[words[from - 1].s]))) {
        if (NP_STOPS.has(words[from - 1].w)) break;
        from--;
      }
      const np = { start: words[from].s, end: e };
      const det = words[from].w;
      // "the foreign minister" names someone already mentioned; "a senior official" is an unnamed group.
      // "Its deputy foreign minister": the country or organisation "its" stands for, not the last person named.
      if (det === 'its' && (ROLE_NOUNS.has(w) || GROUP_NOUNS.has(w))) {
        const a = lastActorBefore(ctx, s, ['country', 'organization']);
        if (a !== null) { mention(ctx, a, np, 'title'); return { actor: a, span: np }; }
      }
      if ((ROLE_NOUNS.has(w) || DOCUMENT_NOUNS.has(w)) && (det === 'the' || det === 'his' || det === 'her' || det === 'its') && !w.endsWith('s')) {
        const a = lastActorBefore(ctx, s, ['person']) ?? (DOCUMENT_NOUNS.has(w) ? lastActorBefore(ctx, s, ['organization', 'country']) : null);
        if (a !== null) { mention(ctx, a, np, 'title'); return { actor: a, span: np }; }
      }
      const label = groupLabel(words, from, k);
      const actor = addActor(doc, { key: `group:${slugify(label)}`, kind: 'group', name: label, role: null, country: null, organization: null, represents: null });
      mention(ctx, actor, np, 'group');
      return { actor, span: np };
    }
  }
  return null;
}
