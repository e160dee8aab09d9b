import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.js';
import type { Store } from './store.js';

/** SQLSTATEs after which the whole transaction is run again: serialization failure, deadlock, and a
 * unique violation (another transaction inserted the same idempotency key first; a rerun replays it). */
const retryable = new Set(['40001', '40P01', '23505']);
const maxAttempts = 20;

// Amounts are bigint columns; they stay below 2^53, so they are read as numbers.
const int8 = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === int8 ? (v: string) => Number(v) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

export function openPostgres(url: string, poolSize: number): Store {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types });
  // An idle connection that drops (server restart) is discarded by the pool; the next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
  return {
    dialect: 'postgres',
    location: masked(url),
    db,
    transaction: async (fn) => {
      for (let attempt = 1; ; attempt++) {
        try {
          return await db.transaction().execute(fn);
        } catch (e) {
          const code = (e as { code?: string }).code;
          if (attempt >= maxAttempts || !code || !retryable.has(code)) throw e;
          await sleep(Math.random() * 5 * attempt);
        }
      }
    },
    backup: async () => {
      throw new Error(
        `earmark backs up only its SQLite file; for PostgreSQL use pg_dump, e.g. pg_dump --format=custom --file=earmark.dump "${masked(url)}" (restore with pg_restore)`,
      );
    },
    close: () => db.destroy(),
  };
}

function masked(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}
