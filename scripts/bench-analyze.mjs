// Analyser benchmark: the whole analyser beside a bare wink-nlp pass and a compromise pass, on the same articles in the same run.
import nlpCompromise from 'compromise';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { analyze } from '../dist/analyze/index.js';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { evalArticles } from './bench-corpus.mjs';

/** What a bare wink-nlp pass does: read the document, then tokens, sentences, part-of-speech and entities out. */
function winkPass() {
  const nlp = winkNLP(model, ['sbd', 'pos', 'ner']);
  const its = nlp.its;
  return (text) => {
    const doc = nlp.readDoc(text);
    doc.tokens().out();
    doc.tokens().out(its.pos);
    doc.sentences().out(its.span);
    doc.entities().out(its.detail);
  };
}

/** What compromise does for people, places and organisations. */
const compromisePass = (text) => {
  const doc = nlpCompromise(text);
  doc.people().out('array');
  doc.places().out('array');
  doc.organizations().out('array');
};

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/**
 * Rows for the analyser, wink and compromise over `n` articles (eight paragraphs each), after `warmup` articles each,
 * interleaved in chunks so that a machine busy with other work slows all three alike; ratios are of CPU time.
 */
export function benchAnalyze({ n = 3000, warmup = 1000, log = () => {} } = {}) {
  const articles = evalArticles(n);
  const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
  const passes = [
    { what: 'standpoint analyser', run: (a) => analyze(a) },
    { what: 'bare wink-nlp', run: ((w) => (a) => w(a.text))(winkPass()) },
    { what: 'compromise', run: (a) => compromisePass(a.text) },
  ];
  // Warm-up, as benchmarks do: V8 compiles each library's hot code during its first few hundred articles (for the
  // analyser several CPU seconds over the first thousand), which a long batch pays once; the first-thousand cost of a
  // cold process is reported separately (benchWarmup).
  const warm = evalArticles(warmup, { seed: 71 });
  for (const p of passes) for (const a of warm) p.run(a);
  const totals = passes.map(() => ({ wall: 0, cpu: 0 }));
  const CHUNK = 100;
  for (let i = 0; i < articles.length; i += CHUNK) {
    const chunk = articles.slice(i, i + CHUNK);
    passes.forEach((p, k) => {
      const w0 = performance.now();
      const c0 = cpuMs();
      for (const a of chunk) p.run(a);
      totals[k].wall += performance.now() - w0;
      totals[k].cpu += cpuMs() - c0;
    });
    log(`analyser: ${Math.min(i + CHUNK, articles.length)} of ${articles.length} articles`);
  }
  const rows = passes.map((p, k) => ({
    what: p.what, articles: articles.length, mb: bytes / 1e6, seconds: totals[k].wall / 1000, cpuSeconds: totals[k].cpu / 1000,
    perSecond: articles.length / (totals[k].cpu / 1000), mbPerSecond: bytes / 1e6 / (totals[k].cpu / 1000),
  }));
  const [mine, wink, comp] = rows;
  return {
    rows,
    ratios: {
      analyserOverWink: mine.cpuSeconds / wink.cpuSeconds, // target ≤ 4
      compromiseOverAnalyser: comp.cpuSeconds / mine.cpuSeconds, // target ≥ 5
    },
  };
}

/** Analyser time against article length, 1 KB to 1 MB: seconds per MB should stay flat (nothing quadratic). */
export function benchLength({ sizes = [1e3, 1e4, 1e5, 1e6], log = () => {} } = {}) {
  const pool = evalArticles(600).map((a) => a.text);
  for (const a of evalArticles(1000, { seed: 71 })) analyze(a); // warmed up, as in benchAnalyze
  const rows = [];
  for (const size of sizes) {
    let text = '';
    for (let i = 0; text.length < size; i++) text += `${pool[i % pool.length]}\n\n`;
    text = text.slice(0, size);
    text = text.slice(0, Math.max(text.lastIndexOf('\n\n'), text.lastIndexOf('. ') + 1, 1));
    const article = { id: `len-${size}`, date: '2024-01-01', title: null, url: null, source: null, file: null, language: 'en', text };
    const reps = Math.max(1, Math.round(2e5 / size));
    analyze(article);
    const c0 = cpuMs();
    for (let r = 0; r < reps; r++) analyze(article);
    const seconds = (cpuMs() - c0) / 1000 / reps;
    rows.push({ chars: text.length, seconds, secondsPerMb: seconds / (text.length / 1e6) });
    log(`length: ${text.length} characters in ${(seconds * 1000).toFixed(0)} ms`);
  }
  return rows;
}

/** Where the analyser's time goes: CPU seconds per stage (and building the record) over the same articles. */
export async function benchStages({ n = 500 } = {}) {
  const { STAGES } = await import('../dist/analyze/pipeline.js');
  const { newDoc } = await import('../dist/analyze/doc.js');
  const { toRecord } = await import('../dist/analyze/to-record.js');
  const { EMPTY_KNOWLEDGE } = await import('../dist/analyze/knowledge.js');
  const articles = evalArticles(n, { seed: 11 });
  const names = [...STAGES.map((s) => s.name), 'record'];
  const ms = new Map(names.map((s) => [s, 0]));
  for (const a of articles) {
    const doc = newDoc(a, a.text, EMPTY_KNOWLEDGE);
    for (const stage of STAGES) {
      const t = performance.now();
      try { stage.run(doc); } catch { /* counted as a warning by analyze() */ }
      ms.set(stage.name, ms.get(stage.name) + performance.now() - t);
    }
    const t = performance.now();
    toRecord(doc);
    ms.set('record', ms.get('record') + performance.now() - t);
  }
  const total = [...ms.values()].reduce((x, y) => x + y, 0);
  return names.map((stage) => ({ stage, seconds: ms.get(stage) / 1000, share: ms.get(stage) / total }));
}

/**
 * The same comparison with each pass alone in a fresh process (warmed up on the same 1,000 articles, then timed on
 * the same `n`), CPU of all the process's threads: nothing of one library's garbage or compiling is charged to another,
 * which the interleaved run cannot promise (compromise's large heap is collected by background threads while the
 * others run). The analyser and wink-nlp passes alternate `reps` times (this machine's speed drifts by 10% and more
 * from minute to minute; rows give medians, the ratio is the median of the runs' ratios, with its range); compromise
 * runs once. `flags` are Node flags for every pass (the same for all three). Rows as benchAnalyze's.
 */
export function benchAnalyzeIsolated({ n = 3000, warmup = 1000, reps = 3, flags = [], compromise = true, log = () => {} } = {}) {
  const here = (f) => JSON.stringify(new URL(f, import.meta.url).href);
  const what = ['standpoint analyser', 'bare wink-nlp', 'compromise'];
  const runPass = (k) => {
    const code = `
      const m = await import(${here('./bench-analyze.mjs')});
      const { evalArticles } = await import(${here('./bench-corpus.mjs')});
      const run = await m.passes[${k}]();
      for (const a of evalArticles(${warmup}, { seed: 71 })) run(a);
      const articles = evalArticles(${n});
      const c0 = process.cpuUsage(), w0 = performance.now();
      for (const a of articles) run(a);
      const c = process.cpuUsage(c0);
      const bytes = articles.reduce((s, a) => s + Buffer.byteLength(a.text), 0);
      console.log(JSON.stringify({ seconds: (performance.now() - w0) / 1000, cpuSeconds: (c.user + c.system) / 1e6, mb: bytes / 1e6 }));`;
    log(`analyser (isolated${flags.length ? `, ${flags.join(' ')}` : ''}): ${what[k]}`);
    const r = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', code], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`analyser benchmark (${what[k]}) failed: ${r.stderr}`);
    return JSON.parse(r.stdout.trim().split('\n').pop());
  };
  const runs = [[], [], []];
  for (let i = 0; i < reps; i++) for (const k of [0, 1]) runs[k].push(runPass(k));
  if (compromise) runs[2].push(runPass(2));
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
  const rows = runs.filter((list) => list.length).map((list, k) => {
    const cpuSeconds = median(list.map((t) => t.cpuSeconds));
    return { what: what[k], articles: n, runs: list.length, mb: list[0].mb, seconds: median(list.map((t) => t.seconds)), cpuSeconds, perSecond: n / cpuSeconds, mbPerSecond: list[0].mb / cpuSeconds };
  });
  const perRun = runs[0].map((t, i) => t.cpuSeconds / runs[1][i].cpuSeconds);
  const [mine, , comp] = rows;
  return {
    flags,
    rows,
    ratios: { analyserOverWink: median(perRun), analyserOverWinkRange: [Math.min(...perRun), Math.max(...perRun)], compromiseOverAnalyser: comp ? comp.cpuSeconds / mine.cpuSeconds : null },
  };
}

/** The three passes, each a factory of `(article) => void` (the isolated run imports them by index). */
export const passes = [
  async () => (a) => analyze(a),
  async () => ((w) => (a) => w(a.text))(winkPass()),
  async () => (a) => compromisePass(a.text),
];

/**
 * A cold process's warm-up: CPU seconds of the analysing thread and of V8's background threads (mostly the optimising
 * compiler) per block of articles, from the first article on, in a fresh process.
 */
export function benchWarmup({ blocks = 4, block = 1000, flags = [] } = {}) {
  const code = `
    import fs from 'node:fs';
    const { analyze } = await import(${JSON.stringify(new URL('../dist/analyze/index.js', import.meta.url).href)});
    const { evalArticles } = await import(${JSON.stringify(new URL('./bench-corpus.mjs', import.meta.url).href)});
    const cpu = () => { let main = 0, bg = 0; for (const t of fs.readdirSync('/proc/self/task')) { const s = fs.readFileSync('/proc/self/task/' + t + '/stat', 'utf8'); const f = s.slice(s.lastIndexOf(')') + 2).split(' '); const c = (+f[11] + +f[12]) / 100; if (+t === process.pid) main += c; else bg += c; } return { main, bg }; };
    const arts = evalArticles(${blocks * block}, { seed: 9 });
    const rows = []; let prev = cpu(), t = performance.now();
    for (let i = 0; i < arts.length; i++) {
      analyze(arts[i]);
      if ((i + 1) % ${block} === 0) { const now = cpu(); rows.push({ articles: i + 1, seconds: (performance.now() - t) / 1000, main: now.main - prev.main, background: now.bg - prev.bg }); prev = now; t = performance.now(); }
    }
    console.log(JSON.stringify(rows));`;
  if (!fs.existsSync('/proc/self/task')) return [];
  const r = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', code], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`warm-up benchmark failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop());
}
