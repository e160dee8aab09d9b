// OFAC's legacy SDN flat files: sdn.csv (the parties), alt.csv (their aliases) and add.csv (their addresses),
// joined on ent_num. No header; "-0-" (often with a trailing space) is null; CRLF; a DOS end-of-file byte
// 0x1A may end the file.
import { parse } from 'csv-parse/sync';
import countries from 'i18n-iso-countries';
import type { Parsed, Party, Rejection } from '../party.js';

const columns = { sdn: 12, alt: 5, add: 6 } as const;

/** OFAC's spellings of country names that the ISO English names do not match. */
const ofacCountries: Record<string, string> = {
  'Korea, North': 'KP',
  'Korea, South': 'KR',
  Burma: 'MM',
  'Congo, Democratic Republic of the': 'CD',
  'Congo, Republic of the': 'CG',
  'The Gambia': 'GM',
  Palestinian: 'PS',
  'West Bank': 'PS',
  Gaza: 'PS',
  Kosovo: 'XK',
  'Virgin Islands, British': 'VG',
  Macau: 'MO',
  Laos: 'LA',
};

function iso2(country: string): string | null {
  return ofacCountries[country] ?? countries.getAlpha2Code(country, 'en') ?? null;
}

const nil = (s: string | undefined): string => {
  const t = (s ?? '').trim();
  return t === '-0-' ? '' : t;
};

/** Rows of one OFAC file; a row whose field count is wrong is rejected with its line number. */
function rows(text: string, file: keyof typeof columns, rejected: Rejection[]): { record: string[]; line: number }[] {
  const body = text.replace(/\x1a\s*$/, '');
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(body, { relax_column_count: true, info: true, skip_empty_lines: true, relax_quotes: true }) as unknown as typeof parsed;
  } catch (e) {
    rejected.push({ row: (e as { lines?: number }).lines ?? 0, reason: `${file}.csv is not readable as CSV: ${e instanceof Error ? e.message : String(e)}` });
    return [];
  }
  const out: { record: string[]; line: number }[] = [];
  for (const { record, info } of parsed) {
    if (record.length !== columns[file]) {
      rejected.push({ row: info.lines, reason: `${file}.csv: ${record.length} fields where ${columns[file]} are expected` });
    } else if (!/^\d+$/.test(record[0].trim())) {
      rejected.push({ row: info.lines, reason: `${file}.csv: ent_num "${record[0]}" is not a number` });
    } else out.push({ record, line: info.lines });
  }
  return out;
}

/** Parses sdn.csv, with alt.csv and add.csv when given. Alias and address rows for an ent_num that sdn.csv
 * lacks are ignored (Treasury publishes the three files separately). */
export function parseOfac(sdn: string, alt?: string, add?: string): Parsed {
  const rejected: Rejection[] = [];
  const aliases = new Map<string, string[]>();
  for (const { record: r } of alt === undefined ? [] : rows(alt, 'alt', rejected)) {
    const name = nil(r[3]);
    if (name) aliases.set(r[0].trim(), [...(aliases.get(r[0].trim()) ?? []), name]);
  }
  const places = new Map<string, string[]>();
  for (const { record: r } of add === undefined ? [] : rows(add, 'add', rejected)) {
    const code = iso2(nil(r[4]));
    if (code) places.set(r[0].trim(), [...(places.get(r[0].trim()) ?? []), code]);
  }
  const parties: Party[] = [];
  for (const { record: r, line } of rows(sdn, 'sdn', rejected)) {
    const ent = r[0].trim();
    const name = nil(r[1]);
    if (!name) {
      rejected.push({ row: line, reason: `sdn.csv: ent_num ${ent} has no name` });
      continue;
    }
    const type = nil(r[2]);
    parties.push({
      name,
      altNames: aliases.get(ent) ?? [],
      list: 'SDN',
      source: 'Specially Designated Nationals (SDN) - Treasury Department',
      type: type === '' ? 'Entity' : type[0].toUpperCase() + type.slice(1),
      countries: [...new Set(places.get(ent) ?? [])],
      entityNumber: ent,
      licenseRequirement: null,
      licensePolicy: null,
      federalRegister: null,
      programs: nil(r[3]).split(/\]\s*\[/).map((p) => p.replace(/[[\]]/g, '').trim()).filter(Boolean),
    });
  }
  return { parties, rejected };
}
