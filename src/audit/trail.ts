import { type Kysely, sql } from 'kysely';
import { stringify } from 'csv-stringify/sync';
import { addDays, parseDate } from '../dates.js';
import { dataFingerprint } from '../data/fingerprint.js';
import type { Dialect, Store } from '../storage/store.js';
import type { AuditTable, Schema } from '../storage/schema.js';
import { canonicalJson, sha256 } from './canonical.js';

// The audit trail: every recorded decision and ledger change with its full input and output, the rule
// version and data it rests on, who asked and when. 15 CFR 762.6 asks exporters to keep such records
// five years; the log is append-only and hash-chained so that an edit shows.

export type AuditKind = 'determination' | 'classification' | 'screening' | 'ledger';

export interface AuditEvent {
  readonly kind: AuditKind;
  readonly input: unknown;
  readonly output: unknown;
  /** The rule version the answer applied (versions.yaml id), when there is one. */
  readonly ruleVersion?: string | null;
  readonly actor: string;
}

export interface AuditRecord {
  readonly seq: number;
  readonly at: string;
  readonly kind: string;
  readonly actor: string;
  readonly ruleVersion: string | null;
  readonly dataHashes: Record<string, string>;
  readonly input: unknown;
  readonly output: unknown;
  readonly prevHash: string;
  readonly hash: string;
}

/** The previous hash of the first record. */
export const genesis = '0'.repeat(64);

/** Appends one record in its own transaction. */
export function appendAudit(store: Store, event: AuditEvent): Promise<AuditRecord> {
  return store.transaction((db) => appendIn(db, store.dialect, event));
}

/** Appends one record inside the caller's write transaction, so that a ledger change and its record
 * commit together or not at all. */
export async function appendIn(db: Kysely<Schema>, dialect: Dialect, event: AuditEvent): Promise<AuditRecord> {
  // One appender at a time keeps the chain a line (SQLite's write lock already does this).
  if (dialect === 'postgres') await sql`lock table audit_log in exclusive mode`.execute(db);
  const last = await db.selectFrom('audit_log').select(['seq', 'hash']).orderBy('seq', 'desc').limit(1).executeTakeFirst();
  const unsigned = {
    seq: (last?.seq ?? 0) + 1,
    at: new Date().toISOString(),
    kind: event.kind,
    actor: event.actor,
    ruleVersion: event.ruleVersion ?? null,
    dataHashes: { ...dataFingerprint() },
    input: JSON.parse(canonicalJson(event.input)) as unknown,
    output: JSON.parse(canonicalJson(event.output)) as unknown,
    prevHash: last?.hash ?? genesis,
  };
  const record: AuditRecord = { ...unsigned, hash: hashOf(unsigned) };
  await db.insertInto('audit_log').values(toRow(record)).execute();
  return record;
}

/** sha256 over the canonical JSON of every field but the hash itself, the previous hash included. */
function hashOf(r: Omit<AuditRecord, 'hash'>): string {
  return sha256(canonicalJson(r));
}

function toRow(r: AuditRecord): AuditTable {
  return {
    seq: r.seq, at: r.at, kind: r.kind, actor: r.actor, rule_version: r.ruleVersion,
    data_hashes: canonicalJson(r.dataHashes), input: canonicalJson(r.input), output: canonicalJson(r.output),
    prev_hash: r.prevHash, hash: r.hash,
  };
}

function fromRow(row: AuditTable): AuditRecord {
  return {
    seq: row.seq, at: row.at, kind: row.kind, actor: row.actor, ruleVersion: row.rule_version,
    dataHashes: JSON.parse(row.data_hashes) as Record<string, string>,
    input: JSON.parse(row.input) as unknown, output: JSON.parse(row.output) as unknown,
    prevHash: row.prev_hash, hash: row.hash,
  };
}

export type Verification =
  | { readonly ok: true; readonly records: number; readonly head: string }
  | { readonly ok: false; readonly records: number; readonly broken: { readonly seq: number; readonly reason: string } };

/** Recomputes the chain from the first record and names the first record that does not hold. */
export async function verifyAudit(store: Store): Promise<Verification> {
  let expectedSeq = 1;
  let prev = genesis;
  for await (const row of rows(store, {})) {
    const fail = (reason: string): Verification => ({ ok: false, records: expectedSeq - 1, broken: { seq: row.seq, reason } });
    if (row.seq !== expectedSeq) return fail(`expected record ${expectedSeq} here: records ${expectedSeq} to ${row.seq - 1} are missing`);
    if (row.prev_hash !== prev) return fail(`its previous hash does not match record ${row.seq - 1}: that record was altered or replaced`);
    let record: AuditRecord;
    try {
      record = fromRow(row);
    } catch {
      return fail('its stored JSON is not readable: it was altered');
    }
    const { hash, ...rest } = record;
    if (hashOf(rest) !== hash) return fail('its content does not match its hash: it was altered');
    prev = hash;
    expectedSeq++;
  }
  return { ok: true, records: expectedSeq - 1, head: prev };
}

export interface ExportOptions {
  /** First and last calendar day (UTC) of the records, both included. */
  readonly from?: string;
  readonly to?: string;
  readonly format: 'csv' | 'jsonl';
}

const csvColumns = ['seq', 'at', 'kind', 'actor', 'rule_version', 'data_hashes', 'input', 'output', 'prev_hash', 'hash'] as const;

/** The records in a date range as lines of CSV (with a header) or JSON Lines, read page by page. */
export async function* exportAudit(store: Store, opts: ExportOptions): AsyncGenerator<string> {
  const from = opts.from === undefined ? undefined : parseDate(opts.from, 'from');
  const to = opts.to === undefined ? undefined : parseDate(opts.to, 'to');
  if (opts.format === 'csv') yield stringify([[...csvColumns]]);
  for await (const row of rows(store, { from, to })) {
    if (opts.format === 'csv') yield stringify([csvColumns.map((c) => row[c])]);
    else yield `${JSON.stringify(fromRow(row))}\n`;
  }
}

const pageSize = 500;

/** Audit rows in sequence order, optionally within [from, to] days, a page at a time. */
async function* rows(store: Store, range: { from?: string; to?: string }): AsyncGenerator<AuditTable> {
  let after = 0;
  for (;;) {
    const page = await store.db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '>', after)
      .$if(range.from !== undefined, (q) => q.where('at', '>=', range.from!))
      .$if(range.to !== undefined, (q) => q.where('at', '<', addDays(range.to!, 1)))
      .orderBy('seq')
      .limit(pageSize)
      .execute();
    yield* page;
    if (page.length < pageSize) return;
    after = page[page.length - 1].seq;
  }
}
