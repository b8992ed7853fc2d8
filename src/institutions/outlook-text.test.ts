import { describe, expect, it } from 'vitest';
import { outlook } from './outlook.js';
import { outlookText } from './outlook-text.js';

describe('outlook as text', () => {
  it('says the status, who blocks, what is needed and who stands where', () => {
    const o = outlook({ body: 'NATO', date: '2022-03-16', proposer: 'country:POL',
      stances: { 'country:NLD': 'oppose', 'country:LUX': 'oppose', 'country:EST': 'support', 'country:CAN': 'undecided', 'country:UKR': 'support' } });
    const text = outlookText(o, { title: 'p1  armed peacekeeping mission', conditions: { 'country:EST': 'if the UN Security Council backs it' }, maxNames: 3 });
    expect(text).toContain('p1  armed peacekeeping mission\nNATO on 2022-03-16: BLOCKED\n');
    expect(text).toContain("rule         consensus: any member's objection blocks");
    expect(text).toContain('members      30');
    expect(text).toMatch(/blocked by {3}Luxembourg, the Netherlands/);
    expect(text).toContain("needs        Luxembourg's consent; the Netherlands' consent");
    expect(text).toContain('support      2  Poland, Estonia (if the UN Security Council backs it)');
    expect(text).toMatch(/unknown {5}25 {2}Belgium, Denmark, France and 22 more/);
    expect(text).toContain('not members  country:UKR (support)');
  });

  it('shows unknown UNSC seats and EU population figures', () => {
    expect(outlookText(outlook({ body: 'UNSC', date: '2028-01-10' }))).toMatch(/members {6}15 \(5 seats not known\)[\s\S]*unknown {5}15 {2}.* \+ 5 seats not known/);
    expect(outlookText(outlook({ body: 'EU-QMV', date: '2025-01-10', overrides: { DEU: 'support' } }))).toContain('population   18.49% in favour (figures for 2025)');
  });
});
