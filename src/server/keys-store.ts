import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Schema } from '../storage/schema.js';
import { InputError } from '../errors.js';
import type { Store } from '../storage/store.js';
import { type Role, roles } from './schemas.js';

// API keys live in the store beside the ledger (table api_keys, storage migration 3). Only a key's
// sha256 is kept: a leaked database does not leak keys. A key reads "em_<id>_<secret>"; the id finds the row, the hash checks it.

interface KeyTable {
  id: string;
  role: string;
  name: string | null;
  hash: string;
  created_at: string;
  created_by: string;
  revoked_at: string | null;
}

export interface ApiKey {
  readonly id: string;
  readonly role: Role;
  readonly name: string | null;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly revokedAt: string | null;
}

/** Writes go through store.transaction, which waits out another process's lock. */
const keys = (db: Kysely<Schema>) => db.withTables<{ api_keys: KeyTable }>();
const sha256 = (s: string) => createHash('sha256').update(s).digest();
const shape = /^em_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;

/** Makes a key for `role` and returns it in clear: the only time it is ever shown. */
export async function createKey(store: Store, role: string, name: string | undefined, createdBy: string): Promise<{ key: string; id: string; role: Role }> {
  if (!(roles as readonly string[]).includes(role)) throw new InputError('role', `"${role}" is not a role; use one of ${roles.join(', ')}`, roles);
  const id = randomBytes(6).toString('hex');
  const key = `em_${id}_${randomBytes(32).toString('base64url')}`;
  await store.transaction((db) => keys(db).insertInto('api_keys').values({
    id, role, name: name ?? null, hash: sha256(key).toString('hex'), created_at: new Date().toISOString(), created_by: createdBy, revoked_at: null,
  }).execute());
  forget(store);
  return { key, id, role: role as Role };
}

export async function listKeys(store: Store): Promise<ApiKey[]> {
  const rows = await keys(store.db).selectFrom('api_keys').selectAll().orderBy('created_at').execute();
  return rows.map((r) => ({ id: r.id, role: r.role as Role, name: r.name, createdAt: r.created_at, createdBy: r.created_by, revokedAt: r.revoked_at }));
}

/** Revokes key `id`; false if there is no such key. Revoking twice keeps the first date. */
export async function revokeKey(store: Store, id: string): Promise<boolean> {
  const r = await store.transaction((db) => keys(db).updateTable('api_keys').set({ revoked_at: new Date().toISOString() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst());
  forget(store);
  if (Number(r.numUpdatedRows) > 0) return true;
  return (await keys(store.db).selectFrom('api_keys').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

/** Answers kept for a short while, so that a request does not query the store to authenticate; a
 * key made or revoked in this process takes effect at once, elsewhere within `ttlMs`. */
const ttlMs = 2000;
const remembered = new WeakMap<Store, Map<string, { at: number; value: unknown }>>();

async function recall<T>(store: Store, key: string, load: () => Promise<T>): Promise<T> {
  let m = remembered.get(store);
  if (!m) remembered.set(store, (m = new Map()));
  const hit = m.get(key);
  const now = Date.now();
  if (hit && now - hit.at < ttlMs) return hit.value as T;
  const value = await load();
  if (m.size > 10_000) m.clear();
  m.set(key, { at: now, value });
  return value;
}

function forget(store: Store): void {
  remembered.get(store)?.clear();
}

/** True while at least one key is live: the server then asks every request for one. */
export async function anyLiveKey(store: Store): Promise<boolean> {
  return recall(store, '', () => anyLiveKeyNow(store));
}

async function anyLiveKeyNow(store: Store): Promise<boolean> {
  return (await keys(store.db).selectFrom('api_keys').select('id').where('revoked_at', 'is', null).limit(1).executeTakeFirst()) !== undefined;
}

/** The live key a presented secret belongs to, or null. Compares hashes in constant time. */
export async function findKey(store: Store, presented: string): Promise<ApiKey | null> {
  return recall(store, presented, () => findKeyNow(store, presented));
}

async function findKeyNow(store: Store, presented: string): Promise<ApiKey | null> {
  const m = shape.exec(presented);
  if (!m) return null;
  const row = await keys(store.db).selectFrom('api_keys').selectAll().where('id', '=', m[1]).executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  if (!timingSafeEqual(Buffer.from(row.hash, 'hex'), sha256(presented))) return null;
  return { id: row.id, role: row.role as Role, name: row.name, createdAt: row.created_at, createdBy: row.created_by, revokedAt: null };
}
