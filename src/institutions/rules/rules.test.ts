import { describe, expect, it } from 'vitest';
import { consensus } from './consensus.js';
import { simpleMajority, twoThirdsMajority } from './majority.js';
import { qualifiedMajority } from './qualified-majority.js';
import { securityCouncil } from './security-council.js';
import { unanimity } from './unanimity.js';
import type { Vote, Votes } from './vote.js';

/** `votes('yes', 'A B', 'no', 'C')` → A and B yes, C no. */
function votes(...pairs: string[]): Votes {
  const m = new Map<string, Vote>();
  for (let i = 0; i < pairs.length; i += 2) for (const k of pairs[i + 1].split(' ').filter(Boolean)) m.set(k, pairs[i] as Vote);
  return m;
}
const many = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}`).join(' ');

describe('consensus and unanimity', () => {
  it.each([
    ['all in favour', votes('yes', 'A B C'), true, []],
    ['one objection blocks alone', votes('yes', 'A B', 'no', 'C'), false, ['C']],
    ['two objections each block', votes('yes', 'A', 'no', 'B C'), false, ['B', 'C']],
    ['an abstention does not block', votes('yes', 'A B', 'abstain', 'C'), true, []],
  ])('%s', (_name, v, passes, blockers) => {
    for (const rule of [consensus, unanimity]) {
      const d = rule(v);
      expect(d.passes).toBe(passes);
      expect(d.blockers).toEqual(blockers);
      expect(d.needs).toEqual(blockers.map((key) => ({ kind: 'consent', key })));
    }
  });
});

describe('UN Security Council substantive vote', () => {
  const P5 = new Set(['P1', 'P2', 'P3', 'P4', 'P5']);
  it.each([
    ['15 in favour', votes('yes', `P1 P2 P3 P4 P5 ${many('E', 10)}`), true, [], []],
    ['9 in favour, 6 against, none permanent', votes('yes', `P1 P2 P3 P4 P5 E1 E2 E3 E4`, 'no', 'E5 E6 E7 E8 E9 E10'), true, [], []],
    ['a permanent abstention is not a veto', votes('yes', `P1 P2 P3 P4 ${many('E', 10)}`, 'abstain', 'P5'), true, [], []],
    ['one permanent "no" is a veto', votes('yes', `P1 P2 P3 P4 ${many('E', 9)}`, 'no', 'P5', 'abstain', 'E10'), false, ['P5'], [{ kind: 'no-veto', key: 'P5' }]],
    ['8 in favour is one short', votes('yes', `P1 P2 P3 E1 E2 E3 E4 E5`, 'abstain', 'P4 P5 E6', 'no', 'E7 E8 E9 E10'), false,
      ['P4', 'P5', 'E6', 'E7', 'E8', 'E9', 'E10'], [{ kind: 'votes', count: 1 }]],
    ['a veto and too few votes', votes('yes', 'E1 E2', 'no', 'P1'), false, ['P1'], [{ kind: 'no-veto', key: 'P1' }, { kind: 'votes', count: 7 }]],
  ])('%s', (_name, v, passes, blockers, needs) => {
    const d = securityCouncil(v, P5);
    expect(d.passes).toBe(passes);
    expect(d.blockers).toEqual(blockers);
    expect(d.needs).toEqual(needs);
  });
});

describe('EU qualified majority', () => {
  // Ten members: A holds 40%, B 30%, the rest 30% (C..J, 3.75% each).
  const shares = new Map<string, number>([['A', 40], ['B', 30], ...'C D E F G H I J'.split(' ').map((k) => [k, 3.75] as [string, number])]);
  it.each([
    ['everyone in favour', votes('yes', 'A B C D E F G H I J'), {}, true, []],
    ['6 of 10 members with 85% (55% → 6 members)', votes('yes', 'A B C D E F', 'no', 'G H I J'), {}, true, []],
    ['5 of 10 members is too few', votes('yes', 'A B C D E', 'no', 'F G H I J'), {}, false, [{ kind: 'members', count: 1 }]],
    ['8 members but only 37.5% of the population; 2 against: deemed reached (fewer than 4 block)', votes('yes', 'C D E F G H I J', 'no', 'A B'), {}, true, []],
    ['abstentions count against', votes('yes', 'A B C D E F', 'abstain', 'G H I J'), {}, true, []],
    ['reinforced: 72% of 10 → 8 members', votes('yes', 'A B C D E F G', 'no', 'H I J'), { reinforced: true }, false, [{ kind: 'members', count: 1 }]],
    ['reinforced: no "fewer than four" clause', votes('yes', 'C D E F G H I J', 'no', 'A B'), { reinforced: true }, false, [{ kind: 'population', percent: 35 }]],
  ])('%s', (_name, v, options, passes, needs) => {
    const d = qualifiedMajority(v, shares, options);
    expect(d.passes).toBe(passes);
    expect(d.needs).toEqual(needs);
    if (!passes) expect(d.blockers).toEqual([...v].filter(([, x]) => x !== 'yes').map(([k]) => k));
  });

  it('renormalises shares over the members voting', () => {
    const d = qualifiedMajority(votes('yes', 'A', 'no', 'B'), new Map([['A', 2], ['B', 1]]));
    expect(d.populationInFavour).toBe(66.67);
  });

  it('refuses a member without a population figure', () => {
    expect(() => qualifiedMajority(votes('yes', 'A Z'), shares)).toThrow(/no population figure for Z/);
  });
});

describe('majorities of members present and voting', () => {
  it.each([
    ['simple: more yes than no', simpleMajority, votes('yes', 'A B', 'no', 'C'), true, []],
    ['simple: a tie fails', simpleMajority, votes('yes', 'A', 'no', 'B', 'abstain', 'C D'), false, [{ kind: 'votes', count: 1 }]],
    ['simple: abstentions are not counted', simpleMajority, votes('yes', 'A', 'abstain', 'B C D E'), true, []],
    ['two-thirds: exactly two thirds passes', twoThirdsMajority, votes('yes', 'A B', 'no', 'C'), true, []],
    ['two-thirds: 3 to 2 fails, 1 more needed', twoThirdsMajority, votes('yes', 'A B C', 'no', 'D E'), false, [{ kind: 'votes', count: 1 }]],
    ['two-thirds: nobody voting fails', twoThirdsMajority, votes('abstain', 'A B'), false, [{ kind: 'votes', count: 1 }]],
  ])('%s', (_name, rule, v, passes, needs) => {
    const d = rule(v);
    expect(d.passes).toBe(passes);
    expect(d.needs).toEqual(needs);
  });
});
