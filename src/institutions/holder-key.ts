// Reading the holder keys and stances a user types (`TUR`, `country:tur`, `org:EU` = `oppose`) into canonical form.
import type { StanceLabel } from '../analyze/record.js';
import { OutlookError } from './outlook-error.js';

/** A stance the outlook counts: the analyser's three, plus an abstention in a vote. */
export type OutlookStance = StanceLabel | 'abstain';

export const OUTLOOK_STANCES: readonly OutlookStance[] = ['support', 'oppose', 'undecided', 'abstain'];

/** `TUR`, `tur`, `country:tur` → `country:TUR`; `org:eu` → `org:EU`; `person:x` as is. Fails on anything else. */
export function parseHolderKey(text: string): string {
  const t = text.trim();
  if (/^[A-Za-z]{3}$/.test(t)) return `country:${t.toUpperCase()}`;
  const m = /^(country|org|person):(.+)$/i.exec(t);
  if (m) {
    const kind = m[1].toLowerCase();
    if (kind === 'country' && /^[A-Za-z]{3}$/.test(m[2])) return `country:${m[2].toUpperCase()}`;
    if (kind === 'org' && /^[A-Za-z0-9][A-Za-z0-9-]*$/.test(m[2])) return `org:${m[2].toUpperCase()}`;
    if (kind === 'person' && /^[a-z0-9][a-z0-9-]*$/.test(m[2])) return `person:${m[2]}`;
  }
  throw new OutlookError('bad-key', `bad holder key "${text}": expected country:ISO3 (e.g. country:TUR, or just TUR), org:KEY or person:slug`);
}

export function parseStance(text: string): OutlookStance {
  const t = text.trim().toLowerCase();
  if ((OUTLOOK_STANCES as readonly string[]).includes(t)) return t as OutlookStance;
  throw new OutlookError('bad-stance', `bad stance "${text}": use one of ${OUTLOOK_STANCES.join(', ')}`);
}

/** `KEY=STANCE`, as `--stance country:TUR=oppose` takes it. */
export function parseStanceAssignment(text: string): [string, OutlookStance] {
  const i = text.lastIndexOf('=');
  if (i < 0) throw new OutlookError('bad-stance', `expected KEY=STANCE (e.g. country:TUR=oppose), got "${text}"`);
  return [parseHolderKey(text.slice(0, i)), parseStance(text.slice(i + 1))];
}
