// The deciding bodies as data: their members over time, population figures and sources, read from data/*.json.
import eu from './data/eu.json' with { type: 'json' };
import g7 from './data/g7.json' with { type: 'json' };
import nato from './data/nato.json' with { type: 'json' };
import unga from './data/unga.json' with { type: 'json' };
import unsc from './data/unsc.json' with { type: 'json' };

export type BodyId = 'NATO' | 'EU' | 'UNSC' | 'G7' | 'UNGA';

/** A member for a span of dates (inclusive; null = open-ended), with the ids of its sources. */
export interface MemberEntry {
  key: string;
  name: string;
  from: string | null;
  to: string | null;
  sources: string[];
  note?: string;
}

export interface Source {
  title: string;
  publisher?: string;
  url?: string;
  date?: string;
  /** False when the fact was taken over from shared/data/institutions.md without being checked again. */
  verified: boolean;
  checked: string;
}

/** The population figures the EU Council uses for qualified majority in one year (Annex III to its Rules of Procedure). */
export interface PopulationFigures {
  year: number;
  from: string;
  to: string;
  total: number;
  sources: string[];
  /** Percent of the EU population, by ISO3 code. */
  shares: Record<string, number>;
}

export interface BodyData {
  id: BodyId;
  key: string;
  name: string;
  rule: string;
  ruleNote: string;
  ruleSources: string[];
  /** Membership is encoded from this date on; no outlook before it. */
  knownFrom: string;
  knownFromNote?: string;
  members: MemberEntry[];
  /** UNSC: members with a permanent seat. */
  permanent?: MemberEntry[];
  /** UNSC: seats in all, and elected seats (those not permanent). */
  seats?: number;
  electedSeats?: number;
  electedNote?: string;
  /** G7: non-enumerated participants whose objection also stops a consensus. */
  participants?: Array<{ key: string; name: string; sources: string[] }>;
  /** EU: population figures by year. */
  population?: PopulationFigures[];
  sources: Record<string, Source>;
}

export const BODIES: Readonly<Record<BodyId, BodyData>> = {
  NATO: nato as BodyData,
  EU: eu as unknown as BodyData,
  UNSC: unsc as BodyData,
  G7: g7 as BodyData,
  UNGA: unga as BodyData,
};

/** Whether an entry covers a date (ISO YYYY-MM-DD strings compare as dates). */
export const holdsOn = (m: { from: string | null; to: string | null }, date: string): boolean =>
  (m.from === null || m.from <= date) && (m.to === null || date <= m.to);
