// The proposal-likeness step of `npm run train:vectors`: data, leave-one-story-out scores, the shipped weights.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { loadVectors } from '../../analyze/vectors/vectors.js';
import { readGold } from './examples.js';
import { buildData, fitOn, leaveOneStoryOut, score, thresholdFromOtherStories } from './likeness.js';
import { atThreshold, auc, bestF1 } from './scores.js';

/** The L2 strengths tried; the one with the best leave-one-story-out AUC is shipped (0.1 scored as 1 did). */
export const LAMBDAS = [1, 10, 100];
/** With the classes weighted equally, 0.5 is where a word is as likely a proposal's head as not. */
export const EVEN = 0.5;
const SETS = ['train', 'eval/dev', 'eval/news-2'];

/** The heads the closed trigger list (src/analyze/proposals/triggers.json) knows: the last word of each trigger. */
function triggerHeads(analyzeDir: string): Set<string> {
  const t = JSON.parse(fs.readFileSync(path.join(analyzeDir, 'proposals/triggers.json'), 'utf8')) as {
    strong: { phrase: string }[]; weak: { phrase: string }[]; generic: string[]; anaphors: Record<string, string>;
  };
  const phrases = [...t.strong.map((s) => s.phrase), ...t.weak.map((s) => s.phrase), ...t.generic, ...Object.keys(t.anaphors).filter((k) => k !== '$comment')];
  return new Set(phrases.map((p) => p.toLowerCase().split(/\s+/).at(-1)!));
}

const round = (n: number, digits = 4) => Number(n.toFixed(digits));
/** The object with its numbers rounded to four decimals (counts are whole already). */
const rounded = <T extends object>(r: T): T => JSON.parse(JSON.stringify(r, (_, v) => (typeof v === 'number' ? round(v) : v)));

export async function trainLikeness({ shared, out, log }: { shared: string; out: string; log: (s: string) => void }) {
  const started = performance.now();
  const bytes = fs.readFileSync(path.join(out, 'vectors.bin'));
  const vectors = loadVectors(bytes);
  const dirs = SETS.map((s) => path.join(shared, s));
  const missing = dirs.filter((d) => !fs.existsSync(d));
  if (missing.length) throw new Error(`proposal-likeness: ${missing.join(', ')} not found (pass --shared DIR, the folder that holds train/ and eval/)`);
  const articles = readGold(dirs);
  if (articles.length === 0) throw new Error(`proposal-likeness: no gold articles under ${dirs.join(', ')}`);
  log(`proposal-likeness: ${articles.length} articles…`);
  const data = buildData(articles, vectors, log);
  const stories = new Set(articles.map((a) => a.story)).size;
  const positives = data.y.reduce((s, v) => s + v, 0);
  log(`${data.examples.length} examples (${positives} heads of proposal anchors) from ${stories} stories`);

  const everything = data.examples.map((_, i) => i);
  const folds = LAMBDAS.map((lambda) => {
    const model = fitOn(data, everything, lambda);
    const scores = leaveOneStoryOut(data, lambda, model, log);
    return { lambda, model, scores, auc: auc(scores, data.y) };
  });
  const chosen = folds.reduce((a, b) => (b.auc > a.auc ? b : a));
  const heads = triggerHeads(path.resolve(out, '..'));
  const listed = Float64Array.from(data.examples, (e) => (heads.has(e.word) || heads.has(e.word.replace(/s$/, '')) ? 1 : 0));
  const { model } = chosen;
  const byWord = new Map<string, { word: string; p: number; heads: number; articles: number }>();
  data.examples.forEach((e, i) => {
    const w = byWord.get(e.word) ?? { word: e.word, p: score(model, data, i), heads: 0, articles: 0 };
    w.heads += e.label;
    w.articles++;
    byWord.set(e.word, w);
  });
  const ranked = [...byWord.values()].sort((a, b) => b.p - a.p || (a.word < b.word ? -1 : 1));
  const best = bestF1(chosen.scores, data.y);
  const threshold = round(best.threshold, 2);

  const weights = {
    about: 'Proposal-likeness of a head noun (proposal-likeness.ts): σ(weights · unit word vector + bias), a logistic regression over vectors.bin. Made by the command below from the gold articles named here (the texts are not shipped); do not edit by hand.',
    command: 'npm run train:vectors -- --only likeness',
    data: {
      sets: SETS.map((s) => `../shared/${s}/*.gold.json`),
      articles: articles.length,
      stories,
      examples: data.examples.length,
      positives,
      negatives: data.examples.length - positives,
      positive: 'the head (last noun before the first preposition, wink-nlp part of speech) of every anchor of a non-optional proposal, one per word and article',
      negative: 'every other noun of the article that lies in no anchor, one per word and article',
    },
    vectors: { file: 'vectors.bin', sha256: crypto.createHash('sha256').update(bytes).digest('hex') },
    model: { kind: 'logistic regression, classes weighted equally, L2 on the weights', lambda: chosen.lambda, lambdasTried: LAMBDAS },
    leaveOneStoryOut: {
      auc: Object.fromEntries(folds.map((f) => [`lambda ${f.lambda}`, round(f.auc)])),
      atEven: rounded(atThreshold(chosen.scores, data.y, EVEN)),
      atThreshold: { ...rounded(atThreshold(chosen.scores, data.y, threshold)), note: 'the threshold shipped: the best F1 on these scores, rounded (chosen on them, so a little optimistic)' },
      thresholdFromOtherStories: { ...rounded(thresholdFromOtherStories(data, chosen.scores)), note: 'each story cut at the best-F1 threshold of the other stories\' scores: the threshold chosen without the story too' },
      triggerList: { ...rounded(atThreshold(listed, data.y, 1)), note: 'the head is the last word of a trigger of triggers.json (or its plural): the closed list, for comparison' },
    },
    threshold,
    bias: round(model.bias, 6),
    weights: Array.from(model.weights, (w) => round(w, 6)),
  };
  fs.writeFileSync(path.join(out, 'proposal-likeness.json'), `${JSON.stringify(weights, null, 2).replace(/\[\n\s+([-\d.,\s]+?)\n\s+\]/g, (_, xs: string) => `[${xs.split(/,\s*/).join(', ')}]`)}\n`);
  const l = weights.leaveOneStoryOut;
  log(`proposal-likeness, leave-one-story-out: AUC ${l.auc[`lambda ${chosen.lambda}`]} (λ=${chosen.lambda}); at ${EVEN}: P ${l.atEven.precision} R ${l.atEven.recall} F1 ${l.atEven.f1}; at ${threshold}: P ${l.atThreshold.precision} R ${l.atThreshold.recall} F1 ${l.atThreshold.f1}; threshold from the other stories: P ${l.thresholdFromOtherStories.precision} R ${l.thresholdFromOtherStories.recall} F1 ${l.thresholdFromOtherStories.f1}; trigger list: P ${l.triggerList.precision} R ${l.triggerList.recall} F1 ${l.triggerList.f1}`);
  log(`most proposal-like words in the data: ${ranked.slice(0, 25).map((e) => e.word).join(', ')}`);
  log(`wrote ${path.join(path.basename(out), 'proposal-likeness.json')} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { ...weights.data, model: weights.model, leaveOneStoryOut: weights.leaveOneStoryOut, top: ranked.slice(0, 40).map((e) => ({ ...e, p: round(e.p) })) };
}
