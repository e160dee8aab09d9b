import type { Kysely } from 'kysely';
import { dataDir as defaultDataDir } from '../config.js';
import { InputError } from '../errors.js';
import type { Schema } from './schema.js';
import { migrate } from './migrations.js';
import { openSqlite } from './sqlite.js';
import { openPostgres } from './postgres.js';

export type Dialect = 'sqlite' | 'postgres';

/** Where the ledger and the audit trail live: one interface over an SQLite file or PostgreSQL. */
export interface Store {
  readonly dialect: Dialect;
  /** The SQLite file, or the PostgreSQL URL with its password masked. */
  readonly location: string;
  /** For reads. Every write goes through `transaction`: on SQLite a write outside it does not wait for
   * another process's lock and fails at once with SQLITE_BUSY. */
  readonly db: Kysely<Schema>;
  /** Runs `fn` as one write transaction, committed when it returns and rolled back when it throws.
   * SQLite: BEGIN IMMEDIATE, so writers (in any process) queue one at a time. PostgreSQL: READ
   * COMMITTED, callers lock the rows they change (SELECT ... FOR UPDATE), and the whole of `fn` is
   * retried on serialization failure, deadlock or a concurrent insert of the same key. `fn` must
   * use the `db` it is given, and may run more than once. */
  transaction<T>(fn: (db: Kysely<Schema>) => Promise<T>): Promise<T>;
  /** A consistent copy of the database to `file` while others keep writing (SQLite only). */
  backup(file: string): Promise<void>;
  close(): Promise<void>;
}

export interface StoreOptions {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** SQLite only: the folder holding earmark.sqlite (default: `dataDir(env)` from config.ts). */
  readonly dataDir?: string;
  /** PostgreSQL only: connections in the pool (default 4). */
  readonly poolSize?: number;
}

/** Opens PostgreSQL when EARMARK_DATABASE_URL is set, else the SQLite file `<dataDir>/earmark.sqlite`
 * (created on first use), and brings the schema up to date. */
export async function openStore(opts: StoreOptions): Promise<Store> {
  const url = opts.env.EARMARK_DATABASE_URL;
  if (url !== undefined && url !== '' && !/^postgres(ql)?:\/\//.test(url)) {
    throw new InputError('EARMARK_DATABASE_URL', 'must be a postgres:// or postgresql:// URL (or unset, for the SQLite file)');
  }
  const store = url ? openPostgres(url, opts.poolSize ?? 4) : await openSqlite(opts.dataDir ?? defaultDataDir(opts.env));
  try {
    await migrate(store);
  } catch (e) {
    await store.close();
    throw new Error(`cannot open the ${store.dialect} store at ${store.location}: ${e instanceof Error ? e.message : String(e)}`);
  }
  return store;
}

/** Opens the store, runs `fn` and closes the store however `fn` ends. */
export async function withStore<T>(opts: StoreOptions, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(opts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
