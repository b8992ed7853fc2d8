import { describe, expect, it } from 'vitest';
import { statesARule, tallyOf } from './tally.js';

describe('vote tallies', () => {
  it('reads counts told as a score, as words and with abstentions', () => {
    expect(tallyOf('The council adopted the text by 13 votes to 0, with two abstentions.')).toMatchObject({ for: 13, against: 0, abstain: 2, outcome: 'adopted' });
    expect(tallyOf('It passed 12-1-2 on Friday.')).toMatchObject({ for: 12, against: 1, abstain: 2, outcome: 'adopted' });
    expect(tallyOf('Thirteen members voted in favour, while two abstained.')).toMatchObject({ for: 13, abstain: 2, outcome: null });
    expect(tallyOf('The assembly adopted it by a vote of 128 to 9, with 35 abstentions.')).toMatchObject({ for: 128, against: 9, abstain: 35 });
    expect(tallyOf('The plan was approved by 26 of the 27 member states.')).toMatchObject({ for: 26, outcome: 'adopted' });
    expect(tallyOf('The council unanimously adopted the resolution.')).toMatchObject({ unanimous: true, outcome: 'adopted' });
  });
  it('reads a failed vote', () => {
    expect(tallyOf('The draft was vetoed by the United States.')).toMatchObject({ outcome: 'rejected' });
    expect(tallyOf('The text failed to win the nine votes it needed.')).toMatchObject({ outcome: 'rejected' });
  });
  it('finds no vote in a sentence without one, nor in one that states the rule', () => {
    expect(tallyOf('Talks resumed on 12 March in Geneva.')).toBeNull();
    expect(tallyOf('The score was 2-1 after extra time.')).toBeNull();
    const rule = 'To pass, a resolution needs nine votes in favour and no veto by China, France, Russia, the United Kingdom or the United States.';
    expect(statesARule(rule)).toBe(true);
    expect(tallyOf(rule)).toBeNull();
    expect(statesARule('The draft was vetoed by Russia, which needs no lessons from anyone.')).toBe(false);
  });
});
