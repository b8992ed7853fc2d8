// Invented articles whose analysis depends on what earlier articles taught about people: for the same-store tests.
// People are introduced in full ("Kenyan foreign minister Anna Okafor"), named by surname alone later, change office,
// and share surnames across countries, so that an article's holders come from the knowledge the store has gathered.
// Every tenth article is a near-duplicate of one three before it (a wire story republished with a sentence added)
// whose added sentence introduces someone that later articles name by surname alone: a copy teaches people too.
import { rng } from '../synthetic-news.js';

const PEOPLE = [
  ['Anna', 'Okafor', 'KEN', 'Kenyan'], ['Marek', 'Lindqvist', 'NOR', 'Norwegian'], ['Ines', 'Carvalho', 'PRT', 'Portuguese'],
  ['Tomas', 'Huber', 'AUT', 'Austrian'], ['Lena', 'Tanaka', 'JPN', 'Japanese'], ['Oskar', 'Mensah', 'GHA', 'Ghanaian'],
  ['Maria', 'Quispe', 'PER', 'Peruvian'], ['Pavel', 'Virtanen', 'FIN', 'Finnish'], ['Sofia', 'Ortega', 'MEX', 'Mexican'],
  // Surnames shared with someone of another country: "Huber" alone is ambiguous once both are known.
  ['Jonas', 'Huber', 'CHL', 'Chilean'], ['Elena', 'Tanaka', 'CAN', 'Canadian'], ['Rui', 'Okafor', 'GRC', 'Greek'],
] as const;
/** People introduced only in the sentence a republished copy adds. */
const IN_COPIES = [['Rosa', 'Vidal', 'CHL', 'Chilean'], ['Nikos', 'Dimou', 'GRC', 'Greek'], ['Ilze', 'Berzina', 'FIN', 'Finnish'], ['Claire', 'Dubois', 'CAN', 'Canadian']] as const;
const OFFICES = ['foreign minister', 'defence minister', 'prime minister', 'trade minister'];
const THINGS = ['a joint naval patrol', 'a fisheries treaty', 'a ban on cluster munitions', 'a regional climate fund', 'a ceasefire monitoring mission'];
const COUNTRIES: Record<string, string> = { KEN: 'Kenya', NOR: 'Norway', PRT: 'Portugal', AUT: 'Austria', JPN: 'Japan', GHA: 'Ghana', PER: 'Peru', FIN: 'Finland', MEX: 'Mexico', CHL: 'Chile', CAN: 'Canada', GRC: 'Greece' };
const WORDS = ('harbour grain river valley council budget weather railway school harvest bridge tunnel market festival copper cable '
  + 'satellite orchard museum lighthouse vineyard glacier factory airport ferry canal reservoir archive pipeline clinic stadium').split(' ');

export interface PeopleArticle { id: string; date: string; title: string; text: string }

/** Article i of the series: one person introduced in full, others named by surname or "Mr"/"Ms" alone. */
export function peopleArticle(i: number): PeopleArticle {
  if (i % 10 === 9) {
    const original = peopleArticle(i - 3);
    const [first, last, , adj] = IN_COPIES[Math.floor(i / 10) % IN_COPIES.length];
    const paragraphs = original.text.split('\n\n');
    paragraphs.splice(2, 0, `${adj} trade minister ${first} ${last} said the talks had been useful.`);
    return { ...original, id: `people-${i}`, title: `${original.title} (updated)`, text: paragraphs.join('\n\n') };
  }
  const r = rng(i * 104729 + 31);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)];
  const thing = pick(THINGS);
  const proposer = pick(Object.values(COUNTRIES));
  const full = pick(PEOPLE);
  const office = pick(OFFICES);
  const a = pick(PEOPLE);
  const b = i > 45 && r() < 0.4 ? pick(IN_COPIES) : pick(PEOPLE);
  const filler = Array.from({ length: 120 }, () => pick(WORDS)).join(' ');
  const day = String(1 + (i % 28)).padStart(2, '0');
  const text = `${proposer} proposed ${thing} on ${['Monday', 'Tuesday', 'Thursday'][i % 3]}.\n\n`
    + `${full[3]} ${office} ${full[0]} ${full[1]} said ${COUNTRIES[full[2]]} ${r() < 0.5 ? 'supports' : 'opposes'} ${thing}.\n\n`
    + `${a[1]} said the proposal was premature. “We are not ready to support this,” ${a[1]} told reporters.\n\n`
    + `${r() < 0.5 ? 'Mr' : 'Ms'} ${b[1]} backed ${thing}, saying it was overdue.\n\n`
    + `Local reports mentioned ${filler}.`;
  return { id: `people-${i}`, date: `2025-0${1 + (i % 6)}-${day}`, title: `${proposer} proposes ${thing}`, text };
}

/** Articles from..from+n-1 as JSON Lines. */
export function peopleJsonl(n: number, from = 0): string {
  return Array.from({ length: n }, (_, k) => JSON.stringify(peopleArticle(from + k))).join('\n') + '\n';
}
