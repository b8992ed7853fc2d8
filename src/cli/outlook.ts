// `standpoint outlook [PROPOSAL_ID]`: can the body that must agree pass the proposal now, and who stands in the way.
import { Command, Option } from 'commander';
import { dateArg, usage } from './arg-parsers.js';
import {
  BODY_NAMES, outlook, OutlookError, parseBodyName, parseStanceAssignment, type BodyName, type OutlookStance,
} from '../institutions/index.js';
import { decisionText, type StoredDecision } from '../aggregate/decisions.js';
import { proposalOutlook } from '../institutions/proposal-outlook.js';
import { outlookText } from '../institutions/outlook-text.js';
import { EXIT_FAILURE } from './exit-codes.js';
import { storeCommand, withStore } from './with-store.js';

interface OutlookOptions {
  db?: string;
  json?: boolean;
  body?: BodyName;
  at?: string;
  stance?: Record<string, OutlookStance>;
}

const stanceArg = (value: string, previous: Record<string, OutlookStance> = {}) => {
  const [key, stance] = usage(parseStanceAssignment)(value);
  return { ...previous, [key]: stance };
};

const today = () => new Date().toISOString().slice(0, 10);
const fail = (message: string) => {
  process.stderr.write(`standpoint outlook: ${message}\n`);
  process.exitCode = EXIT_FAILURE;
};

export function outlookCommand(): Command {
  return storeCommand('outlook', 'whether a proposal can pass the body that must agree, who blocks it and what it still needs')
    .argument('[proposal-id]', 'a proposal id from `standpoint proposals`; leave out for a what-if with --body and --stance')
    .addOption(new Option('--body <body>', `the deciding body and rule, instead of the proposal's own (EU is unanimity; EU-QMV qualified majority): ${Object.keys(BODY_NAMES).join(', ')}`)
      .argParser(usage(parseBodyName)))
    .option('--at <date>', "the date (YYYY-MM-DD) whose membership counts (default: the proposal's last report, or today)", dateArg)
    .option('--stance <key=stance>', 'set a holder\'s stance by hand, e.g. country:TUR=support (support, oppose, undecided, abstain); repeatable', stanceArg)
    .addHelpText('after', '\nExamples:\n  standpoint outlook Pbf31bb42ff\n  standpoint outlook Pbf31bb42ff --stance country:TUR=support\n  standpoint outlook --body NATO --at 2022-06-01 --stance TUR=oppose --stance SWE=support\n  standpoint outlook --body EU-QMV --stance DEU=oppose --stance FRA=oppose --stance ITA=oppose --stance ESP=oppose --json')
    .action(async (id: string | undefined, opts: OutlookOptions, command: Command) => {
      if (!id && !opts.body) command.error('error: give a PROPOSAL_ID, or --body (and --stance) for a what-if');
      let result;
      let conditions: Record<string, string> = {};
      let proposal: { id: string; summary: string; body: string | null } | null = null;
      let decided: StoredDecision | null = null;
      try {
        if (id) {
          const found = await withStore(opts.db, (store) => proposalOutlook(store, id, { body: opts.body, at: opts.at, overrides: opts.stance ?? {} }));
          if (!found) return fail(`no proposal with id ${id}`);
          ({ proposal, conditions, outlook: result } = found);
          decided = found.decided ?? null;
        } else {
          result = outlook({ body: opts.body!, date: opts.at ?? today(), overrides: opts.stance ?? {} });
        }
      } catch (err) {
        if (err instanceof OutlookError && err.code === 'no-body') return fail(`${err.message}: give one with --body ${Object.keys(BODY_NAMES).join('|')}`);
        if (err instanceof OutlookError) return fail(err.message);
        throw err;
      }
      if (opts.json) {
        const conds = Object.keys(conditions).length ? { conditions } : {};
        const about = proposal ? { decided, proposal: { id: proposal.id, summary: proposal.summary, body: proposal.body } } : { whatIf: true };
        process.stdout.write(`${JSON.stringify({ ...result, ...conds, ...about }, null, 2)}\n`);
        return;
      }
      const title = proposal ? `${proposal.id}  ${proposal.summary}` : 'What-if';
      process.stdout.write(outlookText(result, { title, conditions, decided: decided ? `${decisionText(decided)} (${decided.title ?? decided.articleId})` : undefined }));
    });
}
