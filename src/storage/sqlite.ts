import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Schema } from './schema.js';
import type { Store } from './store.js';

/** How long a writer waits for another process's transaction before giving up. */
const busyTimeoutMs = 60_000;

export function openSqlite(dir: string): Store {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'earmark.sqlite');
  const raw = new Database(file, { timeout: busyTimeoutMs });
  // WAL lets readers run beside the one writer; FULL syncs each commit, so an acknowledged
  // reservation survives a crash of the process or of the machine.
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  const db = new Kysely<Schema>({ dialect: new SqliteDialect({ database: raw }) });
  return {
    dialect: 'sqlite',
    location: file,
    db,
    // Kysely gives this process's single connection to one caller at a time; BEGIN IMMEDIATE takes
    // the file's write lock at once, so no two processes read the same balance before writing.
    transaction: (fn) =>
      db.connection().execute(async (conn) => {
        await sql`begin immediate`.execute(conn);
        try {
          const result = await fn(conn);
          await sql`commit`.execute(conn);
          return result;
        } catch (e) {
          if (raw.inTransaction) await sql`rollback`.execute(conn);
          throw e;
        }
      }),
    backup: async (target) => {
      await raw.backup(target);
    },
    close: () => db.destroy(),
  };
}
