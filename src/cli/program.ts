// The `standpoint` command line: its commands, wired in one place, and how usage errors exit.
import { Command } from 'commander';
import { analyzeCommand } from './analyze.js';

export const VERSION = '0.1.0';

export function buildProgram(): Command {
  const program = new Command('standpoint')
    .description('Who stands where on which proposal: reads international-politics news and maps positions.')
    .version(VERSION);
  program.addCommand(analyzeCommand());
  // Usage errors throw (exit code 2 in main.ts) instead of exiting with commander's code 1.
  for (const command of [program, ...program.commands]) command.exitOverride().showHelpAfterError('(add --help for usage)');
  return program;
}
