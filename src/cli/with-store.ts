// The `--db` option every store command shares, and opening/closing the store around a command.
import { Command, Option } from 'commander';
import type { OpenOptions } from '../store/open.js';
import type { Store } from '../store/store.js';

export const dbOption = () => new Option('--db <url>', 'store: a SQLite file path or a postgres:// URL (default: $STANDPOINT_DB or ./standpoint.db)');

/** Adds --db and --json to a command. */
export function storeCommand(name: string, description: string): Command {
  return new Command(name).description(description).addOption(dbOption()).option('--json', 'print JSON instead of a readable table');
}

export async function withStore<T>(db: string | undefined, fn: (store: Store) => Promise<T>, options: OpenOptions = {}): Promise<T> {
  const { dbLocation, openStore } = await import('../store/open.js'); // pg and better-sqlite3 only when a command needs a store
  const store = await openStore(dbLocation(db), options);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
