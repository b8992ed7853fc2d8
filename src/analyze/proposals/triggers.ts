// The proposal lexicon (triggers.json, bodies.json) compiled into look-ups over the word stream.
import data from './triggers.json' with { type: 'json' };
import bodyData from './bodies.json' with { type: 'json' };
import { PhraseIndex, plurals } from './phrase-index.js';
import { normWord } from './words.js';

export type ProposalKind =
  | 'mission' | 'no-fly-zone' | 'embargo' | 'accession' | 'weapons' | 'resolution' | 'amendment'
  | 'ceasefire' | 'treaty' | 'troops' | 'tariffs' | 'plan';

export type AnaphorKind = ProposalKind | 'any';

export interface TriggerEntry { kind: ProposalKind; strength: 'strong' | 'weak' }
export interface WeaponModel { model: string; what: string; needs?: 'weapon' | 'designation' }

export const TRIGGERS = new PhraseIndex<TriggerEntry>();
for (const strength of ['strong', 'weak'] as const) {
  for (const t of data[strength]) {
    const entry: TriggerEntry = { kind: t.kind as ProposalKind, strength };
    TRIGGERS.add(t.phrase, entry);
    const words = t.phrase.split(' ');
    const last = words[words.length - 1];
    if (!last.endsWith('s')) for (const p of plurals(last)) TRIGGERS.add([...words.slice(0, -1), p].join(' '), entry);
  }
}

export const WEAPON_MODELS = new Map<string, WeaponModel>(
  Object.entries(data.weapons).filter(([k]) => !k.startsWith('$')).map(([k, v]) => [normWord(k), v as WeaponModel]),
);

const genericBase = new Set(data.generic);
export const GENERIC_HEADS = new Set<string>([...data.generic, ...data.generic.flatMap((g) => plurals(g))]);
export const isGenericPlural = (norm: string): boolean => !genericBase.has(norm);

export const ANAPHORS = new Map<string, AnaphorKind>(Object.entries(data.anaphors) as [string, AnaphorKind][]);
export const DISTINCT = new Set(data.distinct);
export const COMMODITIES = new Set(data.commodities);
export const TRANSFER_WORDS = new Set(data.transfer);

export const BODIES = new PhraseIndex<string>();
for (const [phrase, key] of Object.entries(bodyData)) if (!phrase.startsWith('$')) BODIES.add(phrase, key as string);
/** Body words that name a body only when the article names it plainly elsewhere. */
export const VAGUE_BODY_WORDS = new Set(['alliance', 'council', 'bloc', 'union']);

export const HINTS = new Map<string, ProposalKind>(Object.entries(data.hints).filter(([k]) => !k.startsWith('$')) as [string, ProposalKind][]);
/** Nouns right after a trigger that still name the proposal ("tank deliveries", "embargo proposal"). */
export const HEAD_EXTENSIONS = new Set(data.headExtensions);
/** Modifiers that make a generic head something else ("phone call", "hostage deal"). */
export const NOT_PROPOSAL = new Set(data.notProposal);
/** Words that name a club one joins ("NATO membership", "membership in the EU"). */
export const CLUBS = new Set(data.clubs);
/** Weapons nouns that may follow a model name ("Patriot missiles"). */
export const WEAPON_NOUNS = new Set(data.weaponNouns);
/** Words that, right before a trigger, make it something else ("think tank"). */
export const NOT_BEFORE = new Map<string, Set<string>>(
  Object.entries(data.notBefore).filter(([k]) => !k.startsWith('$')).map(([k, v]) => [k, new Set(v as string[])]),
);
/** Generic heads that count only when their complement names a trigger ("the export of Leopard tanks"). */
export const LINK_ONLY = new Set(data.linkOnly);
/** Words that make a weak "mission" or "force" a proposal of its own ("a multinational security mission"). */
export const MISSION_MODIFIERS = new Set(data.missionModifiers);
/** Nouns that never name a proposal found only as a verb's object ("supported the Democratic nominee"). */
export const NOT_PLAN_HEADS = new Set(data.notPlanHeads);
