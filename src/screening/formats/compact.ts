// The compact re-encoding of the trade.gov CSL JSON that earmark ships (data/lists/screening-list-*.json):
// short keys explained by `fieldKey`, repeated strings moved into `tables`.
import type { Parsed, Party, Rejection } from '../party.js';
import { listCode } from '../lists.js';

interface CompactEntry {
  n?: unknown;
  a?: unknown;
  s?: unknown;
  t?: unknown;
  c?: unknown;
  e?: unknown;
  lr?: unknown;
  lp?: unknown;
  pg?: unknown;
  fr?: unknown;
}

interface CompactFile {
  sourceGeneratedAt?: unknown;
  tables?: { sources?: string[]; licenceRequirements?: string[]; licencePolicies?: string[]; programmes?: string[] };
  entries?: unknown;
}

/** True when `value` looks like the compact format (so that `lists import` can recognise it). */
export function isCompact(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'fieldKey' in value && 'tables' in value && 'entries' in value;
}

export function parseCompact(value: unknown): Parsed {
  const file = value as CompactFile;
  const t = file.tables ?? {};
  const rejected: Rejection[] = [];
  const parties: Party[] = [];
  if (!Array.isArray(file.entries)) return { parties, rejected: [{ row: 0, reason: 'no "entries" array' }] };
  const at = (table: string[] | undefined, i: unknown, what: string, row: number): string | null => {
    if (i === undefined || i === null) return null;
    if (typeof i !== 'number' || !table || table[i] === undefined) {
      rejected.push({ row, reason: `${what} index ${JSON.stringify(i)} is not in tables` });
      return null;
    }
    return table[i];
  };
  file.entries.forEach((raw: CompactEntry, i) => {
    const row = i + 1;
    const before = rejected.length;
    if (typeof raw !== 'object' || raw === null) return void rejected.push({ row, reason: 'entry is not an object' });
    if (typeof raw.n !== 'string' || raw.n.trim() === '') return void rejected.push({ row, reason: 'empty name' });
    const source = at(t.sources, raw.s, 'source', row);
    const list = source === null ? null : listCode(source);
    if (source !== null && list === null) rejected.push({ row, reason: `unknown list "${source}"` });
    if (source === null && rejected.length === before) rejected.push({ row, reason: 'no source list' });
    const licenseRequirement = at(t.licenceRequirements, raw.lr, 'licence requirement', row);
    const licensePolicy = at(t.licencePolicies, raw.lp, 'licence policy', row);
    const programs = at(t.programmes, raw.pg, 'programme', row);
    if (rejected.length > before || list === null || source === null) return;
    parties.push({
      name: raw.n,
      altNames: Array.isArray(raw.a) ? raw.a.filter((x): x is string => typeof x === 'string' && x.trim() !== '') : [],
      list,
      source,
      type: typeof raw.t === 'string' ? raw.t : null,
      countries: Array.isArray(raw.c) ? raw.c.filter((x): x is string => typeof x === 'string') : [],
      entityNumber: typeof raw.e === 'string' && raw.e !== '' ? raw.e : null,
      licenseRequirement,
      licensePolicy,
      federalRegister: typeof raw.fr === 'string' && raw.fr !== '' ? raw.fr : null,
      programs: programs ? programs.split(/;\s*/).filter(Boolean) : [],
    });
  });
  const generated = typeof file.sourceGeneratedAt === 'string' ? file.sourceGeneratedAt.slice(0, 10) : undefined;
  return { parties, rejected, asOf: generated };
}
