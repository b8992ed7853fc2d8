// The `standpoint` command line: its commands, wired in one place, and how usage errors exit.
import { Command } from 'commander';
import { actorCommand } from './actor.js';
import { analyzeCommand } from './analyze.js';
import { checkCommand } from './check.js';
import { correctCommand } from './correct.js';
import { editsCommand, proposalCommand, stanceCommand, undoCommand } from './edit-commands.js';
import { changesCommand } from './changes.js';
import { exportCommand } from './export.js';
import { ingestCommand } from './ingest.js';
import { outlookCommand } from './outlook.js';
import { parseCommand } from './parse.js';
import { proposalsCommand, stancesCommand } from './proposals.js';
import { queueCommand } from './queue.js';
import { searchCommand } from './search.js';
import { serveCommand } from './serve.js';
import { watchCommand } from './watch.js';
import { workerCommand } from './worker.js';

export const VERSION = '0.1.0';

export function buildProgram(): Command {
  const program = new Command('standpoint')
    .description('Who stands where on which proposal: reads international-politics news and maps positions.')
    .version(VERSION)
    .option('--debug', 'when a command fails, print the stack trace too (also: STANDPOINT_DEBUG=1)');
  for (const command of [
    analyzeCommand(), // one article in, one record out; nothing stored
    ingestCommand(), // analyse and store, learning people across articles
    proposalsCommand(),
    stancesCommand(),
    searchCommand(), // full text over proposals, quotes and articles, with filters
    actorCommand(),
    outlookCommand(),
    correctCommand(), // the analyst's edits: audited, undoable, kept on re-ingest
    stanceCommand(),
    proposalCommand(),
    undoCommand(),
    editsCommand(),
    changesCommand(), // what changed since a date: new proposals, stances changed by articles or analysts
    exportCommand(),
    checkCommand(), // the store sound: the database's own checks, every article whole, the kept counts right
    serveCommand(), // the HTTP API and the web page
    watchCommand(), // polls feeds unattended, stores what is new, alerts on changes
    workerCommand(), // past one machine: takes jobs from a NATS queue
    queueCommand(),
    parseCommand(), // the dependency parse of a text or of a CoNLL-U file's words, as CoNLL-U
  ]) program.addCommand(command);
  // Usage errors throw (exit code 2 in main.ts) instead of exiting with commander's code 1.
  const all = (c: Command): Command[] => [c, ...c.commands.flatMap(all)];
  for (const command of all(program)) command.exitOverride().showHelpAfterError('(add --help for usage)');
  return program;
}
