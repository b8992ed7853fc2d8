// English verb forms for lexicon entries: "reject" → rejects, rejected, rejecting; "rule out" → "ruled out", …

const IRREGULAR: Record<string, string[]> = {
  put: ['puts', 'putting'], give: ['gives', 'gave', 'given', 'giving'], stand: ['stands', 'stood', 'standing'],
  hold: ['holds', 'held', 'holding'], sink: ['sinks', 'sank', 'sunk', 'sinking'], throw: ['throws', 'threw', 'thrown', 'throwing'],
  speak: ['speaks', 'spoke', 'spoken', 'speaking'], come: ['comes', 'came', 'coming'], take: ['takes', 'took', 'taken', 'taking'],
  say: ['says', 'said', 'saying'], send: ['sends', 'sent', 'sending'], lend: ['lends', 'lent', 'lending'],
  seek: ['seeks', 'sought', 'seeking'], draw: ['draws', 'drew', 'drawn', 'drawing'], shoot: ['shoots', 'shot', 'shooting'],
  veto: ['vetoes', 'vetoed', 'vetoing', 'vetos'], get: ['gets', 'got', 'gotten', 'getting'], set: ['sets', 'setting'],
  run: ['runs', 'ran', 'running'], have: ['has', 'had', 'having'], be: ['is', 'are', 'was', 'were', 'been', 'being'],
  drop: ['drops', 'dropped', 'dropping'], stop: ['stops', 'stopped', 'stopping'], ban: ['bans', 'banned', 'banning'],
  bar: ['bars', 'barred', 'barring'], submit: ['submits', 'submitted', 'submitting'], commit: ['commits', 'committed', 'committing'],
  greenlight: ['greenlights', 'greenlighted', 'greenlit', 'greenlighting'], spell: ['spells', 'spelled', 'spelt', 'spelling'],
  hail: ['hails', 'hailed', 'hailing'], refer: ['refers', 'referred', 'referring'], prefer: ['prefers', 'preferred', 'preferring'],
  rebuff: ['rebuffs', 'rebuffed', 'rebuffing'], shelve: ['shelves', 'shelved', 'shelving'],
};

/** All forms of a verb, the base included. */
export function verbForms(base: string): string[] {
  const irr = IRREGULAR[base];
  if (irr) return [base, ...irr];
  const forms = new Set([base]);
  if (/[^aeiou]y$/.test(base)) {
    const stem = base.slice(0, -1);
    forms.add(stem + 'ies'); forms.add(stem + 'ied'); forms.add(base + 'ing');
  } else if (/e$/.test(base)) {
    forms.add(base + 's'); forms.add(base + 'd'); forms.add(base.slice(0, -1) + 'ing');
  } else {
    forms.add(/(s|sh|ch|x|z|o)$/.test(base) ? base + 'es' : base + 's');
    forms.add(base + 'ed'); forms.add(base + 'ing');
  }
  return [...forms];
}

/** The phrase with its first word in every verb form ("rule out" → ["rule out", "rules out", "ruled out", …]). */
export function phraseForms(phrase: string): string[] {
  const [first, ...rest] = phrase.split(' ');
  return verbForms(first).map((f) => [f, ...rest].join(' '));
}
