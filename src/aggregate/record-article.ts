// Turns one analysis record into what it adds to the store (canonical proposals, observations, people) and writes it.
import { createHash } from 'node:crypto';
import type { AnalysisRecord, RecordActor } from '../analyze/record.js';
import { decisionRows } from '../store/decision-rows.js';
import type { ActorRow, ArticleWrite, ObservationRow, ProposalRow, PutStatus, Store } from '../store/store.js';
import { bands, fingerprint, NEAR_DUPLICATE_THRESHOLD, parseSignature, signatureHex, similarity, type Fingerprint } from './near-duplicates.js';
import { bestMatch, MAX_GAP_DAYS, proposalTerms } from './proposal-match.js';
import { nameScore, proposalName, withoutProposer } from './proposal-name.js';

const shortHash = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 10);

/** The key a stance counts for: whom the actor represents, else the actor itself. */
export const holderKey = (a: RecordActor): string => a.represents ?? a.key;

function actorRow(a: RecordActor): ActorRow {
  const aliases = new Set<string>([a.name]);
  if (a.kind === 'person') {
    const words = a.name.split(/\s+/);
    if (words.length > 1) aliases.add(words[words.length - 1]);
  }
  return { key: a.key, kind: a.kind, name: a.name, role: a.role, country: a.country, organization: a.organization, represents: a.represents, aliases: [...aliases] };
}

/**
 * Works out what the record adds, reading the store for known copies and proposals; null if the content is stored.
 * The text's fingerprint may come ready-made (worker threads compute it beside the analysis).
 */
export async function planArticle(store: Store, record: AnalysisRecord, print?: Fingerprint): Promise<ArticleWrite | null> {
  const { article } = record;
  const { contentHash: hash, signature: sig } = print ?? fingerprint(article.text);
  if (await store.findArticle(article.id) || await store.findArticle(hash)) return null;

  const myBands = bands(sig);
  let copyOf: string | null = null;
  let bestSim = NEAR_DUPLICATE_THRESHOLD;
  for (const other of await store.articlesWithBands(myBands)) {
    const sim = similarity(sig, parseSignature(other.signature));
    if (sim >= bestSim) { bestSim = sim; copyOf = other.copyOf ?? other.id; }
  }

  const actors = new Map(record.actors.map((a) => [a.id, a]));
  const keyOf = (id: string | null) => (id ? actors.get(id) : undefined);

  // Proposals: each local proposal joins the best-matching canonical one (stored, or new in this article).
  const canonical = new Map<string, ProposalRow>(); // canonical id → row (with this article's dates)
  const localToCanonical = new Map<string, string>();
  for (const p of record.proposals) {
    const terms = proposalTerms(p.key ?? '', p.summary);
    const proposerActor = keyOf(p.proposer);
    const proposer = proposerActor ? holderKey(proposerActor) : null;
    const candidate = { terms, proposer, body: p.body, date: article.date };
    // The name on the board: the analyser's summary cleaned (or a better mention), with the proposer's name.
    const proposerName = proposer ? record.actors.find((a) => a.key === proposer)?.name ?? proposerActor?.name ?? null : null;
    const name = proposalName(p.summary, p.mentions.map((m) => article.text.slice(m.start, m.end)), proposerName) ?? p.summary;
    const known = [...canonical.values(), ...(await store.proposalsWithTerms(terms, windowStart(article.date))).filter((k) => !canonical.has(k.id))];
    const match = bestMatch(candidate, known);
    const row: ProposalRow = match
      ? { ...match, summary: betterSummary(match.summary, name), proposer: match.proposer ?? proposer, body: match.body ?? p.body, terms: [...new Set([...match.terms, ...terms])],
          firstSeen: minDate(match.firstSeen, article.date), lastSeen: maxDate(match.lastSeen, article.date) }
      : { id: `P${shortHash(`${article.id}/${p.id}`)}`, key: p.key ?? terms.join('-'), summary: name, proposer, body: p.body,
          firstSeen: article.date, lastSeen: article.date, terms };
    canonical.set(row.id, row);
    localToCanonical.set(p.id, row.id);
  }

  const text = article.text;
  const observations: ObservationRow[] = [];
  for (const s of record.stances) {
    const holder = keyOf(s.holder);
    const proposalId = localToCanonical.get(s.proposal);
    if (!holder || !proposalId) continue;
    const quote = s.quote ? record.quotes.find((q) => q.id === s.quote)?.text ?? null : null;
    observations.push({
      proposalId, holder: holderKey(holder), actor: holder.key, stance: s.stance, condition: s.condition, confidence: s.confidence,
      date: s.date ?? article.date, articleId: article.id, evidence: text.slice(s.evidence.start, s.evidence.end),
      evidenceStart: s.evidence.start, evidenceEnd: s.evidence.end, quote,
    });
  }

  return {
    record, contentHash: hash, signature: signatureHex(sig), bands: myBands, copyOf,
    proposals: [...canonical.values()],
    mentions: record.proposals.flatMap((p) => p.mentions.map((m, i) => ({
      proposalId: localToCanonical.get(p.id)!, articleId: article.id, localId: `${p.id}.${i}`, summary: p.summary,
      text: text.slice(m.start, m.end), start: m.start, end: m.end,
    }))),
    observations,
    actors: record.actors.filter((a) => a.kind !== 'group').map(actorRow),
    quotes: record.quotes.map((q) => ({
      articleId: article.id, localId: q.id, kind: q.kind, text: q.text, speaker: keyOf(q.speaker)?.key ?? null, start: q.start, end: q.end,
    })),
    // A decision belongs to the stored proposal its proposal's mentions name (one with none is not found through them).
    decisions: decisionRows(record, (local) => (record.proposals.find((p) => p.id === local)?.mentions.length ? localToCanonical.get(local) : undefined)),
  };
}

/** The better of two names of one proposal (nameScore, the proposer in brackets left out); the known one on a tie. */
export function betterSummary(known: string, next: string): string {
  return nameScore(withoutProposer(next)) > nameScore(withoutProposer(known)) ? next : known;
}

/** The earliest last-seen date a proposal may have to match one reported on `date`. */
const windowStart = (date: string | null) => (date ? new Date(Date.parse(date) - MAX_GAP_DAYS * 86_400_000).toISOString().slice(0, 10) : null);

const minDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a < b ? a : b);
const maxDate = (a: string | null, b: string | null) => (!a ? b : !b ? a : a > b ? a : b);

/** Plans and writes one record: "new", "copy" (a near-duplicate, kept but not counted) or "known". */
export async function recordArticle(store: Store, record: AnalysisRecord, print?: Fingerprint): Promise<PutStatus> {
  const write = await planArticle(store, record, print);
  if (!write) return 'known';
  return store.writeArticle(write);
}
