// API benchmark: median and p95 latency of the board's and a proposal page's API calls over a store of N articles (in-process).
import { createApp } from '../dist/server/app.js';
import { openStore } from '../dist/store/open.js';

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** Wall time (p50, p95) of a call, and this process's CPU time (p50): on a machine other work keeps busy, the wall time waits for a core. */
async function time(app, path, rounds) {
  const ms = [];
  const cpu = [];
  for (let i = 0; i < rounds + 3; i++) {
    const t = process.hrtime.bigint();
    const c = process.cpuUsage();
    const res = await app.request(path);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`bench: ${path} answered ${res.status}`);
    const d = process.cpuUsage(c);
    if (i >= 3) { ms.push(Number(process.hrtime.bigint() - t) / 1e6); cpu.push((d.user + d.system) / 1000); } // the first calls warm caches and statements
  }
  ms.sort((a, b) => a - b);
  cpu.sort((a, b) => a - b);
  return { median: percentile(ms, 50), p95: percentile(ms, 95), cpu: percentile(cpu, 50) };
}

/** Rows: the board's call, and a proposal page's call for the proposal with the most observations and for a typical one. */
export async function benchApi({ db, articles, rounds = 40, log = () => {} }) {
  const store = await openStore(db);
  try {
    const app = createApp({ store });
    const list = await store.proposals({ limit: 1000000 });
    // Observations per proposal from the kept positions (copies left out), not by reading them all.
    const counts = new Map();
    for (let i = 0; i < list.length; i += 500) {
      for (const r of await store.positions({ proposalIds: list.slice(i, i + 500).map((p) => p.id) })) counts.set(r.proposalId, (counts.get(r.proposalId) ?? 0) + (r.current?.observations ?? 0));
    }
    const byObservations = list.map((p) => ({ id: p.id, n: counts.get(p.id) ?? 0 }));
    byObservations.sort((a, b) => b.n - a.n);
    const busiest = byObservations[0];
    const typical = byObservations[Math.floor(byObservations.length / 2)];
    log(`api: ${articles} articles, ${list.length} proposals; busiest has ${busiest?.n ?? 0} observations`);
    const rows = [{ what: 'board: GET /api/proposals?extra=outlook&limit=100', target: 50, ...(await time(app, '/api/proposals?extra=outlook&limit=100&offset=0', rounds)) }];
    if (busiest) rows.push({ what: `proposal page, busiest (${busiest.n} obs.)`, target: 20, ...(await time(app, `/api/proposals/${busiest.id}`, rounds)) });
    if (typical) rows.push({ what: `proposal page, median (${typical.n} obs.)`, ...(await time(app, `/api/proposals/${typical.id}`, rounds)) });
    // Search: the busiest proposal's first two words (many hits of every kind), then narrowed by its proposer and a date.
    const words = (list.find((p) => p.id === busiest?.id)?.summary ?? 'mission').split(/\W+/).filter((w) => w.length > 3).slice(0, 2).join(' ') || 'mission';
    const q = encodeURIComponent(words);
    rows.push({ what: `search: GET /api/search?q=${words}`, ...(await time(app, `/api/search?q=${q}`, rounds)) });
    const proposer = list.find((p) => p.id === busiest?.id)?.proposer;
    if (proposer) rows.push({ what: 'search, with actor and since', ...(await time(app, `/api/search?q=${q}&actor=${encodeURIComponent(proposer)}&since=2000-01-01`, rounds)) });
    rows.push({ what: 'search, a word found nowhere', ...(await time(app, '/api/search?q=xylophonist', rounds)) });
    return rows.map((r) => ({ ...r, articles, proposals: list.length }));
  } finally {
    await store.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [db, n] = process.argv.slice(2);
  for (const r of await benchApi({ db, articles: Number(n ?? 0), log: console.error })) console.log(`${r.what.padEnd(56)} p50 ${r.median.toFixed(1)} ms  p95 ${r.p95.toFixed(1)} ms  CPU p50 ${r.cpu.toFixed(1)} ms`);
}
