import { describe, expect, it } from 'vitest';
import { analyze } from '../analyze/index.js';
import { KnowledgeBuilder } from '../analyze/knowledge.js';
import { KnowledgeLog, RETAINED_CHANGES } from './knowledge-log.js';
import { RecordingKnowledge } from './recording-knowledge.js';

const smit = { key: 'person:jan-smit', name: 'Jan Smit', role: 'minister', country: 'NLD', organization: null, represents: 'country:NLD', aliases: ['Smit'] };
const article = (text: string) => ({ id: 'a', text, date: '2025-03-01', title: null, url: null, source: null, file: null, language: 'en' });

/** What the analyser looks up in an (empty) snapshot while it reads `text`. */
function lookupsOf(text: string): string[] | null {
  const k = new RecordingKnowledge(new KnowledgeBuilder());
  analyze(article(text), k);
  return k.lookups();
}

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

  it('calls an analysis stale only when it looked up a changed entry', () => {
    const log = new KnowledgeLog();
    const v = log.version;
    log.learn([smit]);
    expect(log.staleFor(['smit', 'norway'], v)).toBe(true);
    expect(log.staleFor(['jan smit'], v)).toBe(true);
    expect(log.staleFor(['smith', 'norway'], v)).toBe(false);
    expect(log.staleFor([], v)).toBe(false);
    expect(log.staleFor(null, v)).toBe(true); // read the whole snapshot
    expect(log.staleFor(['smit'], log.version)).toBe(false); // analysed with the current knowledge
  });

  it('sees the analyser look up the names a text gives, and not its plain words', () => {
    const looked = lookupsOf('The Dutch minister, Jan Smit, said on Monday that the plan may fail. Smit added that talks would go on.');
    expect(looked).not.toBeNull();
    expect(looked).toEqual(expect.arrayContaining(['jan smit']));
    expect(looked).not.toContain('may');
    expect(lookupsOf('Norway said no.')).not.toContain('jan smit');
  });

  it('gives the same analysis under any snapshot that agrees on the keys looked up', () => {
    const text = 'Smit said on Monday that the Netherlands would back the patrol. Mr Berg, the Swedish envoy, said it was too early.';
    const k = new RecordingKnowledge(new KnowledgeBuilder());
    const before = analyze(article(text), k).record;
    const log = new KnowledgeLog();
    log.learn([{ ...smit, key: 'person:anna-lind', name: 'Anna Lind', aliases: ['Lind'] }]); // not named: not looked up
    expect(log.staleFor(k.lookups(), 0)).toBe(false);
    expect(analyze(article(text), log.knowledge).record).toEqual(before);
    log.learn([smit]); // named and looked up: the analysis changes
    expect(log.staleFor(k.lookups(), 0)).toBe(true);
    expect(analyze(article(text), log.knowledge).record).not.toEqual(before);
  });

  it('remembers a bounded number of changes however many it is taught, and calls older analyses stale', () => {
    const person = (i: number) => ({ ...smit, key: `person:p-${i}`, name: `Person Number${i}`, aliases: [`Number${i}`] });
    const log = new KnowledgeLog();
    const start = log.version;
    for (let i = 0; i < 3 * RETAINED_CHANGES; i++) log.learn([person(i)]);
    expect(log.version).toBe(3 * RETAINED_CHANGES);
    expect(log.retained).toBeGreaterThanOrEqual(RETAINED_CHANGES);
    expect(log.retained).toBeLessThan(2 * RETAINED_CHANGES);
    expect(log.knowledge.people.get('person number0')?.key).toBe('person:p-0'); // the knowledge itself is all kept
    // Too old to tell: analysed again, even if it looked up nothing that changed since.
    expect(log.staleFor(['norway'], start)).toBe(true);
    // Recent enough: told by the keys, as before.
    const recent = log.version - RETAINED_CHANGES;
    expect(log.staleFor(['norway'], recent)).toBe(false);
    expect(log.staleFor([`number${3 * RETAINED_CHANGES - 1}`], recent)).toBe(true);
  });

  it('keeps at least the last `retain` changes and at most twice as many', () => {
    const log = new KnowledgeLog(4);
    for (let i = 0; i < 50; i++) {
      log.learn([{ ...smit, key: `person:q-${i}`, name: `Quinn Q${i}`, aliases: [] }]);
      expect(log.retained).toBeGreaterThanOrEqual(Math.min(4, log.version));
      expect(log.retained).toBeLessThan(8);
    }
    expect(log.staleFor(['quinn q46'], log.version - 4)).toBe(true);
    expect(log.staleFor(['quinn q45'], log.version - 4)).toBe(false);
    expect(() => new KnowledgeLog(0)).toThrow(RangeError);
  });
});
