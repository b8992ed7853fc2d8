// An outlook as a short readable summary: the status, who blocks, what is missing, and who stands where.
import { RULE_TEXT } from './body-name.js';
import { UNKNOWN_SEAT, type Outlook } from './outlook.js';

export interface OutlookTextOptions {
  /** A heading line, e.g. the proposal's id and summary. */
  title?: string;
  /** Conditions attached to stances, by holder key ("if the UN Security Council backs it"). */
  conditions?: Record<string, string>;
  /** Lists longer than this are cut, with "and N more". */
  maxNames?: number;
  /** The reported vote that decided the proposal, in words ("adopted on 2024-03-22, 13 for, 0 against (title)"). */
  decided?: string;
}

export function outlookText(o: Outlook, options: OutlookTextOptions = {}): string {
  const max = options.maxNames ?? 12;
  const name = (k: string) => {
    const cond = options.conditions?.[k];
    return `${o.names[k] ?? k}${cond ? ` (${cond})` : ''}`;
  };
  const names = (keys: string[]) => {
    const shown = keys.slice(0, max).map(name).join(', ');
    return keys.length > max ? `${shown} and ${keys.length - max} more` : shown;
  };
  const seats = o.unknownSeats ? ` (${o.unknownSeats} seats not known)` : '';
  const out: string[] = [];
  if (options.title) out.push(options.title);
  if (options.decided) out.push(`  decided      ${options.decided}; the standings below count the members its count settles`);
  out.push(`${o.body} on ${o.date}: ${o.status.toUpperCase()}`);
  out.push(`  rule         ${RULE_TEXT[o.rule]}`);
  out.push(`  members      ${o.members}${seats}`);
  if (o.blockers.length) out.push(`  blocked by   ${names(o.blockers)}`);
  if (o.needs.length) out.push(`  needs        ${o.needs.join('; ')}`);
  const row = (label: string, keys: string[], extra = 0) => {
    const n = keys.length + extra;
    if (n) out.push(`  ${label.padEnd(10)} ${String(n).padStart(3)}  ${names(keys)}${extra ? `${keys.length ? ' + ' : ''}${extra} seats not known` : ''}`);
  };
  row('support', o.support);
  row('oppose', o.oppose);
  row('abstain', o.abstain);
  row('undecided', o.undecided);
  row('unknown', o.unknown.filter((k) => !k.startsWith(UNKNOWN_SEAT)), o.unknownSeats);
  if (o.population) out.push(`  population   ${o.population.inFavour}% in favour (figures for ${o.population.year})`);
  if (o.nonMembers.length) out.push(`  not members  ${o.nonMembers.map((n) => `${n.key} (${n.stance})`).join(', ')}`);
  for (const note of o.notes) out.push(`  note: ${note}`);
  return `${out.join('\n')}\n`;
}
