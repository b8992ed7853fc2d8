// The bodies a user can name (NATO, EU, EU-QMV, UNSC …), the rule each applies, and the body a proposal names.
import type { BodyId } from './body-data.js';
import { OutlookError } from './outlook-error.js';

export type RuleName =
  | 'consensus' | 'unanimity' | 'qualified-majority' | 'reinforced-qualified-majority'
  | 'security-council' | 'security-council-procedural' | 'simple-majority' | 'two-thirds-majority';

/**
 * A body and the rule it decides by: the EU by unanimity unless EU-QMV / EU-RQMV is asked for; the UNSC by a substantive
 * vote unless UNSC-PROCEDURAL; the UNGA by simple majority unless UNGA-2/3.
 */
export type BodyName = 'NATO' | 'EU' | 'EU-QMV' | 'EU-RQMV' | 'UNSC' | 'UNSC-PROCEDURAL' | 'G7' | 'UNGA' | 'UNGA-2/3';

export const BODY_NAMES: Readonly<Record<BodyName, { body: BodyId; rule: RuleName }>> = {
  NATO: { body: 'NATO', rule: 'consensus' },
  EU: { body: 'EU', rule: 'unanimity' },
  'EU-QMV': { body: 'EU', rule: 'qualified-majority' },
  'EU-RQMV': { body: 'EU', rule: 'reinforced-qualified-majority' },
  UNSC: { body: 'UNSC', rule: 'security-council' },
  'UNSC-PROCEDURAL': { body: 'UNSC', rule: 'security-council-procedural' },
  G7: { body: 'G7', rule: 'consensus' },
  UNGA: { body: 'UNGA', rule: 'simple-majority' },
  'UNGA-2/3': { body: 'UNGA', rule: 'two-thirds-majority' },
};

/** Each rule in one line, for people. */
export const RULE_TEXT: Readonly<Record<RuleName, string>> = {
  consensus: 'consensus: any member\'s objection blocks',
  unanimity: 'unanimity: any vote against blocks; an abstention does not',
  'qualified-majority': 'qualified majority: 55% of members with 65% of the population; an abstention counts against',
  'reinforced-qualified-majority': 'reinforced qualified majority: 72% of members with 65% of the population',
  'security-council': '9 votes in favour and no veto from a permanent member',
  'security-council-procedural': 'procedural matter: 9 votes in favour, no veto',
  'simple-majority': 'simple majority of the members present and voting',
  'two-thirds-majority': 'two-thirds majority of the members present and voting',
};

/** The deciding-body keys the analyser writes on a proposal (`org:NATO` …), as body names. */
const FROM_KEY: Readonly<Record<string, BodyName>> = {
  'org:NATO': 'NATO', 'org:EU': 'EU', 'org:UNSC': 'UNSC', 'org:UN': 'UNSC', 'org:UNGA': 'UNGA', 'org:G7': 'G7',
};

/** Reads a body name as a user types it: `nato`, `EU-QMV`, `org:UNSC`; fails with the names it knows. */
export function parseBodyName(text: string): BodyName {
  const t = text.trim().toUpperCase();
  const name = (Object.keys(BODY_NAMES) as BodyName[]).find((n) => n === t) ?? FROM_KEY[`org:${t.replace(/^ORG:/, '')}`];
  if (!name) throw new OutlookError('bad-body', `unknown body "${text}": use one of ${Object.keys(BODY_NAMES).join(', ')}`);
  return name;
}

/** The body a stored proposal names (its `body` field), or null when it names none this module knows. */
export function bodyOfProposal(bodyKey: string | null): BodyName | null {
  return bodyKey ? FROM_KEY[bodyKey] ?? null : null;
}
