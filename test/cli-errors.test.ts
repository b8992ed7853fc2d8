// How the CLI reports a failure: one line without a stack (the stack with --debug or STANDPOINT_DEBUG=1), and never a password of a --db or --queue URL.
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { standpoint, tempDir } from './cli.js';

const t = tempDir('standpoint-errors-');
afterAll(() => t.remove());
const article = t.put('a.jsonl', `${JSON.stringify({ text: 'The foreign minister said the country would back the proposed ceasefire.' })}\n`);

const SECRET = 'pw-S3cret-9f2';
/** Port 1 on loopback: nothing listens there, so connecting is refused at once. */
const DEAD_PG = `postgres://standpoint:${SECRET}@127.0.0.1:1/news`;
const DEAD_NATS = `nats://worker:${SECRET}@127.0.0.1:1`;

const BASE = process.env.STANDPOINT_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/test';
const admin = new pg.Client({ connectionString: BASE, connectionTimeoutMillis: 3000 });
const pgUp = await admin.connect().then(() => admin.end()).then(() => true, (err: Error) => {
  console.warn(`PostgreSQL cases skipped: cannot reach ${BASE} (${err.message}); set STANDPOINT_TEST_PG or start the server`);
  return false;
});

const STACK_LINE = /^\s+at /m;

describe('a failing command', () => {
  it('prints one line, standpoint: MESSAGE, with the cause, and no stack', () => {
    const run = standpoint(['ingest', '--db', t.dir + '/no/such/folder/x.db', article]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^standpoint: cannot open store .*x\.db: .+\n$/);
    expect(run.stderr).not.toMatch(STACK_LINE);
    const refused = standpoint(['proposals', '--db', DEAD_PG]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/^standpoint: cannot prepare store postgres:\/\/standpoint:\*\*\*@127\.0\.0\.1:1\/news: connect ECONNREFUSED 127\.0\.0\.1:1\n$/);
  });
  it('prints the stack (and its causes) with --debug, before or after the command, or with STANDPOINT_DEBUG=1', () => {
    for (const [args, env] of [
      [['--debug', 'proposals', '--db', DEAD_PG], {}],
      [['proposals', '--debug', '--db', DEAD_PG], {}],
      [['proposals', '--db', DEAD_PG], { STANDPOINT_DEBUG: '1' }],
    ] as Array<[string[], Record<string, string>]>) {
      const run = standpoint(args, { env });
      expect(run.status, args.join(' ')).toBe(1);
      expect(run.stderr.split('\n')[0]).toMatch(/^standpoint: cannot prepare store/);
      expect(run.stderr).toMatch(STACK_LINE);
      expect(run.stderr).toContain('caused by: Error: connect ECONNREFUSED');
    }
    expect(standpoint(['proposals', '--db', DEAD_PG], { env: { STANDPOINT_DEBUG: '0' } }).stderr).not.toMatch(STACK_LINE);
  });
});

describe('a password in a store or queue URL', () => {
  const cases: Array<[string, string[], Record<string, string>?]> = [
    ['ingest --db, unreachable', ['ingest', '--db', DEAD_PG, article]],
    ['$STANDPOINT_DB, unreachable', ['actor', 'country:FRA'], { STANDPOINT_DB: DEAD_PG }],
    ['serve --db, unreachable', ['serve', '--port', '0', '--db', DEAD_PG]],
    ['ingest --queue, unreachable', ['ingest', '--queue', DEAD_NATS, article]],
    ['ingest --queue, a NATS token', ['ingest', '--queue', `nats://${SECRET}@127.0.0.1:1`, article]],
    ['ingest --queue, not a NATS URL', ['ingest', '--queue', `nats://u:${SECRET}@127.0.0.1:1/x`, article]],
    ['queue status --queue, unreachable', ['queue', 'status', '--queue', DEAD_NATS]],
    ['worker --queue, unreachable', ['worker', '--queue', DEAD_NATS, '--db', `${t.dir}/w.db`, '--drain']],
    ['worker --db, unreachable', ['worker', '--queue', DEAD_NATS, '--db', DEAD_PG, '--drain']],
    ['--db with password=', ['proposals', '--db', `postgres://127.0.0.1:1/news?user=u&password=${SECRET}`]],
  ];
  for (const [name, args, env] of cases) {
    it(`is never printed: ${name}, with and without --debug`, () => {
      for (const debug of [false, true]) {
        const run = standpoint(debug ? ['--debug', ...args] : args, { env });
        expect(run.status, run.stderr).toBe(1);
        expect(run.stderr).toMatch(/^standpoint: .*\*\*\*/);
        expect(run.stderr + run.stdout).not.toContain(SECRET);
      }
    });
  }
  it.skipIf(!pgUp)('is never printed when the server answers with an error (a database that does not exist)', () => {
    const db = BASE.replace(/^postgres:\/\/([^@/]*)@/, (_, user: string) => `postgres://${user.split(':')[0]}:${SECRET}@`).replace(/\/[^/?]*(\?|$)/, '/standpoint_no_such_database$1');
    for (const args of [['proposals', '--db', db], ['--debug', 'ingest', '--db', db, article]]) {
      const run = standpoint(args);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain('standpoint_no_such_database');
      expect(run.stderr).not.toContain(SECRET);
    }
  });
});
