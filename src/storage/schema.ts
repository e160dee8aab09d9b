/** The tables earmark keeps, as Kysely sees them. Amounts are whole numbers (TPP or chips) stored as
 * 64-bit integers; dates are ISO strings; structured fields are canonical JSON text. */
export interface Schema {
  earmark_migrations: MigrationTable;
  allowances: AllowanceTable;
  reservations: ReservationTable;
  audit_log: AuditTable;
}

export interface MigrationTable {
  version: number;
  name: string;
  applied_at: string;
}

export interface AllowanceTable {
  /** kind/key/period, e.g. "lpp/ACME CORP/2026", "country/AE/2025-01-13", "licence/D123456". */
  id: string;
  kind: string;
  key: string;
  unit: string;
  limit_amount: number;
  period_from: string;
  period_to: string | null;
  /** Held by open reservations (not yet shipped). */
  reserved: number;
  /** Shipped. */
  consumed: number;
  /** JSON: name as first given, chip, destination, citation, source, confidence, note. */
  details: string;
  created_at: string;
}

export interface ReservationTable {
  /** The caller's idempotency key. */
  key: string;
  allowance_id: string;
  amount: number;
  /** reserved | released | consumed | refused */
  state: string;
  /** Room left on the allowance right after the first answer, replayed with it. */
  remaining: number;
  created_at: string;
  updated_at: string;
}

export interface AuditTable {
  seq: number;
  at: string;
  kind: string;
  actor: string;
  rule_version: string | null;
  /** JSON: sha256 of the bundled data folders and any snapshot the caller names. */
  data_hashes: string;
  input: string;
  output: string;
  prev_hash: string;
  hash: string;
}
