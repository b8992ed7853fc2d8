import { describe, expect, it } from 'vitest';
import { KnowledgeLog } from './knowledge-log.js';

const smit = { key: 'person:jan-smit', name: 'Jan Smit', role: 'minister', country: 'NLD', organization: null, represents: 'country:NLD', aliases: ['Smit'] };

describe('KnowledgeLog', () => {
  it('counts a change only when what the analyser would read changes', () => {
    const log = new KnowledgeLog();
    log.learn([smit]);
    expect(log.version).toBe(1);
    log.learn([smit]); // the same again: nothing new to read
    expect(log.version).toBe(1);
    log.learn([{ ...smit, role: 'prime minister' }]);
    expect(log.version).toBe(2);
  });

  it('calls an analysis stale only for a text that names a changed entry', () => {
    const log = new KnowledgeLog();
    const v = log.version;
    log.learn([smit]);
    expect(log.staleFor('The Dutch minister,\nJan   Smit, said no.', v)).toBe(true);
    expect(log.staleFor('Smit said no.', v)).toBe(true);
    expect(log.staleFor('Norway said no.', v)).toBe(false);
    expect(log.staleFor('Ms Smith said no.', v)).toBe(false); // "smit" only inside another word
    expect(log.staleFor('Smithsonian staff and Smit agreed.', v)).toBe(true);
    expect(log.staleFor('Smit said no.', log.version)).toBe(false);
  });
});
