import { describe, expect, it } from 'vitest';
import { newDoc, type Doc } from '../doc.js';
import { EMPTY_KNOWLEDGE } from '../knowledge.js';
import { tokenize } from '../tokenize/tokenize.js';
import { quotes } from './quotes.js';

function run(text: string): Doc {
  const doc = newDoc({ id: 't', date: null, title: null, url: null, source: null, file: null, language: 'en', text }, text, EMPTY_KNOWLEDGE);
  tokenize.run(doc);
  quotes.run(doc);
  return doc;
}

const reported = (doc: Doc) => doc.quotes.filter((q) => q.kind === 'indirect').map((q) => ({
  text: doc.text.slice(q.start, q.end),
  speaker: q.speaker === null ? null : doc.actors[q.speaker].name,
}));

describe('where reported words start and end', () => {
  it('reads a cue set off by commas inside the sentence', () => {
    const doc = run('The border crossing, Interior Minister Tomas Varga said on Monday, would reopen within a week.');
    expect(reported(doc)).toEqual([{ text: 'The border crossing, Interior Minister Tomas Varga said on Monday, would reopen within a week', speaker: 'Tomas Varga' }]);
  });

  it('ends at the cue when a participle follows it, and leaves out a dateline', () => {
    const doc = run('OSLO — Norway will send two frigates to the Baltic, Defence Minister Ines Moura announced on Friday, ending weeks of talks.');
    expect(reported(doc)).toEqual([{ text: 'Norway will send two frigates to the Baltic', speaker: 'Ines Moura' }]);
  });

  it('reads "…, said X, an appositive" at the end of a long sentence', () => {
    const doc = run('The fund will run dry by March, said Arun Mehta, a senior adviser to the finance committee who oversees the budget talks.');
    expect(reported(doc)).toEqual([{ text: 'The fund will run dry by March', speaker: 'Arun Mehta' }]);
  });

  it('stops before ", and" with a clause of its own and before a horizontal bar; goes on with ", and that …"', () => {
    const doc = run([
      'The central bank announced Tuesday that it would cut its forecast for growth this year, and the cut is weighing on markets across the region.',
      'Trade Minister Ilse Baumann noted that exports had fallen ― a drop the ministry blamed on the strike ― in every month of the spring.',
      'Finance Minister Arun Mehta said that the budget would balance, and that the deficit would shrink by March.',
    ].join('\n\n'));
    const texts = reported(doc).map((q) => q.text);
    expect(texts).toContain('that it would cut its forecast for growth this year');
    expect(texts).toContain('that exports had fallen');
    expect(texts).toContain('that the budget would balance, and that the deficit would shrink by March');
  });

  it('keeps ", but only if …" with the report, and stops before ", citing …"', () => {
    const doc = run('Foreign Minister Chidi Okafor said his country was ready to send troops, but only if talks failed.\n\nEconomy Minister Lena Brandt said prices would fall, citing lower fuel costs.');
    const texts = reported(doc).map((q) => q.text);
    expect(texts).toContain('his country was ready to send troops, but only if talks failed');
    expect(texts).toContain('prices would fall');
  });

  it('ends a report inside a "when" clause at its comma', () => {
    const doc = run('When Senator Ruth Ellery noted that the vote had failed, the chamber fell silent.');
    expect(reported(doc)).toEqual([{ text: 'that the vote had failed', speaker: 'Ruth Ellery' }]);
  });

  it('reads a state of mind with a that-clause', () => {
    const doc = run('Trade Commissioner Marta Quist was confident that a deal would be signed before June.');
    expect(reported(doc)).toEqual([{ text: 'that a deal would be signed before June', speaker: 'Marta Quist' }]);
  });

  it('reads a reported question after "asked", past the one asked', () => {
    const doc = run('Foreign Minister Karel Novak asked reporters whether the council would vote before June.');
    expect(reported(doc)).toEqual([{ text: 'whether the council would vote before June', speaker: 'Karel Novak' }]);
  });
});

describe('past the words between verb and report', () => {
  it('skips "on Friday" before a clause without "that"', () => {
    const doc = run('Foreign Minister Karel Novak confirmed on Friday it had received the proposal.');
    expect(reported(doc)).toEqual([{ text: 'it had received the proposal', speaker: 'Karel Novak' }]);
  });

  it('reads a gerund after "warned … against"', () => {
    const doc = run('Defence Minister Lena Brandt warned allies against cutting their budgets.');
    expect(reported(doc)).toEqual([{ text: 'cutting their budgets', speaker: 'Lena Brandt' }]);
  });

  it('leaves "while" out of the speaker', () => {
    const doc = run('The minister insisted there was no deal, while his deputy acknowledged that talks continued.');
    expect(doc.quotes.map((q) => doc.text.slice(q.speakerSpan!.start, q.speakerSpan!.end))).toEqual(['The minister', 'his deputy']);
  });
});

describe('several cues in one sentence', () => {
  it('reads "made clear" after a verb whose object is only a thing named', () => {
    const doc = run('The council agreed to the extension after Foreign Minister Anne Roux made clear the mandate would end.');
    expect(reported(doc)).toEqual([{ text: 'the mandate would end', speaker: 'Anne Roux' }]);
  });

  it('keeps "and wanted …" inside the report', () => {
    const doc = run('Foreign Minister Esi Mensah told journalists her government had not decided and wanted a clear mandate first.');
    expect(reported(doc)).toEqual([{ text: 'her government had not decided and wanted a clear mandate first', speaker: 'Esi Mensah' }]);
  });

  it('strips a dateline with a date', () => {
    const doc = run('Turkey floats plan\n\nISTANBUL, April 2 – Turkey has proposed reviving the grain deal, Foreign Minister Selim Aydin said on Thursday, arguing that a truce was near.');
    expect(reported(doc)[0]).toEqual({ text: 'Turkey has proposed reviving the grain deal', speaker: 'Selim Aydin' });
  });
});

describe('reports next to quotations', () => {
  it('reads a report that follows a quoted sentence', () => {
    const doc = run('“We will not sign.” The ministry said later that talks would resume in May.');
    expect(reported(doc)).toEqual([{ text: 'that talks would resume in May', speaker: 'ministry' }]);
  });
});

describe('cues that open the sentence', () => {
  it('reads "As X noted, …"', () => {
    const doc = run('As Foreign Minister Ines Moura noted on Monday, the border will stay closed until spring.');
    expect(reported(doc)).toEqual([{ text: 'the border will stay closed until spring', speaker: 'Ines Moura' }]);
  });

  it('ends a report before ", and when …"', () => {
    const doc = run('Senator Ruth Ellery said the bill would fail, and when pressed on the reasons, she left.');
    expect(reported(doc)[0]).toEqual({ text: 'the bill would fail', speaker: 'Ruth Ellery' });
  });
});

describe('what is not a report', () => {
  it('does not read a passive at the end of a sentence as a cue', () => {
    const doc = run('Despite two failed launches this year, the programme has barely been mentioned in the campaign.');
    expect(reported(doc)).toEqual([]);
  });

  it('does not report a headline’s summary, but does the body’s report', () => {
    const doc = run('Norway says it will join the coalition\n\nOSLO — Norway will join the air-defence coalition, Defence Minister Ines Moura said on Friday.');
    expect(reported(doc)).toEqual([{ text: 'Norway will join the air-defence coalition', speaker: 'Ines Moura' }]);
  });

  it('does not take "agreed to the extension" for a report', () => {
    const doc = run('France agreed to the final extension after a long night of talks.');
    expect(reported(doc)).toEqual([]);
  });

  it('does not take where someone spoke for what they said', () => {
    const doc = run('The senator spoke at a gathering of farmers in Iowa.');
    expect(reported(doc)).toEqual([]);
  });
});

describe('who "he" is', () => {
  it('never resolves a pronoun to the byline', () => {
    const doc = run('Ceasefire talks stall\n\nBy Jane Miller\n\nTalks on a ceasefire stalled on Monday.\n\n“We are not there yet,” he said.');
    expect(doc.quotes.map((q) => (q.speaker === null ? null : doc.actors[q.speaker].name))).not.toContain('Jane Miller');
  });
});
