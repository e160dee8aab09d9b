import { sql } from 'kysely';
import type { Store } from './store.js';

/** A schema change, written once per dialect. Versions only grow; a released migration never changes. */
interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sqlite: readonly string[];
  readonly postgres: readonly string[];
}

const ledgerTables = (int: string) => [
  `create table allowances (
    id text primary key,
    kind text not null check (kind in ('lpp', 'country', 'licence')),
    key text not null,
    unit text not null check (unit in ('tpp', 'units')),
    limit_amount ${int} not null check (limit_amount > 0),
    period_from text not null,
    period_to text,
    reserved ${int} not null default 0 check (reserved >= 0),
    consumed ${int} not null default 0 check (consumed >= 0),
    details text not null,
    created_at text not null,
    check (reserved + consumed <= limit_amount)
  )`,
  `create table reservations (
    key text primary key,
    allowance_id text not null references allowances (id),
    amount ${int} not null check (amount > 0),
    state text not null check (state in ('reserved', 'released', 'consumed', 'refused')),
    remaining ${int} not null,
    created_at text not null,
    updated_at text not null
  )`,
  `create index reservations_allowance on reservations (allowance_id)`,
];

// 15 CFR 762.6 asks for records kept five years; the log refuses updates and deletes, and its hash
// chain shows any edit made around these triggers.
const auditTable = (int: string) => [
  `create table audit_log (
    seq ${int} primary key,
    at text not null,
    kind text not null,
    actor text not null,
    rule_version text,
    data_hashes text not null,
    input text not null,
    output text not null,
    prev_hash text not null,
    hash text not null
  )`,
  `create index audit_log_at on audit_log (at)`,
];

const apiKeys = `create table api_keys (
    id text primary key,
    role text not null check (role in ('viewer', 'operator', 'admin')),
    name text,
    hash text not null,
    created_at text not null,
    created_by text not null,
    revoked_at text
  )`;

const migrations: readonly Migration[] = [
  { version: 1, name: 'ledger', sqlite: ledgerTables('integer'), postgres: ledgerTables('bigint') },
  {
    version: 2,
    name: 'audit log, append-only',
    sqlite: [
      ...auditTable('integer'),
      `create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`,
      `create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`,
    ],
    postgres: [
      ...auditTable('bigint'),
      `create function audit_log_append_only() returns trigger language plpgsql as $$
        begin raise exception 'audit_log is append-only'; end $$`,
      `create trigger audit_log_no_change before update or delete on audit_log
        for each row execute function audit_log_append_only()`,
      `create trigger audit_log_no_truncate before truncate on audit_log
        for each statement execute function audit_log_append_only()`,
    ],
  },
  {
    version: 3,
    name: 'API keys',
    // Only a key's sha256 is kept; see src/server/keys-store.ts.
    sqlite: [apiKeys],
    postgres: [apiKeys],
  },
];

export const schemaVersion = migrations[migrations.length - 1].version;

/** Applies the migrations the database lacks, in one transaction; running it twice, or from two
 * processes at once, applies each migration once. Returns the versions applied now. */
export async function migrate(store: Store): Promise<number[]> {
  return store.transaction(async (db) => {
    // SQLite's BEGIN IMMEDIATE already excludes other writers; PostgreSQL needs a lock taken
    // before the table below may exist.
    if (store.dialect === 'postgres') await sql`select pg_advisory_xact_lock(${lockId})`.execute(db);
    await sql`create table if not exists earmark_migrations (
      version integer primary key, name text not null, applied_at text not null)`.execute(db);
    const done = new Set((await db.selectFrom('earmark_migrations').select('version').execute()).map((r) => r.version));
    const newest = Math.max(0, ...done);
    if (newest > schemaVersion) {
      throw new Error(`the database has schema version ${newest}, newer than this earmark's ${schemaVersion}; upgrade earmark`);
    }
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      for (const statement of m[store.dialect]) await sql.raw(statement).execute(db);
      await db.insertInto('earmark_migrations').values({ version: m.version, name: m.name, applied_at: new Date().toISOString() }).execute();
      applied.push(m.version);
    }
    return applied;
  });
}

/** Arbitrary constant naming earmark's migration lock among PostgreSQL advisory locks. */
const lockId = 74_686_101;
