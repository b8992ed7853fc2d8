// Names listed under one title ("her French and Italian counterparts, X and Y", "foreign ministers X of Spain and
// Y of Portugal"): each shares the title, and the countries named with it go to the names in order.
import { claimedAt, type ActorsContext } from './context.js';
import type { PeopleFound } from './names.js';
import { isTitleWord, titleSpeaks } from './titles.js';

/** The singular of a plural title word ("counterparts" → "counterpart", "spokespeople" → "spokesperson"), or null. */
function singularTitle(word: string): string | null {
  const w = word.toLowerCase();
  if (w === 'spokespeople' || w === 'spokespersons') return 'spokesperson';
  if (w.length > 3 && w.endsWith('s') && isTitleWord(w.slice(0, -1))) return w.slice(0, -1);
  return null;
}

/** Country of an "of Spain" written right after a name, or null. */
function ofCountry(ctx: ActorsContext, to: number): string | null {
  const { words, doc } = ctx;
  if (words[to + 1]?.lower !== 'of') return null;
  const a = claimedAt(ctx, words[to + 2]?.start ?? -1);
  return a >= 0 && doc.actors[a].kind === 'country' ? doc.actors[a].country : null;
}

/** Fills role, country and represents of names listed under one plural title, where nothing else said them. */
export function findListRoles(ctx: ActorsContext, people: PeopleFound): void {
  const { words, doc } = ctx;
  const occs = people.occurrences.filter((o) => o.full).sort((a, b) => a.from - b.from);
  for (let i = 0; i < occs.length; i++) {
    // The chain of names joined by "," and "and" (an "of Spain" after each allowed).
    const chain = [occs[i]];
    for (let n = i + 1; n < occs.length; n++) {
      const prev = chain[chain.length - 1];
      let j = prev.to + 1;
      if (ofCountry(ctx, prev.to)) j += 2;
      if (words[j]?.text === ',') j++;
      if (words[j]?.lower === 'and') j++;
      if (j === prev.to + 1 || occs[n].from !== j || words[j].sentence !== words[prev.to].sentence) break;
      chain.push(occs[n]);
    }
    // The title before the first name: "[his French and Italian] counterparts[,]".
    let j = chain[0].from - 1;
    if (words[j]?.text === ',') j--;
    const title = words[j] ? singularTitle(words[j].text) : null;
    if (!title) { i += chain.length - 1; continue; }
    const titleWords = [title];
    const countries: string[] = [];
    for (let h = j - 1; h >= 0 && j - h <= 8 && words[h].sentence === words[j].sentence; h--) {
      const a = claimedAt(ctx, words[h].start);
      if (a >= 0 && doc.actors[a].kind === 'country') { if (countries[0] !== doc.actors[a].country) countries.unshift(doc.actors[a].country!); continue; }
      if (words[h].lower === 'and' || words[h].text === ',') continue;
      if (a < 0 && isTitleWord(words[h].text) && countries.length === 0) { titleWords.unshift(words[h].lower); continue; }
      break;
    }
    const role = titleWords.join(' ');
    const speaks = titleSpeaks(role);
    if (!speaks) { i += chain.length - 1; continue; }
    chain.forEach((occ, n) => {
      const a = doc.actors[occ.actor];
      const country = ofCountry(ctx, occ.to) ?? (countries.length === chain.length ? countries[n] : countries.length === 1 ? countries[0] : null);
      if (a.represents && a.role) return; // the text or world knowledge said more already
      a.role ??= role;
      if (country) { a.country = country; a.represents = speaks === 'office' ? `country:${country}` : null; }
    });
    i += chain.length - 1;
  }
}
