// Stage: find what is put forward for agreement, its proposer, its deciding body and every mention of it.
import { objectList, type Doc, type Proposal } from '../doc.js';
import type { Span } from '../record.js';
import type { Stage } from '../stage.js';
import { slugify } from '../slug.js';
import { actorIndex } from './actor-index.js';
import { findCandidates, type Candidate } from './candidates.js';
import { groupCandidates, type Cluster } from './group.js';
import { articleBodies } from './proposer.js';
import type { ProposalKind } from './triggers.js';
import { wordsOf, type Word } from './words.js';

const KINDS = new WeakMap<Proposal, ProposalKind>();
/** The kind of a proposal this stage found (mission, embargo, accession, …). */
export const kindOf = (p: Proposal): ProposalKind | null => KINDS.get(p) ?? null;
/** Records the kind of a proposal found by a later stage ("demanded that …"). */
export const setKind = (p: Proposal, kind: ProposalKind): void => { KINDS.set(p, kind); };

export const proposals: Stage = {
  name: 'proposals',
  reads: ['tokens', 'sentences', 'actors', 'quotes'],
  adds: ['proposals'],
  run(doc: Doc) {
    const words = wordsOf(doc);
    const ix = actorIndex(doc, words);
    const bodies = articleBodies(words);
    const clusters = groupCandidates(doc, words, ix, findCandidates(doc, words, ix), bodies);
    const seen = new Set<string>();
    for (const cl of clusters) cl.body ??= defaultBody(cl.kind, bodies);
    // Filled by a loop, not map(): compiled map() returns a holey array, another kind for every reader of the layer.
    const proposals = objectList<Proposal>();
    for (const cl of clusters) proposals.push(toProposal(doc, words, cl, seen));
    doc.proposals = proposals;
  },
};

const MAX_SUMMARY_WORDS = 9;
/** Heads that only say something is asked for: the summary is what is asked ("calls for X to Y" → "X to Y"). */
const SPEECH_ACT_HEADS = /^(calls?|demands?|appeals?|requests?|pleas?|proposals?|plans?|ideas?|suggestions?|bids?|push|offers?|pledges?|promises?|desire|submission|initiatives?|schemes?)$/;

function toProposal(doc: Doc, words: Word[], cl: Cluster, seen: Set<string>): Proposal {
  const lead = cl.mentions.find((m) => m.strength === 'strong') ?? cl.lead;
  const summary = summaryOf(doc, words, lead, cl.kind);
  let key = slugify(`${cl.kind}${cl.theme ? ' ' + cl.theme : ''}`) || slugify(summary);
  for (let n = 2; seen.has(key); n++) key = `${key.replace(/-\d+$/, '')}-${n}`;
  seen.add(key);
  // A plan is named by its content ("calls for British forces to join"): its mentions cover the complement.
  const mentions: Span[] = [];
  for (const m of cl.mentions) {
    mentions.push({
      start: words[m.undo ?? m.np.first].start,
      end: words[cl.kind === 'plan' && m.np.complement && m.strength === 'generic' ? m.np.complement[1] : m.np.head].end,
    });
  }
  const p: Proposal = { summary, key, proposer: cl.proposer, body: cl.body, mentions: dedupe(mentions) };
  KINDS.set(p, cl.kind);
  return p;
}

/** The lead mention's words without determiner or possessor, plus a short complement; a plan's content alone. */
function summaryOf(doc: Doc, words: Word[], c: Candidate, kind: ProposalKind): string {
  if (kind === 'plan' && c.strength === 'generic' && c.np.complement && SPEECH_ACT_HEADS.test(words[c.np.head].norm)) {
    // "calls from Zelensky for Western warplanes to intervene" → "Western warplanes to intervene".
    const [s, e] = c.np.complement;
    let k = s;
    while (k <= e && words[k].norm !== 'for' && words[k].norm !== 'to') k++;
    if (k < e) {
      const from = k + 1;
      return trimWhen(doc.text.slice(words[from].start, words[e].end).replace(/\s+/g, ' ').replace(/[“”"]/g, '').replace(/^(a|an|the) /i, '').trim());
    }
  }
  let first = c.np.first;
  if (c.np.possessive !== null && c.np.possessive >= first && c.np.possessive < c.headFirst) first = c.np.possessive + 1;
  if (c.undo !== undefined) first = c.undo; // "freezing Georgia's EU candidate status": the undoing is what is proposed
  let last = c.np.head;
  if (c.np.complement) last = Math.min(c.np.complement[1], c.np.complement[0] + MAX_SUMMARY_WORDS - (last - first + 1));
  while (last > c.np.head && (words[last].pos === 'PUNCT' || words[last].pos === 'ADP' || words[last].pos === 'DET' || words[last].pos === 'CCONJ')) last--;
  return trimWhen(doc.text.slice(words[first].start, words[last].end).replace(/\s+/g, ' ').replace(/[“”"]/g, '').trim());
}

const WHEN_TAIL = /\s+(?:on|last|this|next|late on|early on)\s+(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|week|month|year|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\b.*$/i;
/** Drops a trailing time phrase from a summary ("drones to Taiwan on Tuesday" → "drones to Taiwan"). */
const trimWhen = (summary: string): string => summary.replace(WHEN_TAIL, '');

function dedupe(spans: { start: number; end: number }[]): { start: number; end: number }[] {
  const out = objectList<{ start: number; end: number }>();
  for (const s of spans.sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (out.some((o) => o.start === s.start && o.end === s.end)) continue;
    out.push(s);
  }
  return out;
}

/** The body a kind of proposal usually goes to, when the article names that body. */
const DEFAULT_BODIES: Partial<Record<ProposalKind, string[]>> = {
  resolution: ['org:UNSC', 'org:UNGA'], amendment: ['org:UNSC', 'org:UNGA'], embargo: ['org:EU'],
  accession: ['org:NATO', 'org:EU'], mission: ['org:NATO', 'org:UN'], 'no-fly-zone': ['org:NATO'],
};

function defaultBody(kind: ProposalKind, bodies: Set<string>): string | null {
  for (const b of DEFAULT_BODIES[kind] ?? []) if (bodies.has(b)) return b;
  return null;
}
