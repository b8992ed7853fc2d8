// Merges proposal candidates into proposals: same kind and theme together, anaphors to what they refer back to.
import type { Doc } from '../doc.js';
import { slugify } from '../slug.js';
import { representsKey, type ActorIndex } from './actor-index.js';
import type { Candidate } from './candidates.js';
import { phraseRoles, type PhraseRoles } from './proposer.js';
import { COMMODITIES, HINTS, LINK_ONLY, WEAPON_MODELS, type ProposalKind } from './triggers.js';
import type { Word } from './words.js';

export interface Cluster {
  kind: ProposalKind;
  theme: string;
  proposer: number | null;
  body: string | null;
  mentions: Candidate[];
  /** The candidate whose words make the summary. */
  lead: Candidate;
}

/** How far back (in sentences) a bare "the idea" may look for what it refers to. */
const ANAPHOR_REACH = 6;
/** Adjectives that leave an anaphor pointing back ("the latest proposal", "the controversial plan"). */
const ANAPHORIC_ADJECTIVES = new Set(['repeated', 'renewed', 'fresh', 'urgent', 'impassioned', 'growing', 'latest', 'controversial', 'proposed', 'original', 'initial', 'same', 'entire', 'whole', 'current', 'planned', 'socalled', 'draft', 'formal', 'full', 'final', 'revised', 'ambitious', 'bold', 'contentious', 'disputed', 'divisive']);
const SPEECH_ACT = /^(calls?|demands?|appeals?|requests?|pleas?|proposals?|plans?|ideas?|suggestions?|push|offers?|initiatives?|schemes?)$/;
/** Only in an article's first sentences may an anaphor point forward ("thanked Germany for the decision. … tanks …"). */
const LEAD_SENTENCES = 3;
const SHORT_REACH_HEADS = new Set(['decision', 'move', 'measure', 'measures', 'step']);
const COUNTER = /^(counter|retaliat)/;
const BAN_VERBS = new Set(['ban', 'block', 'stop', 'halt', 'cut', 'end', 'phase', 'embargo']);
const IMPORT_WORDS = new Set(['imports', 'import', 'crude', 'purchases']);

/** Groups candidates into proposals; `bodies` are the bodies the article names plainly (see articleBodies). */
export function groupCandidates(doc: Doc, words: Word[], ix: ActorIndex, cands: Candidate[], bodies: Set<string>): Cluster[] {
  const rolesCache = new Map<Candidate, PhraseRoles>();
  const phraseRolesOf = (_d: Doc, _w: Word[], _i: ActorIndex, c: Candidate, _b: Set<string>): PhraseRoles => {
    let r = rolesCache.get(c);
    if (!r) { r = phraseRoles(doc, words, ix, c, bodies); rolesCache.set(c, r); }
    return r;
  };
  const clusters: Cluster[] = [];
  const add = (cl: Cluster, c: Candidate) => {
    cl.mentions.push(c);
    const roles = phraseRolesOf(doc, words, ix, c, bodies);
    cl.proposer ??= roles.proposer;
    cl.body ??= roles.body;
  };
  const create = (kind: ProposalKind, theme: string, c: Candidate): Cluster => {
    const roles = phraseRolesOf(doc, words, ix, c, bodies);
    const cl: Cluster = { kind, theme, proposer: roles.proposer, body: roles.body, mentions: [c], lead: c };
    clusters.push(cl);
    return cl;
  };

  // Pass 1: strong triggers, in text order.
  for (const c of cands) {
    if (c.strength !== 'strong' || c.absorbed || !c.kind) continue;
    const roles = phraseRolesOf(doc, words, ix, c, bodies);
    let theme = c.theme;
    if (c.kind === 'accession') theme = [...new Set(roles.subjects.map((a) => representsKey(doc, a)))].sort().join('+');
    if (c.kind === 'weapons' && !theme) theme = weaponWhat(words, c);
    // A named plan ("an international tribunal", "the tribunal") is told apart by its head noun.
    if (c.kind === 'plan' && !theme) theme = slugify(words[c.np.head].norm.replace(/s$/, ''));
    // Counter-tariffs answer tariffs: two measures, never one.
    if (c.kind === 'tariffs') theme = COUNTER.test(words[c.headFirst].norm) || (c.headFirst > 0 && COUNTER.test(words[c.headFirst - 1].norm)) ? 'counter' : '';
    const same = clusters.filter((cl) => cl.kind === c.kind);
    let target: Cluster | undefined;
    if (!c.distinct) {
      if (c.kind === 'weapons') {
        const model = [...WEAPON_MODELS.values()].find((m) => m.model === theme);
        if (model) {
          target = same.find((cl) => cl.theme === theme) ?? same.find((cl) => cl.theme === model.what);
          if (target) target.theme = theme;
        } else if (theme === '') {
          target = latest(same); // "the arms sale", "the aid package": whatever weapons were named last
        } else {
          target = latest(same.filter((cl) => whatOf(cl.theme) === theme));
        }
      } else if (c.kind === 'accession') {
        target = theme ? same.find((cl) => cl.theme === theme) ?? same.find((cl) => cl.theme === '') : latest(same);
        if (target && !target.theme && theme) target.theme = theme;
      } else if (c.kind === 'resolution' || c.kind === 'amendment' || c.kind === 'tariffs') {
        const p = roles.proposer === null ? null : representsKey(doc, roles.proposer);
        target = latest(same.filter((cl) => (p === null || cl.proposer === null || representsKey(doc, cl.proposer) === p) && (c.kind !== 'tariffs' || cl.theme === theme)));
      } else if (c.kind === 'plan') {
        target = same.find((cl) => cl.theme === theme);
      } else {
        target = latest(same);
      }
    }
    if (target) add(target, c);
    else create(c.kind, theme, c);
  }
  // Pass 2: generic heads whose complement names a trigger join that trigger's proposal; others may start a plan.
  for (const c of cands) {
    if (c.strength !== 'generic') continue;
    if (c.link) {
      const cl = clusters.find((x) => x.mentions.includes(c.link!));
      if (cl) { add(cl, c); continue; }
    }
    if (LINK_ONLY.has(words[c.np.head].norm)) continue;
    const plan = planGist(words, c);
    if (plan) {
      const kind: ProposalKind = plan.embargo ? 'embargo' : 'plan';
      const cl = clusters.find((x) => x.kind === kind && (kind === 'embargo' || x.theme === plan.theme));
      if (cl) add(cl, c); else create(kind, plan.theme, c);
      continue;
    }
    // Otherwise it may only point back to a proposal: "the plan", "Poland's idea", not "a deal".
    const det = c.np.determiner;
    const named = words.slice(c.np.first, c.headFirst).some((w, j) => HINTS.has(w.norm) || (ix.at[c.np.first + j] && ix.at[c.np.first + j]!.via !== 'pronoun'));
    // "a scheme that Germany has championed": a relative clause makes even "a scheme" the one under discussion.
    const relative = /^(that|which)$/.test(words[c.np.head + 1]?.norm ?? '');
    if (c.np.possessive !== null || (det !== null && ['the', 'this', 'that', 'these', 'those', 'such', 'its', 'their', 'his', 'her', 'our'].includes(det)) || named || relative) c.strength = 'anaphor';
  }
  // Pass 3: weak triggers join a proposal of their kind; anaphors join what they refer back to.
  for (const c of cands) {
    if (c.absorbed) continue;
    if (c.strength === 'weak' && c.kind) {
      if (c.distinct) continue; // "an alternative draft" is not the draft already named
      const cl = nearestBefore(clusters.filter((x) => x.kind === c.kind), c, words, Infinity) ?? latest(clusters.filter((x) => x.kind === c.kind));
      if (cl) add(cl, c);
      continue;
    }
    if (c.strength !== 'anaphor' || c.distinct) continue; // "new demands" are not the earlier ones
    // "the code", "the brigade": the head noun of a proposal already named, however far back.
    const source = c.link ? clusters.find((x) => x.mentions.includes(c.link!)) : undefined;
    if (source) { add(source, c); continue; }
    const hint = anaphorHint(words, ix, c);
    if (hint === false) {
      // "the loss and damage fund" after "a fund to help …": the same head noun names the same thing.
      const head = words[c.np.head].norm;
      const same = clusters.filter((x) => words[x.lead.np.head].norm === head);
      const cl = nearestBefore(same, c, words, ANAPHOR_REACH);
      if (cl) add(cl, c);
      continue;
    }
    const possessors = phraseRoles(doc, words, ix, { ...c, kind: 'plan' }, bodies).proposer;
    const refers = hint ?? c.refers;
    let pool = clusters.filter((x) => refers === 'any' || x.kind === refers || (refers === 'resolution' && x.kind === 'amendment'));
    let ownedReach = false;
    if (possessors !== null) {
      const key = representsKey(doc, possessors);
      const owned = pool.filter((x) => x.proposer !== null && representsKey(doc, x.proposer) === key);
      if (owned.length) { pool = owned; ownedReach = true; } else if (refers === 'any') continue;
    }
    // "the Romanian proposal": a proposal put forward by the one named points back however far.
    const reach = ownedReach ? Infinity : SHORT_REACH_HEADS.has(words[c.np.head].norm) ? 2 : ANAPHOR_REACH;
    // In a lead paragraph the anaphor may come first ("thanked Germany for the decision. … tanks …").
    const lead = words[c.np.first].sentence < LEAD_SENTENCES && SHORT_REACH_HEADS.has(words[c.np.head].norm);
    const cl = nearestBefore(pool, c, words, reach) ?? (lead ? nearestAfter(pool, c, words, 2) : undefined);
    if (cl) add(cl, c);
  }
  for (const cl of clusters) cl.mentions.sort((a, b) => a.np.first - b.np.first);
  return clusters;
}

function latest(cls: Cluster[]): Cluster | undefined {
  let best: Cluster | undefined;
  let at = -1;
  for (const cl of cls) {
    const last = cl.mentions[cl.mentions.length - 1].np.first;
    if (last > at) { at = last; best = cl; }
  }
  return best;
}

/** The cluster with a mention closest before the candidate, within `reach` sentences. */
function nearestBefore(cls: Cluster[], c: Candidate, words: Word[], reach: number): Cluster | undefined {
  let best: Cluster | undefined;
  let at = -1;
  const sentence = words[c.np.first].sentence;
  for (const cl of cls) {
    for (const m of cl.mentions) {
      if (m.np.first >= c.np.first) continue;
      if (sentence - words[m.np.first].sentence > reach) continue;
      if (m.np.first > at) { at = m.np.first; best = cl; }
    }
  }
  return best;
}

function weaponWhat(words: Word[], c: Candidate): string {
  const head = words[c.np.head].norm;
  if (/^(sale|sales|package|packages|deal|deliveries|delivery)$/.test(head)) return '';
  if (head.startsWith('tank')) return 'tanks';
  if (head.includes('jet') || head.includes('fighter') || head.includes('warplane')) return 'jets';
  if (head.includes('missile')) return 'missiles';
  return head.replace(/s$/, '') + 's';
}

function whatOf(theme: string): string {
  for (const m of WEAPON_MODELS.values()) if (m.model === theme) return m.what;
  return theme;
}

/** The gist of "a plan to ban EU ships …" / "calls for British forces to join": a plan with its own content. */
function planGist(words: Word[], c: Candidate): { theme: string; embargo: boolean } | null {
  if (!c.np.complement) return null;
  let [s, e] = c.np.complement;
  // "a proposal by France to cap imports": past the proposer first.
  if ((words[s].norm === 'by' || words[s].norm === 'from') && s + 1 <= e) {
    let k = s + 1;
    while (k <= Math.min(e, s + 5) && words[k].norm !== 'to' && words[k].norm !== 'for') k++;
    if (k <= e && (words[k].norm === 'to' || words[k].norm === 'for')) s = k;
  }
  if (words[s].norm !== 'to' && words[s].norm !== 'for') return null;
  // "Brazil's proposal for a global tax on billionaires": what a speech-act head asks for is a plan.
  if (words[s].norm === 'for' && SPEECH_ACT.test(words[c.np.head].norm)) {
    const np = words.slice(s + 1, Math.min(e, s + 8) + 1);
    const headAt = np.findIndex((w, j) => w.pos === 'NOUN' && !(np[j + 1]?.pos === 'NOUN'));
    if (headAt >= 0 && !np.slice(0, headAt + 1).some((w) => w.norm === 'to')) {
      const content = np.slice(0, headAt + 1).filter((w) => w.pos === 'NOUN' || w.pos === 'ADJ' || w.pos === 'PROPN');
      if (content.length) return { theme: slugify(content.slice(-3).map((w) => w.text).join(' ')), embargo: false };
    }
  }
  let to = -1;
  for (let k = s; k <= Math.min(e, s + 4); k++) {
    if (words[k].norm === 'to' && k + 1 <= e && (words[k + 1].pos === 'VERB' || words[k + 1].pos === 'AUX' || words[k + 1].pos === 'ADV')) { to = k; break; }
  }
  if (to < 0) return null;
  // "calls for Western warplanes to intervene": what comes after "for" belongs to the content too.
  const content = words.slice(words[s].norm === 'for' ? s + 1 : to + 1, e + 1)
    .filter((w) => w.norm !== 'to' && (w.pos === 'VERB' || w.pos === 'NOUN' || w.pos === 'PROPN' || w.pos === 'ADJ'));
  if (content.length < 2) return null;
  const embargo = content.some((w) => BAN_VERBS.has(w.norm)) && content.some((w) => IMPORT_WORDS.has(w.norm)) && content.some((w) => COMMODITIES.has(w.norm));
  return { theme: slugify(content.slice(0, 4).map((w) => w.text).join(' ')), embargo };
}

/**
 * What an anaphor's modifiers say about the kind it refers to: a kind ("Poland's peacekeeping idea"), null (no
 * modifier, "the idea"), or false when a plain noun modifier makes it something else ("the hostage deal").
 */
function anaphorHint(words: Word[], ix: ActorIndex, c: Candidate): ProposalKind | null | false {
  let hint: ProposalKind | null = null;
  for (let k = c.np.first; k < c.headFirst; k++) {
    const w = words[k];
    const h = HINTS.get(w.norm);
    if (h) { hint = h; continue; }
    if (w.pos === 'NOUN' && !ix.at[k]) return false;
    // "the 2015 nuclear deal" is some other deal; "the latest proposal" is the one before.
    if ((w.pos === 'ADJ' || w.pos === 'NUM') && !ix.at[k] && !ANAPHORIC_ADJECTIVES.has(w.norm)) return false;
  }
  return hint;
}

/** The cluster with a mention closest after the candidate, within `reach` sentences. */
function nearestAfter(cls: Cluster[], c: Candidate, words: Word[], reach: number): Cluster | undefined {
  let best: Cluster | undefined;
  let at = Infinity;
  const sentence = words[c.np.first].sentence;
  for (const cl of cls) {
    for (const m of cl.mentions) {
      if (m.np.first <= c.np.first || words[m.np.first].sentence - sentence > reach) continue;
      if (m.np.first < at) { at = m.np.first; best = cl; }
    }
  }
  return best;
}
