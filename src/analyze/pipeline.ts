// The analyser's stages in their fixed order: read this file to know what runs when.
import { checkPipeline, type Stage } from './stage.js';
import { tokenize } from './tokenize/tokenize.js';
import { actors } from './actors/actors.js';
import { quotes } from './quotes/quotes.js';
import { proposals } from './proposals/proposals.js';
import { phrases } from './phrases/phrases.js';
import { stances } from './stances/stances.js';
import { decide } from './decide/decide.js';
import { dates } from './dates/dates.js';
import { votes } from './votes/votes.js';
import { actorsPrune } from './actors/prune.js';

export const STAGES: readonly Stage[] = [
  tokenize,  // text → sentences, tokens with part of speech
  actors,    // countries, organisations, people, groups, and every mention (pronouns included)
  quotes,    // direct, partial and indirect quotes, each with its speaker
  proposals, // what is put forward, by whom, for which body, and every mention of it
  phrases,   // learned: noun phrases naming a proposal the trigger words missed, added to the proposals
  stances,   // the rules' readings: support / oppose / undecided of each holder on each proposal, with conditions
  decide,    // the learned decision over those readings and the context: the stances kept, the proposals kept
  votes,     // reported votes: each named member's stance, the roster's unnamed ones a count leaves no doubt about, the outcome
  dates,     // when each stance was expressed, resolved against the article's date
  actorsPrune, // drops the people who neither speak nor propose nor hold a stance
];

// The parse stage (src/analyze/parse/: each token's head and relation, `standpoint parse`) joins the list, after
// tokenize, when a stage reading it is measured to gain: the decisions reading it scored no better leave-one-story-out
// (stances 0.387 against 0.388), and it would make the analyser about twice as slow.

// The clauses stage (src/analyze/proposals/clauses.ts: verb phrases as proposals, "urged X to hold elections", after
// `stances`) joins the list when it holds every floor: leave-one-story-out it raised stances 0.412 to 0.416, proposals
// 0.624 to 0.639 and stance-holders 0.485 to 0.495, but the retrained models left dev people at 0.949 (floor 0.95).

checkPipeline(STAGES);
