// Tests for names listed under one plural title.
import { describe, expect, it } from 'vitest';
import { actorOf, run } from './test-helpers.js';

describe('names sharing a title', () => {
  it('gives the countries before "counterparts" to the names in order', () => {
    const doc = run('Austria’s Karl Weber met his Czech and Slovak counterparts, Petr Dvorak and Jan Hruby, who said the plan was sound.');
    expect(actorOf(doc, 'person:petr-dvorak')?.represents).toBe('country:CZE');
    expect(actorOf(doc, 'person:jan-hruby')?.represents).toBe('country:SVK');
  });
  it('reads "foreign ministers X of Spain and Y of Portugal"', () => {
    const doc = run('Foreign ministers Lucia Mora of Spain and Tiago Lopes of Portugal said they backed the deal.');
    expect(actorOf(doc, 'person:lucia-mora')?.represents).toBe('country:ESP');
    expect(actorOf(doc, 'person:tiago-lopes')?.represents).toBe('country:PRT');
  });
  it('keeps a counterpart with their own country, not their host’s', () => {
    const doc = run('Spain’s Lucia Mora and her Portuguese counterpart Tiago Lopes said the deal was fair.');
    expect(actorOf(doc, 'person:tiago-lopes')?.represents).toBe('country:PRT');
  });
});
