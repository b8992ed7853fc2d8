import { describe, expect, it } from 'vitest';
import { newDoc, type Doc } from '../doc.js';
import { EMPTY_KNOWLEDGE } from '../knowledge.js';
import { children, clauseHead, conjuncts, dependents, forgetChildren, isNegated, isRel, subjects } from './tree.js';

/** A document whose tokens are `words` "form/POS/head/rel" (head: 1-based word number, 0 for the root), one space apart. */
function tree(spec: string): Doc {
  const words = spec.split(' ');
  const text = words.map((w) => w.split('/')[0]).join(' ');
  const doc = newDoc({ id: 't', date: null, title: null, url: null, source: null, file: null, language: 'en', text }, text, EMPTY_KNOWLEDGE);
  let at = 0;
  doc.tokens = words.map((w, i) => {
    const [form, pos, head, rel] = w.split('/');
    const t = { i, start: at, end: at + form.length, text: form, lower: form.toLowerCase(), lemma: form.toLowerCase(), pos, sentence: 0, head: Number(head) - 1, rel };
    at += form.length + 1;
    return t;
  });
  doc.sentences = [{ i: 0, start: 0, end: text.length, first: 0, last: words.length - 1, paragraph: 0 }];
  return doc;
}

// "France , Spain and Italy rejected the plan and did not sign it ."
const LIST = tree([
  'France/PROPN/6/nsubj', ',/PUNCT/3/punct', 'Spain/PROPN/1/conj', 'and/CCONJ/5/cc', 'Italy/PROPN/1/conj',
  'rejected/VERB/0/root', 'the/DET/8/det', 'plan/NOUN/6/obj', 'and/CCONJ/12/cc', 'did/AUX/12/aux', 'not/PART/12/advmod',
  'sign/VERB/6/conj', 'it/PRON/12/obj', './PUNCT/6/punct',
].join(' '));

describe('tree helpers', () => {
  it('children lists each token\'s dependents in text order', () => {
    expect(children(LIST, 5)).toEqual([0, 7, 11, 13]);
    expect(children(LIST, 0)).toEqual([2, 4]);
    expect(children(LIST, 6)).toEqual([]);
  });

  it('dependents match a relation and its subtypes, not the other way round', () => {
    expect(dependents(LIST, 5, 'obj')).toEqual([7]);
    expect(dependents(LIST, 11, 'advmod')).toEqual([10]);
    expect(isRel('nsubj:pass', 'nsubj')).toBe(true);
    expect(isRel('nsubj', 'nsubj:pass')).toBe(false);
    expect(isRel('nsubjx', 'nsubj')).toBe(false);
  });

  it('conjuncts give the whole coordination from any of its members', () => {
    expect(conjuncts(LIST, 0)).toEqual([0, 2, 4]);
    expect(conjuncts(LIST, 4)).toEqual([0, 2, 4]);
    expect(conjuncts(LIST, 7)).toEqual([7]);
  });

  it('subjects expand coordinated subjects and reach across coordinated verbs', () => {
    expect(subjects(LIST, 5)).toEqual([0, 2, 4]);
    expect(subjects(LIST, 11)).toEqual([0, 2, 4]);
    expect(subjects(LIST, 7)).toEqual([]);
  });

  it('passive subjects count as subjects', () => {
    const doc = tree('The/DET/2/det plan/NOUN/4/nsubj:pass was/AUX/4/aux:pass rejected/VERB/0/root by/ADP/6/case Hungary/PROPN/4/obl:agent');
    expect(subjects(doc, 3)).toEqual([1]);
    expect(dependents(doc, 3, 'obl')).toEqual([5]);
    expect(dependents(doc, 3, 'obl:agent')).toEqual([5]);
  });

  it('clauseHead climbs to the verb of the clause, stopping at clausal dependents and conjoined verbs', () => {
    expect(clauseHead(LIST, 7)).toBe(5);
    expect(clauseHead(LIST, 12)).toBe(11);
    expect(clauseHead(LIST, 4)).toBe(5);
    const doc = tree('Austria/PROPN/2/nsubj said/VERB/0/root it/PRON/4/nsubj would/AUX/5/aux veto/VERB/2/ccomp the/DET/7/det deal/NOUN/5/obj');
    expect(clauseHead(doc, 6)).toBe(4);
    expect(clauseHead(doc, 0)).toBe(1);
  });

  it('isNegated finds not, never and a subject or object determined by no', () => {
    expect(isNegated(LIST, 11)).toBe(true);
    expect(isNegated(LIST, 5)).toBe(false);
    expect(isNegated(tree('They/PRON/2/nsubj have/VERB/0/root no/DET/4/det plans/NOUN/2/obj'), 1)).toBe(true);
    expect(isNegated(tree('No/DET/2/det country/NOUN/3/nsubj objected/VERB/0/root'), 2)).toBe(true);
    expect(isNegated(tree('Greece/PROPN/3/nsubj never/ADV/3/advmod signed/VERB/0/root'), 2)).toBe(true);
    expect(isNegated(tree('Greece/PROPN/3/nsubj quickly/ADV/3/advmod signed/VERB/0/root'), 2)).toBe(false);
  });

  it('children follow heads changed after a reset', () => {
    const doc = tree('Oslo/PROPN/2/nsubj agreed/VERB/0/root ./PUNCT/2/punct');
    expect(children(doc, 1)).toEqual([0, 2]);
    doc.tokens[2].head = 0;
    forgetChildren(doc.tokens);
    expect(children(doc, 1)).toEqual([0]);
    expect(children(doc, 0)).toEqual([2]);
  });
});
