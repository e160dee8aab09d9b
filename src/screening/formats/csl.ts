// trade.gov's Consolidated Screening List, as its bulk CSV (29 columns, multi-valued fields joined by "; ")
// and as its bulk JSON ({ results: [...] }, multi-valued fields as arrays).
import { parse } from 'csv-parse/sync';
import type { Parsed, Party, Rejection } from '../party.js';
import { listCode } from '../lists.js';

export const cslColumns = [
  '_id', 'source', 'entity_number', 'type', 'programs', 'name', 'title', 'addresses', 'federal_register_notice',
  'start_date', 'end_date', 'standard_order', 'license_requirement', 'license_policy', 'call_sign', 'vessel_type',
  'gross_tonnage', 'gross_registered_tonnage', 'vessel_flag', 'vessel_owner', 'remarks', 'source_list_url',
  'alt_names', 'citizenships', 'dates_of_birth', 'nationalities', 'places_of_birth', 'source_information_url', 'ids',
] as const;

/** The fields of one CSL record that earmark keeps, before validation. */
interface CslRecord {
  source: string;
  name: string;
  entityNumber: string;
  type: string;
  programs: string[];
  countries: string[];
  altNames: string[];
  federalRegister: string;
  licenseRequirement: string;
  licensePolicy: string;
}

/** A record as a Party, or the reason it cannot be one. */
function party(r: CslRecord): Party | string {
  if (r.name.trim() === '') return 'empty name';
  const list = listCode(r.source);
  if (list === null) return r.source.trim() === '' ? 'empty source' : `unknown list "${r.source}"`;
  const opt = (s: string) => (s.trim() === '' ? null : s.trim());
  return {
    name: r.name.trim(),
    altNames: r.altNames.map((a) => a.trim()).filter(Boolean),
    list,
    source: r.source.trim(),
    type: opt(r.type),
    countries: [...new Set(r.countries)],
    entityNumber: opt(r.entityNumber),
    licenseRequirement: opt(r.licenseRequirement),
    licensePolicy: opt(r.licensePolicy),
    federalRegister: opt(r.federalRegister),
    programs: r.programs.map((p) => p.trim()).filter(Boolean),
  };
}

const many = (s: string): string[] => (s.trim() === '' ? [] : s.split('; '));

/** ISO-2 codes from CSV addresses: each address ("street, city, country name, CC") ends with its code. */
function addressCountries(addresses: string): string[] {
  const out: string[] = [];
  for (const a of many(addresses)) {
    const m = /,\s*([A-Z]{2})\s*$/.exec(a);
    if (m) out.push(m[1]);
  }
  return out;
}

export function parseCslCsv(text: string): Parsed {
  const rejected: Rejection[] = [];
  const parties: Party[] = [];
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, info: true, skip_empty_lines: true }) as unknown as typeof rows;
  } catch (e) {
    const line = (e as { lines?: number }).lines ?? 0;
    return { parties, rejected: [{ row: line, reason: `not readable as CSV: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  const header = rows[0]?.record ?? [];
  const col = new Map(header.map((h, i) => [h.trim(), i]));
  const missing = ['source', 'name'].filter((c) => !col.has(c));
  if (missing.length > 0) return { parties, rejected: [{ row: 1, reason: `header lacks the column(s) ${missing.join(', ')}` }] };
  const get = (rec: string[], c: string) => rec[col.get(c) ?? -1] ?? '';
  for (let i = 1; i < rows.length; i++) {
    const { record, info } = rows[i];
    const row = info.lines;
    if (record.length !== header.length) {
      rejected.push({ row, reason: `${record.length} fields where the header has ${header.length}` });
      continue;
    }
    const p = party({
      source: get(record, 'source'),
      name: get(record, 'name'),
      entityNumber: get(record, 'entity_number'),
      type: get(record, 'type'),
      programs: many(get(record, 'programs')),
      countries: addressCountries(get(record, 'addresses')),
      altNames: many(get(record, 'alt_names')),
      federalRegister: get(record, 'federal_register_notice'),
      licenseRequirement: get(record, 'license_requirement'),
      licensePolicy: get(record, 'license_policy'),
    });
    if (typeof p === 'string') rejected.push({ row, reason: p });
    else parties.push(p);
  }
  return { parties, rejected };
}

const str = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const strs = (v: unknown): string[] => (Array.isArray(v) ? v.map(str).filter(Boolean) : typeof v === 'string' ? many(v) : []);

/** True when `value` looks like the CSL bulk JSON: `{ results: [...] }` or a bare array of records. */
export function isCslJson(value: unknown): boolean {
  const results = Array.isArray(value) ? value : (value as { results?: unknown } | null)?.results;
  return Array.isArray(results) && (results.length === 0 || (typeof results[0] === 'object' && results[0] !== null && 'name' in results[0]));
}

export function parseCslJson(value: unknown): Parsed {
  const rejected: Rejection[] = [];
  const parties: Party[] = [];
  const results = Array.isArray(value) ? value : (value as { results?: unknown } | null)?.results;
  if (!Array.isArray(results)) return { parties, rejected: [{ row: 0, reason: 'no "results" array' }] };
  results.forEach((r: Record<string, unknown>, i) => {
    const row = i + 1;
    if (typeof r !== 'object' || r === null) return void rejected.push({ row, reason: 'record is not an object' });
    const addresses = Array.isArray(r.addresses) ? r.addresses : [];
    const p = party({
      source: str(r.source),
      name: str(r.name),
      entityNumber: str(r.entity_number),
      type: str(r.type),
      programs: strs(r.programs),
      countries: addresses.map((a: { country?: unknown }) => str(a?.country)).filter((c: string) => /^[A-Z]{2}$/.test(c)),
      altNames: strs(r.alt_names),
      federalRegister: str(r.federal_register_notice),
      licenseRequirement: str(r.license_requirement),
      licensePolicy: str(r.license_policy),
    });
    if (typeof p === 'string') rejected.push({ row, reason: p });
    else parties.push(p);
  });
  return { parties, rejected };
}
