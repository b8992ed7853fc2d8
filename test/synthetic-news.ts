// Writes invented news articles for tests and benchmarks: varied enough that no two are near-duplicates.

const COUNTRIES = ['Norway', 'Portugal', 'Chile', 'Kenya', 'Japan', 'Canada', 'Austria', 'Ghana', 'Peru', 'Finland', 'Greece', 'Mexico'];
const ADJ = ['Norwegian', 'Portuguese', 'Chilean', 'Kenyan', 'Japanese', 'Canadian', 'Austrian', 'Ghanaian', 'Peruvian', 'Finnish', 'Greek', 'Mexican'];
const FIRST = ['Anna', 'Marek', 'Ines', 'Tomas', 'Lena', 'Oskar', 'Maria', 'Pavel', 'Sofia', 'Jonas', 'Elena', 'Rui'];
const LAST = ['Lindqvist', 'Carvalho', 'Moreau', 'Okafor', 'Tanaka', 'Brennan', 'Huber', 'Mensah', 'Quispe', 'Virtanen', 'Papadakis', 'Ortega'];
const THINGS = ['a joint naval patrol', 'a fisheries treaty', 'a ban on cluster munitions', 'a regional climate fund', 'a ceasefire monitoring mission', 'a shared border database'];
const WORDS = ('harbour grain river valley council budget weather railway school harvest bridge tunnel market festival copper cable '
  + 'satellite orchard museum lighthouse vineyard glacier factory airport ferry canal reservoir archive pipeline clinic stadium').split(' ');

/** A deterministic pseudo-random generator, so a test sees the same articles every run. */
export function rng(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; return (s >>> 0) / 4294967296; };
}

export interface SyntheticArticle { id: string; date: string; title: string; text: string }

export function syntheticArticle(i: number): SyntheticArticle {
  const r = rng(i * 7919 + 17);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const a = Math.floor(r() * COUNTRIES.length);
  const b = (a + 1 + Math.floor(r() * (COUNTRIES.length - 1))) % COUNTRIES.length;
  const thing = pick(THINGS);
  const person = `${pick(FIRST)} ${pick(LAST)}`;
  const day = String(1 + (i % 28)).padStart(2, '0');
  const filler = Array.from({ length: 60 }, () => pick(WORDS)).join(' ');
  const text = `${COUNTRIES[a]} proposed ${thing} on Tuesday, and ${ADJ[b]} foreign minister ${person} said the proposal was premature.\n\n`
    + `“We are not ready to support this,” ${person} told reporters. Officials said talks would continue.\n\n`
    + `Local reports mentioned ${filler}.`;
  return { id: `synthetic-${i}`, date: `2025-03-${day}`, title: `${COUNTRIES[a]} proposes ${thing}`, text };
}

/** `n` articles as JSON Lines. */
export function syntheticJsonl(n: number, from = 0): string {
  return Array.from({ length: n }, (_, k) => JSON.stringify(syntheticArticle(from + k))).join('\n') + '\n';
}
