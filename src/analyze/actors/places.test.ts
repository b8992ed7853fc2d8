// Tests of countries, organisations, seats of government and legislatures found in text.
import { describe, expect, it } from 'vitest';
import { actorOf, mentionTexts, run } from './test-helpers.js';

describe('countries', () => {
  it('finds names, short forms and demonyms', () => {
    const doc = run('The UK and the U.S. backed Türkiye, while Britain and America warned Turkey. Dutch and Polish officials met.');
    expect(mentionTexts(doc, 'country:GBR')).toEqual(['UK', 'Britain']);
    expect(mentionTexts(doc, 'country:USA')).toEqual(['U.S.', 'America']);
    expect(mentionTexts(doc, 'country:TUR')).toEqual(['Türkiye', 'Turkey']);
    expect(mentionTexts(doc, 'country:NLD')).toEqual(['Dutch']);
    expect(actorOf(doc, 'country:POL')?.represents).toBe('country:POL');
  });

  it('reads seats of government as the government, but not a city that is only a place', () => {
    const doc = run('The Kremlin rejected the plan. Washington said it would wait. The minister flew to Moscow on Monday. Downing Street declined to comment.');
    expect(mentionTexts(doc, 'country:RUS')).toEqual(['Kremlin']);
    expect(mentionTexts(doc, 'country:USA')).toEqual(['Washington']);
    expect(mentionTexts(doc, 'country:GBR')).toEqual(['Downing Street']);
  });

  it('does not read lower-case words or parts of other names as countries', () => {
    const doc = run('Let us talk about turkey and chad. Rep. Jim Jordan spoke. Latin America watched.');
    expect(actorOf(doc, 'country:USA')).toBeUndefined();
    expect(actorOf(doc, 'country:TUR')).toBeUndefined();
    expect(actorOf(doc, 'country:JOR')).toBeUndefined();
  });

  it('extends a country mention over its government', () => {
    const doc = run("The Polish government and Russia's foreign ministry disagreed.");
    expect(mentionTexts(doc, 'country:POL')).toEqual(['The Polish government']);
    expect(mentionTexts(doc, 'country:RUS')).toEqual(["Russia's foreign ministry"]);
  });

  it('makes plural nationals a group, not the government', () => {
    const doc = run('Many Americans oppose the deal.');
    expect(actorOf(doc, 'country:USA')).toBeUndefined();
    expect(actorOf(doc, 'group:americans')?.country).toBe('USA');
  });
});

describe('organisations', () => {
  it('finds names, acronyms and phrases referring back to a named organisation', () => {
    const doc = run('Nato allies met. The alliance said no. The UN Security Council met, and the council voted. The bloc waited.');
    expect(mentionTexts(doc, 'org:NATO')).toEqual(['Nato', 'The alliance']);
    expect(mentionTexts(doc, 'org:UNSC')).toEqual(['UN Security Council', 'the council']);
    expect(actorOf(doc, 'org:EU')).toBeUndefined();
    expect(actorOf(doc, 'org:NATO')?.represents).toBe('org:NATO');
  });

  it('reads the US-led alliance as NATO even when first', () => {
    const doc = run('The US-led alliance is split.');
    expect(mentionTexts(doc, 'org:NATO')).toEqual(['The US-led alliance']);
  });

  it('reads Brussels as the EU only when the EU is named and Brussels acts', () => {
    const doc = run('The European Union met in Brussels. Brussels says the plan is sound.');
    expect(mentionTexts(doc, 'org:EU')).toEqual(['European Union', 'Brussels']);
  });

  it('keeps the European Commission apart from the Union', () => {
    const doc = run('The European Commission proposed it and the EU Council agreed.');
    expect(mentionTexts(doc, 'org:EC')).toEqual(['European Commission']);
    expect(mentionTexts(doc, 'org:EU')).toEqual(['EU Council']);
  });
});

describe('legislatures and national councils', () => {
  it("reads a country's parliament as the country, and a national security council as no UN body", () => {
    const doc = run("The Turkish parliament ratified the bid after the Riksdag voted. Russia's Security Council met; the UN Security Council did not.");
    expect(mentionTexts(doc, 'country:TUR')).toEqual(['The Turkish parliament']);
    expect(mentionTexts(doc, 'country:SWE')).toEqual(['Riksdag']);
    expect(mentionTexts(doc, 'org:UNSC')).toEqual(['UN Security Council']);
  });
});
