import type { Confidence } from '../findings.js';
import { type IsoDate, parseDate } from '../dates.js';
import { InputError } from '../errors.js';
import type { Store } from '../storage/store.js';
import { type Unit, lockAllowance, units } from './allowances.js';
import { type LedgerAudit, recordChange } from './changes.js';

// Reservations draw on an allowance: `reserve` holds an amount if the allowance has room, `release`
// gives it back (shipment cancelled), `consume` marks it shipped. Each runs as one write transaction
// with the allowance locked, and is keyed by the caller's idempotency key: a repeated key returns the
// first answer and changes nothing.

export interface ReserveRequest {
  /** Allowance id, from ensureLppAllowance, ensureCountryAllowance or addLicence. */
  readonly allowance: string;
  /** Whole TPP or chips, in the allowance's unit. */
  readonly amount: number;
  readonly key: string;
  /** When given, must be the allowance's unit (a guard against TPP given for chips or the reverse). */
  readonly unit?: Unit;
  /** The day of the reservation: a licence cannot be drawn on after its validity ends. */
  readonly date: IsoDate;
}

export interface ReserveResult {
  readonly ok: boolean;
  readonly allowance: string;
  readonly amount: number;
  /** Room left right after the first answer to this key. */
  readonly remaining: number;
  readonly key: string;
  readonly replayed: boolean;
  readonly unit: Unit;
  readonly confidence: Confidence;
}

export async function reserve(store: Store, req: ReserveRequest, audit?: LedgerAudit): Promise<ReserveResult> {
  const key = checkKey(req.key);
  if (!Number.isSafeInteger(req.amount) || req.amount <= 0) {
    throw new InputError('amount', `must be a whole number greater than 0, got ${req.amount}`);
  }
  if (req.unit !== undefined && !units.includes(req.unit)) {
    throw new InputError('unit', `"${req.unit}" is not allowed; use one of ${units.join(', ')}`, units);
  }
  const date = parseDate(req.date, 'date');
  return store.transaction(async (db) => {
    const a = await lockAllowance(db, store, req.allowance);
    if (req.unit !== undefined && req.unit !== a.unit) {
      throw new InputError('unit', `${a.id} counts ${a.unit}, not ${req.unit}; give the amount in ${a.unit}`, [a.unit]);
    }
    const answer = (ok: boolean, remaining: number, replayed: boolean): ReserveResult => ({
      ok, allowance: a.id, amount: req.amount, remaining, key, replayed, unit: a.unit, confidence: a.details.confidence,
    });
    const first = await db.selectFrom('reservations').selectAll().where('key', '=', key).executeTakeFirst();
    if (first) {
      if (first.allowance_id !== a.id || first.amount !== req.amount) {
        throw new InputError('key', `"${key}" was already used to reserve ${first.amount} on ${first.allowance_id}; use a new key for a different reservation`);
      }
      return answer(first.state !== 'refused', first.remaining, true);
    }
    // 15 CFR 750.7(g): a licence is valid until the date it states.
    if (a.kind === 'licence' && a.periodTo !== null && date > a.periodTo) {
      throw new InputError('licence', `${a.details.name} expired on ${a.periodTo}`);
    }
    const ok = req.amount <= a.remaining;
    const remaining = ok ? a.remaining - req.amount : a.remaining;
    if (ok) {
      await db.updateTable('allowances').set((eb) => ({ reserved: eb('reserved', '+', req.amount) })).where('id', '=', a.id).execute();
    }
    const now = new Date().toISOString();
    await db
      .insertInto('reservations')
      .values({ key, allowance_id: a.id, amount: req.amount, state: ok ? 'reserved' : 'refused', remaining, created_at: now, updated_at: now })
      .execute();
    const result = answer(ok, remaining, false);
    await recordChange(db, store, audit, { action: 'reserve', input: { ...req, key }, output: result, date });
    return result;
  });
}

export interface MoveResult {
  readonly ok: true;
  readonly key: string;
  readonly allowance: string;
  readonly amount: number;
  readonly state: 'released' | 'consumed';
  /** Room left on the allowance now. */
  readonly remaining: number;
  /** True when the reservation was already in this state: nothing changed. */
  readonly replayed: boolean;
}

/** The shipment was cancelled: the reserved amount returns to the allowance. */
export function release(store: Store, req: { key: string }, audit?: LedgerAudit): Promise<MoveResult> {
  return move(store, req.key, 'released', audit);
}

/** The shipment left: the reserved amount counts as used for good. */
export function consume(store: Store, req: { key: string }, audit?: LedgerAudit): Promise<MoveResult> {
  return move(store, req.key, 'consumed', audit);
}

async function move(store: Store, rawKey: string, to: 'released' | 'consumed', audit: LedgerAudit | undefined): Promise<MoveResult> {
  const key = checkKey(rawKey);
  return store.transaction(async (db) => {
    const find = () => db.selectFrom('reservations').selectAll().where('key', '=', key).executeTakeFirst();
    const seen = await find();
    if (!seen) throw new InputError('key', `no reservation with key "${key}"`);
    const a = await lockAllowance(db, store, seen.allowance_id);
    // Read again under the allowance's lock: another process may have moved it meanwhile.
    const r = (await find())!;
    const result = (remaining: number, replayed: boolean): MoveResult => ({
      ok: true, key, allowance: a.id, amount: r.amount, state: to, remaining, replayed,
    });
    if (r.state === to) return result(a.remaining, true);
    if (r.state !== 'reserved') {
      const why = r.state === 'refused' ? 'was refused, so it holds nothing' : `is already ${r.state}`;
      throw new InputError('key', `reservation "${key}" ${why}; it cannot be ${to}`);
    }
    await db
      .updateTable('allowances')
      .set((eb) => (to === 'released'
        ? { reserved: eb('reserved', '-', r.amount) }
        : { reserved: eb('reserved', '-', r.amount), consumed: eb('consumed', '+', r.amount) }))
      .where('id', '=', a.id)
      .execute();
    await db.updateTable('reservations').set({ state: to, updated_at: new Date().toISOString() }).where('key', '=', key).execute();
    const out = result(to === 'released' ? a.remaining + r.amount : a.remaining, false);
    await recordChange(db, store, audit, { action: to === 'released' ? 'release' : 'consume', input: { key }, output: out });
    return out;
  });
}

function checkKey(raw: string): string {
  const key = raw.trim();
  if (!key) throw new InputError('key', 'give an idempotency key (any text unique to this reservation, e.g. the order number)');
  if (key.length > 200) throw new InputError('key', 'must be 200 characters or fewer');
  return key;
}
