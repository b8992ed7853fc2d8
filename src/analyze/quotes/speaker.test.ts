import { describe, expect, it } from 'vitest';
import { newDoc, type Doc } from '../doc.js';
import { EMPTY_KNOWLEDGE } from '../knowledge.js';
import { tokenize } from '../tokenize/tokenize.js';
import { actors } from '../actors/actors.js';
import { quotes } from './quotes.js';

/** Runs tokenize, actors and quotes, as the pipeline does. */
function run(text: string): Doc {
  const doc = newDoc({ id: 't', date: null, title: null, url: null, source: null, file: null, language: 'en', text }, text, EMPTY_KNOWLEDGE);
  tokenize.run(doc);
  actors.run(doc);
  quotes.run(doc);
  return doc;
}

const speakerOf = (doc: Doc, words: string) => {
  const q = doc.quotes.find((x) => doc.text.slice(x.start, x.end).includes(words));
  return q && q.speaker !== null ? doc.actors[q.speaker] : null;
};

describe('speakers named by a role', () => {
  it('gives "its minister" to the country "its" stands for, not to the last person named', () => {
    const doc = run('Polish Foreign Minister Anna Kowalczyk backed the plan on Monday.\n\nHungary was more cautious. Its deputy foreign minister said the plan needed more work.');
    expect(speakerOf(doc, 'needed more work')?.key).toBe('country:HUN');
  });

  it('gives "Sudan’s U.N. ambassador" to Sudan rather than to the United Nations', () => {
    const doc = run('Sudan’s U.N. ambassador said the government had not been consulted.');
    expect(speakerOf(doc, 'not been consulted')?.key).toBe('country:SDN');
  });

  it('keeps a source apart from the organisation named after it', () => {
    const doc = run('The talks will resume next week, a source close to the EU negotiators said.');
    expect(speakerOf(doc, 'talks will resume')).toMatchObject({ kind: 'group' });
  });

  it('takes the name set off by commas after a role: "said Lithuania’s Foreign Minister, Jane Roe, who …"', () => {
    const doc = run('“The door is open,” said Lithuania’s Foreign Minister, Rasa Valaityte, who chaired the meeting.');
    expect(speakerOf(doc, 'door is open')?.name).toBe('Rasa Valaityte');
  });

  it('prefers the person to the country in "U.S. deputy ambassador Jane Roe"', () => {
    const doc = run('“This is the least we owe them,” U.S. deputy ambassador Michael Brandt said after the vote.');
    expect(speakerOf(doc, 'least we owe')?.name).toBe('Michael Brandt');
  });

  it('gives a partial quote after "adding that" to the one who spoke, not to a body named in the quotation', () => {
    const doc = run('“Without a UN mandate, our soldiers will not go,” Defence Minister Paolo Ferri told the committee, adding that Rome was “not against the idea”.');
    expect(speakerOf(doc, 'not against the idea')?.name).toBe('Paolo Ferri');
  });
});

describe('a person\'s office', () => {
  it('gives "X\'s office said" to the body X speaks for', () => {
    const doc = run('Portuguese President Rui Dantas met farmers on Monday.\n\nPortugal will not sign the deal in its current form, Dantas’s office said in a statement, adding that the clause was “a promise, not a protection”.');
    expect(speakerOf(doc, 'a promise, not')?.key).toBe('country:PRT');
  });

  it('keeps a person who speaks for nobody named: "X\'s spokesman said" stays X', () => {
    const doc = run('The novelist Ada Brook was not at the launch. “She is resting,” Brook’s spokesman said.');
    expect(speakerOf(doc, 'She is resting')?.name).toBe('Ada Brook');
  });
});

describe('the subject of the speech verb', () => {
  it('takes the named head of a long appositive chain after the quote, brackets and all', () => {
    const doc = run('“The ministry broke the rules,” Rep. Nora Falk (D-Ore.), a member of the oversight panel, said in an interview.');
    expect(speakerOf(doc, 'broke the rules')?.name).toBe('Nora Falk');
  });

  it('reads past an appositive holding a clause of its own', () => {
    const doc = run('“The plant will close,” Tomas Rieder, the mayor of Eastfield, one of the towns suing the company, told reporters.');
    expect(speakerOf(doc, 'plant will close')?.name).toBe('Tomas Rieder');
  });

  it('gives the words to the person after a possessive, not to the one whose relative she is', () => {
    const doc = run('Senator Paul Venn spoke first. “This is our year!” Venn’s niece, state Rep. Ada “Addie” Moss (D-Akron), shouted to the crowd.');
    // (The nickname in quotation marks cuts the name: the first name is what is found.)
    expect(speakerOf(doc, 'our year')?.name).toMatch(/^Ada\b/);
  });

  it('does not read "press" in a title as the speech verb', () => {
    const doc = run('“We remain open to talks,” Harbour Council press secretary Lena Ostrova said on Monday.');
    expect(speakerOf(doc, 'open to talks')?.name).toBe('Lena Ostrova');
  });

  it('keeps the writer apart from the outlet written for', () => {
    const doc = run('“The effect of the debate is small,” wrote Ivo Brandt for Polling Weekly.');
    expect(speakerOf(doc, 'effect of the debate')?.name).toBe('Ivo Brandt');
  });

  it('takes the head of the chain before a comma and the verb in reported speech', () => {
    const doc = run('Karl Menz, president of the Dockworkers Union, which represents Portsmouth crews, said he hopes the strike ends soon.');
    const q = doc.quotes.find((x) => x.kind === 'indirect');
    expect(q && q.speaker !== null ? doc.actors[q.speaker].name : null).toBe('Karl Menz');
  });

  it('leaves a quote that ends its sentence to the words before it, not to a verb after it', () => {
    const doc = run('Mayor Lena Holt said the council would “not be able to commit to a date.” On the other hand, the city, short of funds, announced a delay.');
    expect(speakerOf(doc, 'commit to a date')?.name).toBe('Lena Holt');
  });
});

describe('a quotation that ends its sentence', () => {
  it('is not given to the subject of the next sentence when that sentence reports words of its own', () => {
    const doc = run('Governments across the region reacted on Friday. Japan called the regime an “outlaw state in the neighbourhood.” Russia insisted that the north “end its dangerous games.”');
    expect(speakerOf(doc, 'outlaw state')?.key).toBe('country:JPN');
    expect(speakerOf(doc, 'dangerous games')?.key).toBe('country:RUS');
  });

  it('still goes to a bare "X said." after it', () => {
    const doc = run('Nora Falk and Tomas Rieder both spoke. “We will not give up.” Rieder said.');
    expect(speakerOf(doc, 'not give up')?.name).toBe('Tomas Rieder');
  });
});

describe('an opening participle clause', () => {
  it('reads "Speaking in Lisbon, X said" as X', () => {
    const doc = run('Speaking to reporters in Lisbon, Foreign Minister Rui Dantas said the plan was “dead on arrival”.');
    expect(speakerOf(doc, 'dead on arrival')?.name).toBe('Rui Dantas');
  });
});

describe('a document as the speaker', () => {
  it('reads "“…,” the letter reads" as the letter\'s words', () => {
    const doc = run('Parents wrote to the school board on Monday. “We see our children thriving in these schools,” the letter reads.');
    const q = doc.quotes.find((x) => doc.text.slice(x.start, x.end).includes('thriving'));
    expect(q?.speakerSpan && doc.text.slice(q.speakerSpan.start, q.speakerSpan.end)).toBe('the letter');
  });
});

