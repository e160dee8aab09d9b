// `earmark lists import` and `lists update`: read a list file in any supported format into a dated,
// content-hashed snapshot. Nothing is stored unless every row was read: a list with holes is worse than
// yesterday's list, so a partial import leaves the previous snapshot in service.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { InputError } from '../errors.js';
import type { IsoDate } from '../dates.js';
import type { Parsed, Rejection, Snapshot } from './party.js';
import { isCompact, parseCompact } from './formats/compact.js';
import { isCslJson, parseCslCsv, parseCslJson } from './formats/csl.js';
import { parseOfac } from './formats/ofac.js';
import { sha256 } from './store.js';

export const importFormats = ['csl-csv', 'csl-json', 'ofac-csv', 'compact'] as const;
export type ImportFormat = (typeof importFormats)[number];

export interface ImportResult {
  readonly format: ImportFormat;
  /** The snapshot, when every row was read; null when any row was rejected or none was found. */
  readonly snapshot: Snapshot | null;
  readonly rejected: readonly Rejection[];
  /** Parties read. */
  readonly rows: number;
  /** Where the as-of date came from. */
  readonly asOfFrom: 'option' | 'file' | 'download date';
  /** Companion files read with it (alt.csv, add.csv for OFAC). */
  readonly companions: readonly string[];
}

/** Which format a file's text is in, from its first bytes. */
export function sniff(text: string, name: string): ImportFormat | null {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return extname(name).toLowerCase() === '.json' ? 'csl-json' : null;
    }
    return isCompact(value) ? 'compact' : isCslJson(value) ? 'csl-json' : null;
  }
  const first = head.split(/\r?\n/, 1)[0];
  if (/^"?_id"?,/.test(first) || (/\bsource\b/.test(first) && /\bname\b/.test(first))) return 'csl-csv';
  if (/^\d+,/.test(first)) return 'ofac-csv';
  return null;
}

function parseJson(text: string): unknown | Rejection {
  try {
    return JSON.parse(text);
  } catch (e) {
    return { row: 0, reason: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function parseAs(format: ImportFormat, text: string, companions: { alt?: string; add?: string }): Parsed {
  if (format === 'csl-csv') return parseCslCsv(text);
  if (format === 'ofac-csv') return parseOfac(text, companions.alt, companions.add);
  const value = parseJson(text);
  if (value && typeof value === 'object' && 'reason' in value && 'row' in value) return { parties: [], rejected: [value as Rejection] };
  return format === 'compact' ? parseCompact(value) : parseCslJson(value);
}

/** Reads list data into a snapshot. `bytes` is the file; `companions` the OFAC alt/add files beside it. */
export function importBytes(
  bytes: Uint8Array,
  source: string,
  opts: { format?: ImportFormat; asOf?: IsoDate; downloaded?: IsoDate; companions?: { alt?: Uint8Array; add?: Uint8Array } },
): ImportResult {
  const text = Buffer.from(bytes).toString('utf8');
  const format = opts.format ?? sniff(text, source);
  if (format === null) {
    throw new InputError('format', `cannot tell the format of ${source}; give --format, one of ${importFormats.join(', ')}`, importFormats);
  }
  const alt = opts.companions?.alt;
  const add = opts.companions?.add;
  const parsed = parseAs(format, text, {
    alt: alt && Buffer.from(alt).toString('utf8'),
    add: add && Buffer.from(add).toString('utf8'),
  });
  const rejected = [...parsed.rejected];
  if (parsed.parties.length === 0 && rejected.length === 0) rejected.push({ row: 0, reason: 'the file holds no parties' });
  const asOf = opts.asOf ?? parsed.asOf ?? opts.downloaded;
  if (asOf === undefined) throw new InputError('as-of', `${source} does not state the date of its data; give --as-of YYYY-MM-DD`);
  const asOfFrom = opts.asOf ? 'option' : parsed.asOf ? 'file' : 'download date';
  const hash = sha256(Buffer.concat([bytes, ...(alt ? [alt] : []), ...(add ? [add] : [])]));
  const companions = [alt ? 'alt.csv' : null, add ? 'add.csv' : null].filter((x): x is string => x !== null);
  const snapshot = rejected.length > 0 ? null : { source, format, asOf, sha256: hash, parties: parsed.parties };
  return { format, snapshot, rejected, rows: parsed.parties.length, asOfFrom, companions };
}

/** A file beside `file` whose name is `name`, in any letter case. */
function beside(file: string, name: string): string | null {
  const dir = dirname(file);
  const found = readdirSync(dir).find((f) => f.toLowerCase() === name);
  return found ? join(dir, found) : null;
}

/** Imports a file from disk: OFAC's sdn.csv brings alt.csv and add.csv from its folder when they are there.
 * The as-of date is the option, else the date the file states (a copied file's modification date says
 * nothing of its data, so it is never used). */
export function importFile(file: string, opts: { format?: ImportFormat; asOf?: IsoDate }): ImportResult {
  if (!existsSync(file)) throw new InputError('file', `${file} does not exist`);
  const bytes = readFileSync(file);
  const format = opts.format ?? sniff(bytes.toString('utf8'), file) ?? undefined;
  let companions: { alt?: Uint8Array; add?: Uint8Array } | undefined;
  if (format === 'ofac-csv') {
    const alt = beside(file, 'alt.csv');
    const add = beside(file, 'add.csv');
    companions = { alt: alt && alt !== file ? readFileSync(alt) : undefined, add: add && add !== file ? readFileSync(add) : undefined };
  }
  return importBytes(bytes, basename(file), { format, asOf: opts.asOf, companions });
}
