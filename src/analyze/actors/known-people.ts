// World knowledge of well-known office holders (data/people.json) and the article's knowledge snapshot, looked up by name.
import peopleData from './data/people.json' with { type: 'json' };
import type { Doc } from '../doc.js';
import type { KnownPerson } from '../knowledge.js';
import { personKey } from '../slug.js';
import { fold } from './phrase-index.js';
import { titleSpeaks } from './titles.js';
import { oneEditApart } from './spelling.js';

interface RoleSpell { role: string; country?: string; organization?: string; from: string | null; to: string | null }
interface PersonEntry { name: string; aliases: string[]; gender: 'm' | 'f'; roles: RoleSpell[]; /** personKey(name) */ key: string }

/** A person as known from world knowledge or the snapshot: who they are and whom they speak for, with gender when known. */
export type KnownAs = Omit<KnownPerson, 'aliases'> & { gender: 'm' | 'f' | null };

const PEOPLE: PersonEntry[] = (peopleData as Omit<PersonEntry, 'key'>[]).map((p) => ({ ...p, key: personKey(p.name) }));
const byName = new Map<string, PersonEntry>();
const byAlias = new Map<string, PersonEntry | null>();
for (const p of PEOPLE) {
  byName.set(fold(p.name), p);
  for (const a of p.aliases) {
    const f = fold(a);
    if (a.includes(' ') || a.includes('-') || a.includes('.')) byName.set(f, p);
    const other = byAlias.get(f);
    if (other && other !== p) byAlias.set(f, null); // an alias two people share names neither
    else if (other === undefined) byAlias.set(f, p);
  }
}

/** One-word aliases by their first letter, for the near-spelling lookup. */
const aliasesByInitial = new Map<string, [string, PersonEntry | null][]>();
for (const [alias, p] of byAlias) {
  const list = aliasesByInitial.get(alias[0]) ?? [];
  list.push([alias, p]);
  aliasesByInitial.set(alias[0], list);
}

/** The spell of office held at a date (YYYY-MM-DD); without a date, the latest. */
function spellAt(p: PersonEntry, date: string | null): RoleSpell | null {
  if (!date) return p.roles[p.roles.length - 1] ?? null;
  for (const r of p.roles) if ((!r.from || r.from <= date) && (!r.to || date < r.to)) return r;
  return null;
}

function fromEntry(p: PersonEntry, date: string | null): KnownAs {
  const spell = spellAt(p, date);
  const last = p.roles[p.roles.length - 1];
  const country = spell?.country ?? (spell ? null : last?.country ?? null);
  const organization = spell?.organization ?? null;
  let represents: string | null = null;
  if (spell && titleSpeaks(spell.role) === 'office') represents = organization ? `org:${organization}` : country ? `country:${country}` : null;
  return { key: p.key, name: p.name, role: spell?.role ?? null, country, organization, represents, gender: p.gender };
}

/** A person known by full name (or a multi-word alias), from the article's snapshot first, then world knowledge. */
export function knownByName(doc: Doc, name: string): KnownAs | null {
  const snap = doc.knowledge.people.get(name.toLowerCase());
  if (snap && snap.name.toLowerCase() === name.toLowerCase()) return { ...snap, gender: null };
  const p = byName.get(fold(name));
  return p ? fromEntry(p, doc.article.date) : null;
}

/** A person known by a surname one letter away from the word ("Lavruv"), for a full name whose first name also fits. */
export function knownByNearAlias(doc: Doc, word: string): KnownAs | null {
  const f = fold(word);
  if (f.length < 5) return null;
  const near = aliasesByInitial.get(f[0]);
  if (near === undefined) return null;
  for (const [alias, p] of near) {
    if (p && Math.abs(alias.length - f.length) <= 1 && oneEditApart(alias, f)) {
      const k = fromEntry(p, doc.article.date);
      return k.role ? k : null;
    }
  }
  return null;
}

/** A person known by one word (a surname), when exactly one known person goes by it. */
export function knownByAlias(doc: Doc, word: string): KnownAs | null {
  const snap = doc.knowledge.people.get(word.toLowerCase());
  if (snap) return { ...snap, gender: null };
  const p = byAlias.get(fold(word));
  if (!p) return null;
  const k = fromEntry(p, doc.article.date);
  // A bare surname is trusted only for someone in office at the article's date.
  return k.role ? k : null;
}
