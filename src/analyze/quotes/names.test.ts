import { describe, expect, it } from 'vitest';
import { allNames, indexNames } from './names.js';

describe('indexNames', () => {
  it('strips titles and possessives and indexes surnames', () => {
    const text = 'Defence Minister Anna Kowalczyk met Norway’s Erik Lindqvist. Later Kowalczyk left.';
    const idx = indexNames(text);
    const names = allNames(idx).map((r) => r.name);
    expect(names).toContain('Anna Kowalczyk');
    expect(names).toContain('Erik Lindqvist');
    expect(idx.full.get('kowalczyk')).toBe('Anna Kowalczyk');
  });

  it('marks outlets and institutions as organisation-like', () => {
    const idx = indexNames('The Evening Post reported it. The Ministry of Defence agreed.');
    const post = allNames(idx).find((r) => r.name.includes('Post'));
    expect(post?.outlet).toBe(true);
    expect(post?.name).toBe('The Evening Post');
    expect(allNames(idx).find((r) => r.name === 'Ministry')?.orgLike).toBe(true);
  });

  it('keeps name particles', () => {
    const idx = indexNames('Commissioner Maria van der Berg spoke.');
    expect(allNames(idx).map((r) => r.name)).toContain('Maria van der Berg');
  });

  it('drops a capitalised dateline and treats an acronym as an organisation', () => {
    const idx = indexNames('ISTANBUL — The talks opened on Monday. UNICEF said the camps were full.');
    const names = allNames(idx);
    expect(names.find((r) => r.name === 'ISTANBUL')).toBeUndefined();
    expect(names.find((r) => r.name === 'UNICEF')?.orgLike).toBe(true);
  });
});
