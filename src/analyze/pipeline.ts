// The analyser's stages in their fixed order: read this file to know what runs when.
import { checkPipeline, type Stage } from './stage.js';
import { tokenize } from './tokenize/tokenize.js';
import { parse } from './parse/parse.js';
import { actors } from './actors/actors.js';
import { quotes } from './quotes/quotes.js';
import { proposals } from './proposals/proposals.js';
import { stances } from './stances/stances.js';
import { dates } from './dates/dates.js';
import { actorsPrune } from './actors/prune.js';

export const STAGES: readonly Stage[] = [
  tokenize,  // text → sentences, tokens with part of speech
  parse,     // each token's syntactic head and Universal Dependencies relation
  actors,    // countries, organisations, people, groups, and every mention (pronouns included)
  quotes,    // direct, partial and indirect quotes, each with its speaker
  proposals, // what is put forward, by whom, for which body, and every mention of it
  stances,   // support / oppose / undecided of each holder on each proposal, with conditions
  dates,     // when each stance was expressed, resolved against the article's date
  actorsPrune, // drops the people who neither speak nor propose nor hold a stance
];

checkPipeline(STAGES);
