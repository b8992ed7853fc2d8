// The Node flags the `standpoint` executable runs with (from its first line), for benchmarks that run the CLI or
// the analyser in a process of their own: they are timed as a user's command runs.
import fs from 'node:fs';

const cli = new URL('../dist/cli/main.js', import.meta.url);

/** Flags after `node` on the built CLI's `#!/usr/bin/env -S node …` line (none if it has none). */
export function cliNodeFlags() {
  const first = fs.readFileSync(cli, 'utf8').split('\n', 1)[0];
  const m = /^#!\/usr\/bin\/env (?:-S )?node(.*)$/.exec(first);
  if (!m) throw new Error(`bench: unexpected first line of ${cli.pathname}: ${first}`);
  return m[1].trim().split(/\s+/).filter(Boolean);
}
