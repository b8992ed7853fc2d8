// Tests of the dates stage: time expressions resolved against the article date.
import { describe, expect, it } from 'vitest';
import { proposals } from '../proposals/proposals.js';
import { docWith } from '../stances/fixture.js';
import { stances } from '../stances/stances.js';
import { dates } from './dates.js';
import { timesIn } from './when.js';

describe('timesIn', () => {
  it('resolves weekdays and relative days into the past of the article date', () => {
    // 2024-03-13 is a Wednesday.
    expect(timesIn('Norway said on Tuesday it would help.', '2024-03-13')[0].date).toBe('2024-03-12');
    expect(timesIn('Norway said on Friday it would help.', '2024-03-13')[0].date).toBe('2024-03-08');
    expect(timesIn('Norway said yesterday it would help.', '2024-03-13')[0].date).toBe('2024-03-12');
    expect(timesIn('The talks will resume on Friday.', '2024-03-13')[0].date).toBe('2024-03-15');
  });
});

describe('dates stage', () => {
  it('dates each stance by the expression in its sentence, else by the article', () => {
    const text = 'Austria rejected the embargo on Monday. Norway backed the embargo.';
    const doc = docWith(text, [{ key: 'country:AUT', name: 'Austria' }, { key: 'country:NOR', name: 'Norway' }]);
    proposals.run(doc);
    stances.run(doc);
    dates.run(doc);
    const byHolder = Object.fromEntries(doc.stances.map((s) => [doc.actors[s.holder].key, s.date]));
    expect(byHolder).toEqual({ 'country:AUT': '2024-03-11', 'country:NOR': '2024-03-13' });
  });

  it('leaves dates empty without an article date', () => {
    const doc = docWith('Austria rejected the embargo on Monday.', [{ key: 'country:AUT', name: 'Austria' }], [], null);
    proposals.run(doc);
    stances.run(doc);
    dates.run(doc);
    expect(doc.stances[0].date).toBeNull();
  });
});

describe('timesIn with dates that need chrono', () => {
  it('reads month-day dates and leans them into the past', () => {
    expect(timesIn('Norway said on March 11 it would help.', '2024-03-13')[0].date).toBe('2024-03-11');
    expect(timesIn('The plan was first floated on Dec. 20.', '2024-03-13')[0].date).toBe('2023-12-20');
    expect(timesIn('Austria changed course last week.', '2024-03-13')[0].date).toBe('2024-03-06');
  });
});

describe('timesIn without chrono', () => {
  it('reads month days with and without a year, and spans ago', () => {
    expect(timesIn('On 15 March 2022 Norway agreed.', '2024-03-13')[0].date).toBe('2022-03-15');
    expect(timesIn('Norway agreed two weeks ago.', '2024-03-13')[0].date).toBe('2024-02-28');
    expect(timesIn('Norway agreed earlier this month.', '2024-03-13')[0].date).toBe('2024-03-01');
    expect(timesIn('A vote is set for 2024-04-02.', '2024-03-13')[0].date).toBe('2024-04-02');
  });
});
