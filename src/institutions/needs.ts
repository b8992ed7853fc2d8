// What a proposal still needs, said in words: "Türkiye's consent", "3 more votes in favour".
import type { Need } from './rules/vote.js';

/** More open consents than this are summed up in one phrase instead of named one by one. */
const MAX_NAMED = 5;

const possessive = (name: string) => (name.endsWith('s') ? `${name}'` : `${name}'s`);
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function describeNeeds(needs: Need[], nameOf: (key: string) => string): string[] {
  const consents = needs.filter((n) => n.kind === 'consent');
  const out: string[] = [];
  if (consents.length > MAX_NAMED) out.push(`the consent of ${consents.length} more members (unknown or undecided so far)`);
  else for (const n of consents) out.push(`${possessive(nameOf(n.key))} consent`);
  for (const n of needs) {
    if (n.kind === 'no-veto') out.push(`no veto from ${nameOf(n.key)}`);
    else if (n.kind === 'votes') out.push(`${plural(n.count, 'more vote', 'more votes')} in favour`);
    else if (n.kind === 'members') out.push(`${plural(n.count, 'more member state', 'more member states')} in favour`);
    else if (n.kind === 'population') out.push(`members with ${n.percent.toFixed(2)}% more of the EU population in favour`);
  }
  return out;
}
