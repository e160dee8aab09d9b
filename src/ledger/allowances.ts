import type { Kysely } from 'kysely';
import type { Confidence } from '../findings.js';
import { type IsoDate, parseDate } from '../dates.js';
import { InputError } from '../errors.js';
import { law, param } from '../law/law.js';
import type { Dated } from '../law/parameters.js';
import type { Store } from '../storage/store.js';
import type { AllowanceTable, Schema } from '../storage/schema.js';
import { type LedgerAudit, recordChange } from './changes.js';

// Allowances are the quantity caps a shipment draws on: License Exception LPP's TPP per ultimate
// consignee per calendar year (15 CFR 740.29), the AI Diffusion Tier 2 country allocations
// (15 CFR 740 Supp. No. 5) and the quantity a licence grants (15 CFR 750.7).

export type AllowanceKind = 'lpp' | 'country' | 'licence';
export type Unit = 'tpp' | 'units';
export const units: readonly Unit[] = ['tpp', 'units'];

/** Where an allowance's limit comes from and how sure that is. */
export interface AllowanceDetails {
  /** The consignee, country or licence number as first given. */
  readonly name: string;
  readonly citation: string;
  readonly source: string;
  readonly confidence: Confidence;
  readonly note?: string;
  readonly chip?: string;
  readonly destination?: string;
}

export interface Allowance {
  readonly id: string;
  readonly kind: AllowanceKind;
  readonly key: string;
  readonly unit: Unit;
  readonly limit: number;
  readonly periodFrom: IsoDate;
  readonly periodTo: IsoDate | null;
  /** Held by reservations not yet shipped or released. */
  readonly reserved: number;
  /** Shipped. */
  readonly consumed: number;
  readonly remaining: number;
  readonly details: AllowanceDetails;
}

export function toAllowance(row: AllowanceTable): Allowance {
  return {
    id: row.id,
    kind: row.kind as AllowanceKind,
    key: row.key,
    unit: row.unit as Unit,
    limit: row.limit_amount,
    periodFrom: row.period_from,
    periodTo: row.period_to,
    reserved: row.reserved,
    consumed: row.consumed,
    remaining: row.limit_amount - row.reserved - row.consumed,
    details: JSON.parse(row.details) as AllowanceDetails,
  };
}

export async function listAllowances(store: Store): Promise<Allowance[]> {
  const rows = await store.db.selectFrom('allowances').selectAll().orderBy('kind').orderBy('id').execute();
  return rows.map(toAllowance);
}

/** The allowance `id`, locked until the transaction ends on PostgreSQL (SQLite's transaction
 * already holds the file's write lock). */
export async function lockAllowance(db: Kysely<Schema>, store: Store, id: string): Promise<Allowance> {
  const row = await db
    .selectFrom('allowances')
    .selectAll()
    .where('id', '=', id)
    .$if(store.dialect === 'postgres', (q) => q.forUpdate())
    .executeTakeFirst();
  if (!row) throw new InputError('allowance', `no allowance "${id}"; list them with earmark ledger allowances`);
  return toAllowance(row);
}

/** Consignee names are matched without regard to case or spacing. */
const normalName = (s: string) => s.trim().replace(/\s+/g, ' ').toUpperCase();

export const licenceId = (number: string) => `licence/${normalName(number)}`;

interface LppValue {
  readonly annualTppPerConsignee: number;
}

/** The LPP allowance of `consignee` for calendar `year`, created from the rule data on first use:
 * the cap in force on 1 January, or the first one to come into force later that year. */
export async function ensureLppAllowance(store: Store, opts: { consignee: string; year: number }): Promise<Allowance> {
  const name = opts.consignee.trim().replace(/\s+/g, ' ');
  if (!name) throw new InputError('consignee', 'give the name of the ultimate consignee');
  if (!Number.isInteger(opts.year) || opts.year < 2022 || opts.year > 2100) {
    throw new InputError('year', `must be a calendar year from 2022, got ${opts.year}`);
  }
  const from = `${opts.year}-01-01`;
  const to = `${opts.year}-12-31`;
  const lpp = law().parameters.get('exception.LPP')!;
  const cap = param<LppValue>(law(), 'exception.LPP', from) ?? (lpp.values.find((v) => v.from > from && v.from <= to && v.value !== null) as Dated<LppValue> | undefined);
  if (!cap) {
    const first = lpp.values.find((v) => v.value !== null);
    throw new InputError('year', `License Exception LPP (15 CFR 740.29) was not in force in ${opts.year}; it applies from ${first?.from ?? 'no date in the data'}`);
  }
  const diffusion = law().versions.find((v) => v.id === '2025-01-ai-diffusion');
  const notes = [
    cap.from > from ? `LPP applies from ${cap.from}; the cap counts shipments from then` : undefined,
    diffusion?.status === 'codified-not-enforced' ? `LPP comes from the AI Diffusion rule (${diffusion.citation}), codified but not enforced by BIS since 2025-05-13` : undefined,
    cap.note,
  ].filter(Boolean);
  return ensure(store, {
    id: `lpp/${normalName(name)}/${opts.year}`,
    kind: 'lpp',
    key: normalName(name),
    unit: 'tpp',
    limit_amount: cap.value!.annualTppPerConsignee,
    period_from: from,
    period_to: to,
    details: { name, citation: cap.citation, source: cap.source, confidence: cap.confidence, ...(notes.length ? { note: notes.join('; ') } : {}) },
  });
}

interface Tier2Allocation {
  readonly tpp: number;
  readonly period: { readonly from: string; readonly to: string };
}

/** The Tier 2 country allocation of the destination in force on `date`, created on first use. */
export async function ensureCountryAllowance(store: Store, opts: { country: string; date: IsoDate }): Promise<Allowance> {
  const date = parseDate(opts.date, 'date');
  const record = law().countries.resolve(opts.country, 'country');
  const at = law().countries.at(record.iso2, date);
  if (at.tier !== 2) {
    throw new InputError('country', `${record.name} is in Tier ${at.tier} on ${date}; AI Diffusion country allocations apply to Tier 2 destinations only`);
  }
  const alloc = param<Tier2Allocation>(law(), 'allocation.tier2', date);
  const periodFrom = alloc ? String(alloc.value!.period.from) : '';
  const periodTo = alloc ? String(alloc.value!.period.to) : '';
  if (!alloc || date < periodFrom || date > periodTo) {
    throw new InputError('country', `no Tier 2 country allocation is in force on ${date}`);
  }
  return ensure(store, {
    id: `country/${at.effective}/${periodFrom}`,
    kind: 'country',
    key: at.effective,
    unit: 'tpp',
    limit_amount: alloc.value!.tpp,
    period_from: periodFrom,
    period_to: periodTo,
    details: { name: record.name, citation: alloc.citation, source: alloc.source, confidence: alloc.confidence, ...(alloc.note ? { note: alloc.note } : {}) },
  });
}

export interface LicenceTerms {
  readonly number: string;
  readonly chip: string;
  readonly to: string;
  /** The licensed quantity: chips, or TPP when `unit` is 'tpp'. */
  readonly quantity: number;
  readonly unit?: Unit;
  /** The day the licence is entered; it is drawn on from then. */
  readonly date: IsoDate;
  readonly validUntil?: IsoDate;
}

/** Enters a licence a user holds; its number may be entered once. */
export async function addLicence(store: Store, terms: LicenceTerms, audit?: LedgerAudit): Promise<Allowance> {
  const number = terms.number.trim();
  if (!number) throw new InputError('number', 'give the licence number');
  const chip = law().chips.resolve(terms.chip);
  const country = law().countries.resolve(terms.to, 'to');
  if (!Number.isSafeInteger(terms.quantity) || terms.quantity <= 0) {
    throw new InputError('units', `must be a whole number greater than 0, got ${terms.quantity}`);
  }
  const unit = terms.unit ?? 'units';
  if (!units.includes(unit)) throw new InputError('unit', `"${unit}" is not allowed; use one of ${units.join(', ')}`, units);
  const date = parseDate(terms.date, 'date');
  const validUntil = terms.validUntil === undefined ? null : parseDate(terms.validUntil, 'valid-until');
  if (validUntil !== null && validUntil < date) throw new InputError('valid-until', `${validUntil} is already past (today is ${date})`);
  const id = licenceId(number);
  const row = {
    id,
    kind: 'licence',
    key: normalName(number),
    unit,
    limit_amount: terms.quantity,
    period_from: date,
    period_to: validUntil,
    details: { name: number, chip: chip.id, destination: country.iso2, citation: '15 CFR 750.7', source: 'licence entered by the user', confidence: 'high' as const },
  };
  return store.transaction(async (db) => {
    const existing = await db.selectFrom('allowances').select('id').where('id', '=', id).executeTakeFirst();
    if (existing) throw new InputError('number', `licence ${number} is already in the ledger (${id})`);
    await db.insertInto('allowances').values({ ...row, reserved: 0, consumed: 0, details: JSON.stringify(row.details), created_at: new Date().toISOString() }).execute();
    const allowance = await lockAllowance(db, store, id);
    await recordChange(db, store, audit, { action: 'add-licence', input: terms, output: allowance, date });
    return allowance;
  });
}

type NewAllowance = Omit<AllowanceTable, 'reserved' | 'consumed' | 'details' | 'created_at'> & { details: AllowanceDetails };

/** Inserts the allowance unless it exists (two processes may create it at once), then reads it. */
function ensure(store: Store, a: NewAllowance): Promise<Allowance> {
  return store.transaction(async (db) => {
    await db
      .insertInto('allowances')
      .values({ ...a, reserved: 0, consumed: 0, details: JSON.stringify(a.details), created_at: new Date().toISOString() })
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
    return toAllowance(await db.selectFrom('allowances').selectAll().where('id', '=', a.id).executeTakeFirstOrThrow());
  });
}

/** Which allowance a reservation draws on: a licence by number, an LPP consignee-year or a Tier 2
 * country allocation (the two last created on first use). Exactly one must be named. */
export interface AllowanceSelector {
  readonly licence?: string;
  readonly lpp?: boolean;
  readonly consignee?: string;
  readonly year?: number;
  readonly country?: string;
}

export async function allowanceFor(store: Store, f: AllowanceSelector, date: string): Promise<string> {
  const chosen = [f.licence !== undefined, f.lpp === true, f.country !== undefined].filter(Boolean).length;
  if (chosen !== 1) throw new InputError('allowance', 'name exactly one: a licence (licence L), an LPP consignee-year (lpp with consignee NAME, year Y) or a country allocation (country CC)');
  if (!f.lpp && (f.consignee !== undefined || f.year !== undefined)) throw new InputError('consignee', 'consignee and year go with lpp');
  if (f.licence !== undefined) return licenceId(f.licence);
  if (f.country !== undefined) return (await ensureCountryAllowance(store, { country: f.country, date })).id;
  if (f.consignee === undefined) throw new InputError('consignee', 'lpp needs the ultimate consignee');
  return (await ensureLppAllowance(store, { consignee: f.consignee, year: f.year ?? Number(date.slice(0, 4)) })).id;
}
