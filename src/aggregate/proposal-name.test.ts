import { describe, expect, it } from 'vitest';
import { cleanName, nameScore, proposalName, withProposer, withoutProposer } from './proposal-name.js';

describe('proposal names', () => {
  it('cuts clause fragments, time phrases and dangling words', () => {
    expect(cleanName('membership in the alliance that is rushing to bolster its')).toBe('membership in the alliance');
    expect(cleanName('economic sanctions on Ghana for its move')).toBe('economic sanctions on Ghana for its move');
    expect(cleanName('independent inquiry into the outbreak ahead of a crucial')).toBe('independent inquiry into the outbreak');
    expect(cleanName('European Union sanctions on Belarus at a leaders’ summit')).toBe('European Union sanctions on Belarus');
    expect(cleanName('new arms sales in October')).toBe('new arms sales');
    expect(cleanName('the migration pact in the strongest possible terms ... We')).toBe('migration pact in the strongest possible terms');
    expect(cleanName('recognition of Ruritania by allies \'performative')).toBe('recognition of Ruritania by allies');
    expect(cleanName('removal due to the')).toBe('removal');
    expect(cleanName('resolution drafted by Ruritania by 11 votes to 0')).toBe('resolution drafted by Ruritania');
    expect(cleanName('the')).toBeNull();
  });
  it('keeps a name of up to two words more whole, and ends a longer one before a phrase it would cut', () => {
    expect(cleanName('plan to raise defence spending to five per cent')).toBe('plan to raise defence spending to five per cent');
    expect(cleanName('request to increase defence spending to five per cent of GDP')).toBe('request to increase defence spending');
    expect(cleanName('final push to arrest the leaders of the Tigray People’s Liberation Front')).toBe('final push to arrest the leaders');
  });
  it('scores telling names above generic words, pronouns and cut phrases', () => {
    expect(nameScore('resolution')).toBeLessThan(nameScore('non-binding resolution on the embargo'));
    expect(nameScore('sanctions for its move')).toBeLessThan(nameScore('sanctions on Ghana'));
    expect(nameScore('naval escort mission in the strait', true)).toBeLessThan(nameScore('naval escort mission in the strait'));
  });
  it('takes the summary when it says which proposal it is, else the best mention holding its head word', () => {
    expect(proposalName('naval escort mission', ['the mission', 'an escort mission to the strait'])).toBe('naval escort mission');
    expect(proposalName('resolution', ['the resolution', 'a non-binding resolution against the embargo', 'the ceasefire', 'the non-binding resolution against the embargo']))
      .toBe('non-binding resolution against the embargo');
    // A mention without the summary's head word is another thing the article named, not a better name for this one.
    expect(proposalName('move', ['the interim president', 'the move'])).toBe('move');
  });
  it('puts the proposer in brackets unless the name already says it', () => {
    expect(withProposer('no-fly zone over the coast', 'Arab League')).toBe('no-fly zone over the coast (Arab League)');
    expect(withProposer('French plan for a naval mission', 'France')).toBe('French plan for a naval mission');
    expect(withProposer('U.S.-backed resolution on chemical weapons', 'United States')).toBe('U.S.-backed resolution on chemical weapons');
    expect(withProposer('plan to cap prices', 'a coalition of the willing')).toBe('plan to cap prices');
    expect(withProposer('naval patrol in the Baltic', 'DNK')).toBe('naval patrol in the Baltic');
    expect(withoutProposer('no-fly zone over the coast (Arab League)')).toBe('no-fly zone over the coast');
  });
});
