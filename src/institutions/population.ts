// Which year's EU population figures a qualified-majority outlook uses, and saying so when it is not the date's own year.
import { BODIES, holdsOn, type PopulationFigures } from './body-data.js';
import { OutlookError } from './outlook-error.js';

export interface PopulationChoice {
  figures: PopulationFigures;
  /** Each member key's population share (%). */
  shares: Map<string, number>;
  note: string;
}

const iso3 = (key: string) => key.replace(/^country:/, '');

/**
 * The figures in force on the date when they are encoded, else those of the nearest year that covers exactly
 * the same members (the EU-28 figures before 2020-02-01, the EU-27 ones after).
 */
export function populationFor(date: string, memberKeys: string[]): PopulationChoice {
  const want = [...memberKeys].map(iso3).sort().join(' ');
  const year = Number(date.slice(0, 4));
  const fitting = (BODIES.EU.population ?? []).filter((f) => Object.keys(f.shares).sort().join(' ') === want);
  if (!fitting.length) throw new OutlookError('membership-unknown', `no EU population figures are encoded for the ${memberKeys.length} members on ${date}`);
  const own = fitting.find((f) => holdsOn(f, date));
  const figures = own ?? [...fitting].sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year) || b.year - a.year)[0];
  const shares = new Map(memberKeys.map((k) => [k, figures.shares[iso3(k)]]));
  const note = own
    ? `Population shares: the Council's figures for ${figures.year}.`
    : `Population shares: the Council's figures for ${figures.year}, the nearest year encoded (those for ${year} are not).`;
  return { figures, shares, note };
}
