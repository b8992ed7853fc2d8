// Offices named without their country ("the foreign ministry said", "the presidency"): the country the passage is about.
import { addMention } from '../doc.js';
import { claim, claimedAt, type ActorsContext } from './context.js';
import { homeCountry } from './home-country.js';
import { countryActor } from './places.js';

/** Words that may stand between "the" and the office ("the foreign ministry", "the defence ministry"). */
const OFFICE_MODIFIERS: ReadonlySet<string> = new Set([
  'foreign', 'defence', 'defense', 'interior', 'finance', 'economy', 'economic', 'justice', 'trade', 'energy', 'health',
  'agriculture', 'environment', 'climate', 'culture', 'education', 'transport', 'labour', 'labor', 'digital', 'industry',
  'development', 'emergencies', 'emergency', 'home', 'war', 'affairs',
]);
/** Offices that speak for a government. */
const OFFICES: ReadonlySet<string> = new Set(['ministry', 'presidency', 'chancellery', 'office']);

/** Gives "the foreign ministry" and the like to the country of its passage, when the text names none beside it. */
export function findUnnamedOffices(ctx: ActorsContext): void {
  const { doc, words } = ctx;
  for (let k = 0; k + 1 < words.length; k++) {
    if (words[k].lower !== 'the') continue;
    let h = k + 1;
    while (h < words.length && OFFICE_MODIFIERS.has(words[h].lower) && h - k <= 3) h++;
    const head = words[h];
    if (!head || !OFFICES.has(head.lower) || head.sentence !== words[k].sentence) continue;
    // "the office" alone is anyone's; "the foreign office" and "the presidency" are a government's.
    if (head.lower === 'office' && h === k + 1) continue;
    let claimed = false;
    for (let j = k; j <= h; j++) if (claimedAt(ctx, words[j].start) >= 0) claimed = true;
    if (claimed) continue;
    // "the ministry of defence of Ukraine", "the foreign ministry in Kyiv", "the presidency of the council": named after.
    const next = words[h + 1];
    if (next && next.sentence === head.sentence && /^(of|in|for)$/.test(next.lower)) continue;
    const iso3 = homeCountry(ctx, k);
    if (!iso3) continue;
    const a = countryActor(doc, iso3);
    addMention(doc, a, { start: words[k].start, end: head.end }, 'phrase');
    claim(ctx, words[k].start, head.end, a);
  }
}
