// The country a passage is about, for offices the text leaves without one ("the foreign ministry", "Defence Minister X").
import citiesData from './data/cities.json' with { type: 'json' };
import { claimedAt, type ActorsContext } from './context.js';
import { fold } from './phrase-index.js';

/** The country a sentence is about: the first one it names before the word; else the subject of the sentence
 * before, when that is a country ("Slovakia refused …"). */
export function contextCountry(ctx: ActorsContext, k: number): string | null {
  const { words, doc } = ctx;
  const sentence = words[k].sentence;
  let first: string | null = null;
  let j = k - 1;
  for (; j >= 0 && words[j].sentence === sentence; j--) {
    const a = claimedAt(ctx, words[j].start);
    if (a >= 0 && doc.actors[a].kind === 'country') first = doc.actors[a].country;
  }
  if (first) return first;
  // The sentences before: the subject of the nearest one that has a verb, a country named before that verb
  // ("14:52 — Romania's push … dominated"); sentences without a verb (a time stamp, a heading) are passed over.
  for (let back = 0; back < 3 && j >= 0; back++) {
    let open = j;
    while (open > 0 && words[open - 1].sentence === words[j].sentence) open--;
    let verb = false;
    for (let h = open; h <= j; h++) {
      if (words[h].pos === 'VERB' || words[h].pos === 'AUX') { verb = true; break; }
      const a = claimedAt(ctx, words[h].start);
      if (a >= 0 && doc.actors[a].kind === 'country') return doc.actors[a].country;
    }
    if (verb) return null;
    j = open - 1;
  }
  return null;
}

/** The country the article is about: named at least three times and half as often again as any other. */
export function dominantCountry(doc: ActorsContext['doc']): string | null {
  let best: string | null = null;
  let bestN = 0;
  let second = 0;
  for (const a of doc.actors) {
    if (a.kind !== 'country') continue;
    const n = a.mentions.length;
    if (n > bestN) { second = bestN; bestN = n; best = a.country; } else if (n > second) second = n;
  }
  return bestN >= 3 && bestN >= 1.5 * second ? best : null;
}

const CITIES: ReadonlyMap<string, string> = new Map(Object.entries((citiesData as { cities: Record<string, string> }).cities)
  .map(([city, iso3]) => [fold(city), iso3]));

/** The country of a dateline opening the article ("WARSAW (Reuters) -", "ISTANBUL, May 3 —"), or null. */
export function datelineCountry(ctx: ActorsContext): string | null {
  const { words, doc } = ctx;
  if (!words.length || words[0].start > 200) return null;
  let city = '';
  for (let k = 0; k < Math.min(words.length - 1, 4); k++) {
    const next = words[k + 1];
    const a = claimedAt(ctx, words[k].start);
    if (a >= 0 && doc.actors[a].kind !== 'country') return null;
    city = city ? `${city} ${words[k].lower}` : words[k].lower;
    // A place written before a dash, a comma or "(Agency)": a dateline.
    if (/^[—–\-(,:]$/.test(next.text)) {
      if (a >= 0) return doc.actors[a].country;
      return CITIES.get(fold(city)) ?? null;
    }
    if (!/^\p{Lu}/u.test(next.text)) return null;
  }
  return null;
}

/** The country an unnamed office belongs to: the one its sentence (or the sentence before) is about, else the
 * dateline's, else the one the article is about. */
export function homeCountry(ctx: ActorsContext, k: number): string | null {
  return contextCountry(ctx, k) ?? datelineCountry(ctx) ?? dominantCountry(ctx.doc);
}
