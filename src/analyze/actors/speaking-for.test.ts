// Tests for "speaking for X" / "on behalf of X" beside a name.
import { describe, expect, it } from 'vitest';
import { actorOf, run } from './test-helpers.js';

describe('speaking for a body', () => {
  it('gives the body named after "speaking for" to the person, over their own title', () => {
    const doc = run('“We will not survive this,” said Mele Fonua, Tonga’s climate minister, speaking for the Alliance of Small Island States.');
    expect(actorOf(doc, 'person:mele-fonua')?.represents).toBe('org:AOSIS');
  });
  it('reads "On behalf of X, NAME" at the head of a sentence', () => {
    const doc = run('On behalf of the African Union, Kwame Mensah said the summit would go ahead.');
    expect(actorOf(doc, 'person:kwame-mensah')?.represents).toBe('org:AU');
  });
});
