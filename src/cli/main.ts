#!/usr/bin/env node
// The `standpoint` command: wires the commands together.
import { Command } from 'commander';
import { analyzeCommand } from './analyze.js';

const program = new Command('standpoint')
  .description('Who stands where on which proposal: reads international-politics news and maps positions.')
  .version('0.1.0');

program.addCommand(analyzeCommand());

program.parseAsync(process.argv).catch((err: Error) => {
  process.stderr.write(`standpoint: ${err.message}\n`);
  process.exit(2);
});
