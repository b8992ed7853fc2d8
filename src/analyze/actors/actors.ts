// Stage: find countries, organisations, people and groups, and every mention of each (pronouns included).
import type { Doc } from '../doc.js';
import type { Stage } from '../stage.js';
import { newContext } from './context.js';
import { findEntourages, findGroups, findPossessedGovernments } from './groups.js';
import { findPeople } from './names.js';
import { findPlaces } from './places.js';
import { resolvePronouns } from './pronouns.js';
import { findRoles } from './roles.js';
import { findListRoles } from './lists.js';
import { findUnnamedOffices } from './unnamed-offices.js';

export const actors: Stage = {
  name: 'actors',
  reads: ['tokens', 'sentences'],
  adds: ['actors'],
  run(doc: Doc) {
    const ctx = newContext(doc);
    findPlaces(ctx);                   // countries, organisations, seats of government, org phrases
    const people = findPeople(ctx);    // person names, "Mr X", surnames; unknown organisation names
    findGroups(ctx);                   // "officials", "a senior source", "some Nato ministers"
    findRoles(ctx, people);            // each person's role, country, organisation and whom they speak for
    findListRoles(ctx, people);        // "her French and Italian counterparts, X and Y": one title, countries in order
    findEntourages(ctx);               // "the Biden administration" (the government), "the Trump campaign" (a group)
    findPossessedGovernments(ctx);     // "Israel … its foreign ministry" (the country)
    findUnnamedOffices(ctx);           // "the foreign ministry said" (the country the passage is about)
    resolvePronouns(ctx, people);      // "he", "she", "they", "who", "the minister" → the actor they refer to
  },
};
