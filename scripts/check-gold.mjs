#!/usr/bin/env node
// Checks the project's held-out gold set (test/gold by default): every NAME.txt has a
// NAME.gold.json that parses; anchors and quote texts are exact substrings of the body
// (the text after the ` date YYYY-MM-DD ` header); keys are country:ISO3, org:KEY or
// person:slug; stances point at annotated proposals. Prints totals; exits 1 on a problem.
//
//   node scripts/check-gold.mjs [DIR]
import fs from 'node:fs';
import path from 'node:path';

const dir = process.argv[2] ?? 'test/gold';
const HEADER = /^ ?date ([0-9]{4}-[0-9]{2}-[0-9]{2})(?: |\r?\n)/;
const KEY = /^(country:[A-Z]{3}|org:[A-Z][A-Z0-9]*|person:[a-z0-9]+(?:-[a-z0-9]+)*)$/;
const STANCES = new Set(['support', 'oppose', 'undecided']);
const KINDS = new Set(['direct', 'partial', 'indirect']);
const problems = [];
const total = { articles: 0, words: 0, proposals: 0, optionalProposals: 0, stances: 0, optionalStances: 0, quotes: 0, indirectQuotes: 0, people: 0 };
const byStance = { support: 0, oppose: 0, undecided: 0 };

const txts = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
for (const tf of txts) {
  const name = tf.replace(/\.txt$/, '');
  const bad = (msg) => problems.push(`${name}: ${msg}`);
  const raw = fs.readFileSync(path.join(dir, tf), 'utf8');
  const m = HEADER.exec(raw);
  if (!m) { bad('no " date YYYY-MM-DD " header'); continue; }
  const body = raw.slice(m[0].length);
  const words = body.split(/\s+/).filter(Boolean).length;
  if (words < 150 || words > 700) bad(`${words} words (want 150-700)`);
  const gf = path.join(dir, `${name}.gold.json`);
  if (!fs.existsSync(gf)) { bad('no gold file'); continue; }
  let gold;
  try { gold = JSON.parse(fs.readFileSync(gf, 'utf8')); } catch (e) { bad(`gold does not parse: ${e.message}`); continue; }
  total.articles++; total.words += words;
  if (gold.article !== tf) bad(`"article" is ${gold.article}, not ${tf}`);
  if (gold.date !== m[1]) bad(`"date" ${gold.date} differs from header ${m[1]}`);
  const keys = new Set();
  const optionalProps = new Set();
  for (const p of gold.proposals ?? []) {
    if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(p.key ?? '')) bad(`bad proposal key ${p.key}`);
    if (keys.has(p.key)) bad(`duplicate proposal ${p.key}`);
    keys.add(p.key);
    if (p.optional) { optionalProps.add(p.key); total.optionalProposals++; } else total.proposals++;
    if (p.proposer != null && !KEY.test(p.proposer)) bad(`bad proposer ${p.proposer}`);
    if (!Array.isArray(p.anchors) || !p.anchors.length) bad(`proposal ${p.key} has no anchors`);
    for (const a of p.anchors ?? []) if (!body.includes(a)) bad(`anchor not in text: "${a}"`);
  }
  const triples = new Set();
  for (const s of gold.stances ?? []) {
    if (!KEY.test(s.holder ?? '')) bad(`bad holder ${s.holder}`);
    if (!keys.has(s.proposal)) bad(`stance on unknown proposal ${s.proposal}`);
    if (!STANCES.has(s.stance)) bad(`bad stance ${s.stance}`);
    const t = `${s.holder}|${s.proposal}`;
    if (triples.has(t)) bad(`two stances for ${t}`);
    triples.add(t);
    if (s.optional || optionalProps.has(s.proposal)) total.optionalStances++; else { total.stances++; byStance[s.stance]++; }
  }
  for (const p of gold.proposals ?? []) {
    if (p.proposer && !p.optional && !(gold.stances ?? []).some((s) => s.holder === p.proposer && s.proposal === p.key)) bad(`proposer ${p.proposer} has no stance on ${p.key}`);
  }
  for (const q of gold.quotes ?? []) {
    if (!q.text || !body.includes(q.text)) bad(`quote not in text: "${(q.text ?? '').slice(0, 60)}"`);
    if (q.kind !== undefined && !KINDS.has(q.kind)) bad(`bad quote kind ${q.kind}`);
    if (q.kind === 'indirect') total.indirectQuotes++; else total.quotes++;
  }
  for (const p of gold.people ?? []) {
    if (!p.name) bad('person without name');
    if (p.represents !== null && !KEY.test(p.represents ?? '')) bad(`bad represents ${p.represents} for ${p.name}`);
    total.people++;
  }
}
for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.gold.json'))) {
  if (!fs.existsSync(path.join(dir, f.replace(/\.gold\.json$/, '.txt')))) problems.push(`${f}: no article beside it`);
}
for (const p of problems) console.log(p);
console.log(JSON.stringify({ ...total, nonOptionalStancesByLabel: byStance }));
process.exit(problems.length ? 1 : 0);
