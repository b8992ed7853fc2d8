// The README documents every command and option of the CLI and every npm script it names (after Datasette's test_docs).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/program.js';
import { ROOT } from './cli.js';

const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const scripts: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
const program = buildProgram();
const commands = program.commands.filter((c) => c.name() !== 'help');

/** The README section under the heading that names `standpoint NAME`, up to the next heading of its level or above. */
function section(name: string): string | null {
  const lines = readme.split('\n');
  const start = lines.findIndex((l) => /^#{2,4} /.test(l) && l.includes(`\`standpoint ${name}\``));
  if (start < 0) return null;
  const level = lines[start].match(/^#+/)![0].length;
  const end = lines.findIndex((l, i) => i > start && /^#+ /.test(l) && l.match(/^#+/)![0].length <= level);
  return lines.slice(start, end < 0 ? undefined : end).join('\n');
}

describe('README', () => {
  it('has a section for every command', () => {
    expect(commands.length).toBeGreaterThan(0);
    for (const c of commands) expect(section(c.name()), `a README heading with \`standpoint ${c.name()}\``).not.toBeNull();
  });
  for (const c of commands) {
    it(`documents every option of \`standpoint ${c.name()}\` in its section`, () => {
      const text = section(c.name()) ?? '';
      for (const o of c.options) if (o.long !== '--help') expect(text, `${o.long} in the README section of ${c.name()}`).toContain(o.long);
    });
  }
  it('documents the program options and --help', () => {
    for (const o of program.options) expect(readme).toContain(o.long);
    expect(readme).toContain('--help');
  });
  it('names only npm scripts that exist, and names every one a user runs', () => {
    for (const [, name] of readme.matchAll(/npm run ([\w:-]+)/g)) expect(scripts, `npm run ${name}`).toHaveProperty(name);
    for (const name of Object.keys(scripts)) {
      if (['prepare', 'typecheck', 'test'].includes(name)) continue;
      expect(readme, `npm run ${name} in the README`).toContain(`npm run ${name}`);
    }
  });
  it('opens with a quick start of exactly two commands, on files the repository has', () => {
    const block = readme.match(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/m)?.[1] ?? '';
    const lines = block.split('\n').filter((l) => l.trim() && !l.trim().startsWith('#'));
    expect(lines).toHaveLength(2);
    for (const [file] of block.matchAll(/examples\/\S+/g)) expect(fs.existsSync(path.join(ROOT, file)), file).toBe(true);
  });
});
