import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { parse as parseCsv } from 'csv-parse/sync';
import { SingleBar } from 'cli-progress';
import { type Io, ExitCode, exit, json } from '../io.js';
import { number } from '../options.js';
import { InputError } from '../../errors.js';
import { type ScreenOptions, type ScreenResult, openScreening, screen } from '../../screening/index.js';

interface ScreenFlags {
  country?: string;
  list?: string[];
  threshold?: number;
  limit?: number;
  json?: boolean;
  file?: string;
  nameColumn?: string;
  countryColumn?: string;
  dataDir?: string;
}

/** `earmark screen NAME` and `earmark screen --file FILE`: restricted-party screening. */
export function registerScreen(program: Command, io: Io): void {
  program
    .command('screen')
    .description('screen a name (or a file of names) against the restricted-party lists in service')
    .argument('[name]', 'the party name to screen')
    .option('--country <cc>', 'only parties with an address in this ISO-2 country (or none stated)')
    .option('--list <code>', 'only this list (EL, SDN, DPL, UVL, MEU, ...); repeatable', (v: string, acc: string[] = []) => [...acc, ...v.split(',')])
    .option('--threshold <0..1>', 'score from which a hit is a match', number('threshold'))
    .option('--limit <n>', 'most hits per name', number('limit', { integer: true, positive: true }))
    .option('--file <file>', 'a customer list: one name a line, or a CSV with a header')
    .option('--name-column <col>', 'CSV column holding the name (default: "name", else the first column)')
    .option('--country-column <col>', 'CSV column holding the ISO-2 country')
    .option('--data-dir <dir>', 'where imported list snapshots live')
    .option('--json', 'print JSON')
    .action((name: string | undefined, flags: ScreenFlags) => {
      const opts: ScreenOptions = { country: flags.country, lists: flags.list, threshold: flags.threshold, limit: flags.limit };
      if (flags.file !== undefined) {
        if (name !== undefined) throw new InputError('name', 'give either a NAME or --file, not both');
        return screenFile(io, flags, opts);
      }
      if (name === undefined) throw new InputError('name', 'give a NAME to screen, or --file FILE');
      const service = openScreening(io.env, flags.dataDir);
      for (const p of service.problems) io.err(`earmark: passed over a stored snapshot: ${p}`);
      const result = screen(service, name, opts);
      io.out(flags.json ? json(result) : describe(result));
    });
}

function describe(r: ScreenResult): string {
  const lines = [snapshotLine(r)];
  if (r.hits.length === 0) lines.push(`no hit for "${r.query}" (threshold ${r.threshold})`);
  for (const h of r.hits) {
    lines.push(
      `${h.status === 'match' ? 'MATCH ' : 'review'} ${h.score.toFixed(3)}  ${h.list.padEnd(4)} ${h.name}${h.country ? ` [${h.countries.join(', ')}]` : ''}${h.footnote ? ` ${h.footnotes.join(' ')}` : ''}`,
    );
    const detail = [`matched "${h.matchedName}"`];
    if (h.entityNumber) detail.push(`entry ${h.entityNumber}`);
    if (h.federalRegister) detail.push(h.federalRegister);
    lines.push(`       ${detail.join('; ')}`);
    if (h.licenseRequirement) lines.push(`       licence: ${h.licenseRequirement}`);
    if (h.licensePolicy) lines.push(`       policy:  ${h.licensePolicy}`);
    lines.push(`       tokens:  ${h.tokens.map((t) => `${t.query}→${t.matched ?? '∅'} ${t.similarity}×${t.weight}`).join(', ')}`);
  }
  return lines.join('\n');
}

function snapshotLine(r: ScreenResult): string {
  const s = r.snapshot;
  return `lists as of ${s.asOf} (${s.ageDays} days old; ${s.rows} parties; ${s.source}; sha256 ${s.sha256.slice(0, 16)})`;
}

interface Row {
  input: string;
  country?: string;
}

/** Reads a customer list: a CSV when its first line has a comma or the name column is named, else one name a line. */
function readRows(file: string, flags: ScreenFlags): Row[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError('file', `cannot read ${file}: ${e instanceof Error ? e.message : String(e)}`);
  }
  text = text.replace(/^\uFEFF/, '');
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const isCsv = flags.nameColumn !== undefined || flags.countryColumn !== undefined || first.includes(',');
  if (!isCsv) return text.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => ({ input: l.trim(), country: undefined }));
  let records: Record<string, string>[];
  try {
    records = parseCsv(text, { columns: true, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (e) {
    throw new InputError('file', `${file} is not a readable CSV: ${e instanceof Error ? e.message : String(e)}`);
  }
  const header = parseCsv(first, { to_line: 1 })[0] as string[];
  const nameColumn = flags.nameColumn ?? (header.includes('name') ? 'name' : header[0]);
  if (!header.includes(nameColumn)) throw new InputError('name-column', `"${nameColumn}" is not a column of ${file}; columns: ${header.join(', ')}`, header);
  if (flags.countryColumn !== undefined && !header.includes(flags.countryColumn)) {
    throw new InputError('country-column', `"${flags.countryColumn}" is not a column of ${file}; columns: ${header.join(', ')}`, header);
  }
  return records.map((r) => ({ input: r[nameColumn] ?? '', country: flags.countryColumn ? r[flags.countryColumn] || undefined : undefined }));
}

function screenFile(io: Io, flags: ScreenFlags, opts: ScreenOptions): void {
  const rows = readRows(flags.file!, flags);
  const service = openScreening(io.env, flags.dataDir);
  for (const p of service.problems) io.err(`earmark: passed over a stored snapshot: ${p}`);
  const bar = io.isTTY ? new SingleBar({ stream: process.stderr, format: 'screening [{bar}] {value}/{total} names' }) : null;
  bar?.start(rows.length, 0);
  let bad = 0;
  let first: ScreenResult | null = null;
  for (const row of rows) {
    let line: string;
    try {
      const r = screen(service, row.input, { ...opts, country: row.country ?? opts.country });
      first ??= r;
      line = flags.json
        ? JSON.stringify(row.country ? { input: row.input, country: row.country, hits: r.hits } : { input: row.input, hits: r.hits })
        : [row.input, r.hits[0]?.status ?? 'clear', r.hits[0]?.score ?? '', r.hits[0]?.list ?? '', r.hits[0]?.name ?? ''].join('\t');
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      bad++;
      line = flags.json ? JSON.stringify({ input: row.input, error: e.message }) : [row.input, 'error', e.message].join('\t');
    }
    io.out(line);
    bar?.increment();
  }
  bar?.stop();
  const s = service.snapshot;
  io.err(`earmark: screened ${rows.length} names against the lists as of ${s.asOf} (sha256 ${s.sha256.slice(0, 16)})${bad ? `; ${bad} rows could not be screened` : ''}`);
  if (bad > 0) throw new ExitCode(exit.input);
}
