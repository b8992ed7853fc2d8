import { describe, expect, it } from 'vitest';
import { personKey, slugify } from './slug.js';

describe('slugify', () => {
  it('folds accents and special letters to ASCII', () => {
    expect(slugify('François Bausch')).toBe('francois-bausch');
    expect(slugify('Jarosław Kaczyński')).toBe('jaroslaw-kaczynski');
    expect(slugify('Ulf Kristersson')).toBe('ulf-kristersson');
  });
  it('drops apostrophes and collapses punctuation', () => {
    expect(slugify("Beto O'Rourke")).toBe('beto-orourke');
    expect(slugify('  Vassily  A. Nebenzia ')).toBe('vassily-a-nebenzia');
  });
  it('builds person keys', () => {
    expect(personKey('Kalle Laanet')).toBe('person:kalle-laanet');
  });
});
