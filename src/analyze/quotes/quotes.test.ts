import { describe, expect, it } from 'vitest';
import { newDoc, type Doc } from '../doc.js';
import { EMPTY_KNOWLEDGE } from '../knowledge.js';
import { tokenize } from '../tokenize/tokenize.js';
import { quotes } from './quotes.js';

/** Runs tokenize and quotes only: the speakers come from the stage's own fallback, not from the actors stage. */
function run(text: string): Doc {
  const doc = newDoc({ id: 't', date: null, title: null, url: null, source: null, file: null, language: 'en', text }, text, EMPTY_KNOWLEDGE);
  tokenize.run(doc);
  quotes.run(doc);
  return doc;
}

const view = (doc: Doc) => doc.quotes.map((q) => ({
  kind: q.kind,
  text: doc.text.slice(q.start, q.end),
  speaker: q.speaker === null ? null : doc.actors[q.speaker].name,
}));

describe('direct and partial quotes', () => {
  it('attributes a quote to the speaker named after it, and the next quote to the same speaker', () => {
    const doc = run('Finance Minister Helga Brandt spoke in Oslo on Monday.\n\n“We will not sign this deal,” Brandt said. “Not now, not ever.”');
    expect(view(doc)).toEqual([
      { kind: 'direct', text: 'We will not sign this deal,', speaker: 'Helga Brandt' },
      { kind: 'direct', text: 'Not now, not ever.', speaker: 'Helga Brandt' },
    ]);
    const q = doc.quotes[0];
    expect(doc.text.slice(q.cue!.start, q.cue!.end)).toBe('said');
    expect(doc.text.slice(q.speakerSpan!.start, q.speakerSpan!.end)).toBe('Brandt');
  });

  it('reads "said X" after the quote and "X said:" before it', () => {
    const doc = run('“The talks are over,” said Tomas Varga, the chief negotiator.\n\nRival envoy Ines Moura said: “They are not over until we say so.”');
    expect(view(doc).map((q) => q.speaker)).toEqual(['Tomas Varga', 'Ines Moura']);
  });

  it('resolves a pronoun to the person the previous sentence is about', () => {
    const doc = run('Prime Minister Lena Okafor met the union leaders on Tuesday.\n\n“This strike has to end,” she said.');
    expect(view(doc)[0]).toEqual({ kind: 'direct', text: 'This strike has to end,', speaker: 'Lena Okafor' });
    const pronoun = doc.quotes[0].speakerSpan!;
    expect(doc.text.slice(pronoun.start, pronoun.end)).toBe('she');
  });

  it('marks a fragment woven into the sentence as partial', () => {
    const doc = run('Senator Paul Ridley said the plan was “dead on arrival” and left the chamber.');
    expect(view(doc).find((q) => q.kind === 'partial')).toEqual({ kind: 'partial', text: 'dead on arrival', speaker: 'Paul Ridley' });
  });

  it('gives a quote paragraph without a cue to the last speaker', () => {
    const doc = run('“We need more time,” said Marta Quist, the trade commissioner.\n\n“Nobody should expect a deal this week.”');
    expect(view(doc).map((q) => q.speaker)).toEqual(['Marta Quist', 'Marta Quist']);
  });

  it('gives every paragraph of a quote running over paragraphs the speaker named at its end', () => {
    const doc = run('Officials met in Geneva.\n\n“The first point is money.\n\n“The second point is trust,” said Arun Mehta.');
    expect(view(doc).map((q) => [q.text, q.speaker])).toEqual([
      ['The first point is money.', 'Arun Mehta'],
      ['The second point is trust,', 'Arun Mehta'],
    ]);
  });

  it('skips titles and scare quotes that nobody is said to have said', () => {
    const doc = run('She appeared on “Morning Report” on Sunday. The so-called “reset” never came.');
    expect(doc.quotes).toEqual([]);
  });

  it('credits an unnamed source as a group', () => {
    const doc = run('“The decision has been made,” a senior official said.');
    const [q] = doc.quotes;
    expect(doc.actors[q.speaker!]).toMatchObject({ kind: 'group', key: 'group:senior-official' });
  });
});

describe('indirect quotes', () => {
  it('takes the reported clause after the verb, keeping "that" and leaving out the full stop', () => {
    const doc = run('Defence Minister Karel Novak said on Friday that the brigade would stay until spring.');
    expect(view(doc)).toEqual([{ kind: 'indirect', text: 'that the brigade would stay until spring', speaker: 'Karel Novak' }]);
  });

  it('takes the clause before a closing cue, with an unnamed group as speaker', () => {
    const doc = run('The convoy was turned back at the border, officials said.');
    const [q] = doc.quotes;
    expect(view(doc)[0].text).toBe('The convoy was turned back at the border');
    expect(doc.actors[q.speaker!]).toMatchObject({ kind: 'group', key: 'group:officials' });
  });

  it('reads "according to"', () => {
    const doc = run('According to the ministry, the talks will resume in May.');
    expect(view(doc)[0]).toMatchObject({ kind: 'indirect', text: 'the talks will resume in May' });
  });

  it('skips the listener of "told"', () => {
    const doc = run('Helga Brandt told reporters the offer was final.');
    expect(view(doc)[0]).toEqual({ kind: 'indirect', text: 'the offer was final', speaker: 'Helga Brandt' });
  });

  it('attributes a report to the outlet that made it', () => {
    const doc = run('The Morning Herald reported that the minister had resigned.');
    const [q] = doc.quotes;
    expect(doc.actors[q.speaker!]).toMatchObject({ kind: 'organization', name: 'The Morning Herald' });
  });

  it('does not report the words of a quotation again as indirect speech', () => {
    const doc = run('Karel Novak said: “The brigade stays.”');
    expect(view(doc).map((q) => q.kind)).toEqual(['direct']);
  });
});

describe('reported clauses and what they are not', () => {
  it('keeps a partial quote inside the reported clause, and reports both', () => {
    const doc = run('Foreign Minister Ines Moura said the bloc “cannot wait forever” for an answer.');
    expect(view(doc)).toEqual([
      { kind: 'indirect', text: 'the bloc “cannot wait forever” for an answer', speaker: 'Ines Moura' },
      { kind: 'partial', text: 'cannot wait forever', speaker: 'Ines Moura' },
    ]);
  });

  it('does not report a quoted sentence again as indirect speech', () => {
    const doc = run('Ines Moura said: “The bloc cannot wait forever.”');
    expect(view(doc).map((q) => q.kind)).toEqual(['direct']);
  });

  it('does not take the object of a verb of taking a position for reported words', () => {
    const doc = run('Finance Minister Karel Novak rejected a new round of sanctions. His deputy backed stronger border controls.');
    expect(doc.quotes).toEqual([]);
  });

  it('does not take a thing named as the object of a verb for reported words', () => {
    const doc = run('Prime Minister Lena Okafor rejected the idea on Monday. Her deputy welcomed the decision.');
    expect(doc.quotes).toEqual([]);
  });
});

describe('more cues', () => {
  it('reads reported speech led by a noun with its owner', () => {
    const doc = run('Karel Novak’s claim that the border was closed angered the farmers.');
    expect(view(doc)).toEqual([{ kind: 'indirect', text: 'that the border was closed angered the farmers', speaker: 'Karel Novak' }]);
  });

  it('gives a participle the subject of the clause it hangs on', () => {
    const doc = run('Ines Moura left the summit early, saying the talks had failed.');
    expect(view(doc)).toEqual([{ kind: 'indirect', text: 'the talks had failed', speaker: 'Ines Moura' }]);
  });

  it('takes a quote signed with a name and no verb', () => {
    const doc = run('Readers wrote in.\n\n“We want the bridge rebuilt.” ― Amal Haddad\n\n“Fix the roads first.” ― Piet de Vries');
    expect(view(doc).map((q) => q.speaker)).toEqual(['Amal Haddad', 'Piet de Vries']);
  });

  it('does not take the time after "said" for what was said', () => {
    const doc = run('“The vote is lost,” Senator Ruth Ellery said Friday afternoon.');
    expect(view(doc)).toEqual([{ kind: 'direct', text: 'The vote is lost,', speaker: 'Ruth Ellery' }]);
  });
});

describe('reported speech in longer forms', () => {
  it('finds the subject past auxiliaries and adverbs', () => {
    const doc = run('The harbour will stay closed until March, port officials have repeatedly said.');
    expect(view(doc)[0]).toMatchObject({ kind: 'indirect', text: 'The harbour will stay closed until March' });
    expect(doc.actors[doc.quotes[0].speaker!].kind).toBe('group');
  });

  it('reads "made it clear"', () => {
    const doc = run('Chancellor Irma Falk made it clear that no troops would be sent.');
    expect(view(doc)).toEqual([{ kind: 'indirect', text: 'that no troops would be sent', speaker: 'Irma Falk' }]);
  });

  it('takes the unquoted paragraph after "X added:"', () => {
    const doc = run('Senator Joan Pike spoke after the vote.\n\nPike added:\n\nThe budget is dead and everyone in this building knows it.');
    expect(view(doc).at(-1)).toEqual({ kind: 'indirect', text: 'The budget is dead and everyone in this building knows it', speaker: 'Joan Pike' });
  });
});

describe('titles by their place', () => {
  it('skips a show title after "on" even next to a speech verb', () => {
    const doc = run('Senator Ruth Ellery said on “Face the Nation” that the bill was dead.');
    expect(view(doc).filter((q) => q.kind !== 'indirect')).toEqual([]);
  });
});
