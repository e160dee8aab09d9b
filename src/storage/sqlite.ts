import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Schema } from './schema.js';
import type { Store } from './store.js';

/** How long a writer waits for other processes' transactions before giving up. */
const busyDeadlineMs = 60_000;

export async function openSqlite(dir: string): Promise<Store> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'earmark.sqlite');
  // No busy timeout: better-sqlite3 would wait for a lock synchronously, freezing this process (and
  // any other store it has open on the file). Lock waits are async retries below instead.
  const raw = new Database(file, { timeout: 0 });
  // WAL lets readers run beside the one writer; FULL syncs each commit, so an acknowledged
  // reservation survives a crash of the process or of the machine.
  await whenFree(() => raw.pragma('journal_mode = WAL'));
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
        await whenFree(() => sql`begin immediate`.execute(conn));
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

/** Runs `step` until no other connection holds the lock it needs, backing off a little each time. */
async function whenFree<T>(step: () => T | Promise<T>): Promise<T> {
  const deadline = Date.now() + busyDeadlineMs;
  for (let attempt = 1; ; attempt++) {
    try {
      return await step();
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code !== 'SQLITE_BUSY' || Date.now() > deadline) throw e;
      await sleep(Math.random() * Math.min(20, attempt));
    }
  }
}
