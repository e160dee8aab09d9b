import { basename } from 'node:path';
import type { Command } from 'commander';
import { type Io, ExitCode, exit, json } from '../io.js';
import { oneOf } from '../options.js';
import { parseDate, today } from '../../dates.js';
import { dataDir } from '../../config.js';
import { openScreening } from '../../screening/index.js';
import { adoptImport } from '../../screening/intake.js';
import { type ImportFormat, type ImportResult, importBytes, importFile, importFormats } from '../../screening/import.js';
import { loadBundled, readStored, storedFiles } from '../../screening/store.js';
import { Unreachable, download, officialCslUrl } from '../../screening/update.js';

interface Common {
  dataDir?: string;
  json?: boolean;
}

/** Rejected rows printed in full; the rest are counted. */
const shownRejections = 20;

/** `earmark lists`: the list snapshots earmark has, and how to add a newer one. */
export function registerLists(program: Command, io: Io): void {
  const lists = program
    .command('lists')
    .description('restricted-party list snapshots: the one in service and those available')
    .option('--data-dir <dir>', 'where imported list snapshots live (also for import and update)')
    .option('--json', 'print JSON (also for import and update)')
    .action((flags: Common) => show(io, flags));

  lists
    .command('import')
    .description('import a list file as a new dated snapshot (CSL CSV or JSON, OFAC sdn.csv with alt.csv/add.csv beside it)')
    .argument('<file>', 'the list file')
    .option('--format <format>', `one of ${importFormats.join(', ')} (default: recognised from the content)`, oneOf('format', importFormats))
    .option('--as-of <date>', "the list's date, YYYY-MM-DD (needed when the file does not state it)", (s: string) => parseDate(s, 'as-of'))
    .action((file: string, _opts: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals<Common & { format?: ImportFormat; asOf?: string }>();
      const result = importFile(file, { format: flags.format, asOf: flags.asOf });
      finish(io, flags, file, result);
    });

  lists
    .command('update')
    .description('download the current Consolidated Screening List from its official address and import it')
    .option('--url <url>', 'where to download from', officialCslUrl)
    .action(async (_opts: unknown, cmd: Command) => {
      const flags = cmd.optsWithGlobals<Common & { url: string }>();
      let got: Awaited<ReturnType<typeof download>>;
      try {
        got = await download(flags.url);
      } catch (e) {
        if (!(e instanceof Unreachable)) throw e;
        const s = openScreening(io.env, flags.dataDir).snapshot;
        io.err(`earmark: ${e.message}; the snapshot in service stays the one as of ${s.asOf} (${s.source})`);
        throw new ExitCode(exit.failure);
      }
      const name = basename(new URL(flags.url).pathname) || flags.url;
      const result = importBytes(got.bytes, name, { downloaded: got.lastModified ?? today() });
      finish(io, flags, flags.url, result);
    });
}

function finish(io: Io, flags: Common, what: string, result: ImportResult): void {
  const report = adoptImport(io.env, flags.dataDir, what, result);
  if (flags.json) io.out(json(report));
  if (!report.imported) {
    if (!flags.json) {
      io.err(`earmark: ${what} not imported: ${report.rejectedRows} rows rejected (${report.partiesRead} read)`);
      for (const r of report.rejected.slice(0, shownRejections)) io.err(`  row ${r.row}: ${r.reason}`);
      if (report.rejected.length > shownRejections) io.err(`  ... and ${report.rejected.length - shownRejections} more`);
      io.err(`earmark: the snapshot in service stays the one as of ${report.inService.asOf} (${report.inService.source})`);
    }
    throw new ExitCode(exit.failure);
  }
  if (!flags.json) {
    io.out(`imported ${what} (${report.format}${report.companions.length ? ` with ${report.companions.join(', ')}` : ''}): ${report.rows} parties as of ${report.asOf} (${report.asOfFrom}), sha256 ${report.sha256.slice(0, 16)}`);
    io.out(report.nowInService ? 'now in service' : `not in service: the snapshot as of ${report.inService.asOf} (${report.inService.source}) is newer`);
  }
  if (report.warning) io.err(`earmark: warning: ${report.warning}`);
}

function show(io: Io, flags: Common): void {
  const dir = dataDir(io.env, flags.dataDir);
  const service = openScreening(io.env, flags.dataDir).snapshot;
  const bundled = loadBundled();
  const rows: { source: string; format: string; asOf: string | null; rows: number | null; sha256: string | null; file: string | null; inService: boolean; error?: string }[] = [];
  const inService = (asOf: string, sha: string) => service.asOf === asOf && service.sha256 === sha;
  for (const file of storedFiles(dir)) {
    const r = readStored(file);
    if ('error' in r) rows.push({ source: basename(file), format: '?', asOf: null, rows: null, sha256: null, file, inService: false, error: r.error });
    else rows.push({ source: r.info.source, format: r.info.format, asOf: r.info.asOf, rows: r.info.rows, sha256: r.info.sha256, file, inService: inService(r.info.asOf, r.info.sha256) });
  }
  rows.push({ source: bundled.source, format: bundled.format, asOf: bundled.asOf, rows: bundled.parties.length, sha256: bundled.sha256, file: null, inService: inService(bundled.asOf, bundled.sha256) });
  const ageDays = Math.round((Date.parse(`${today()}T00:00:00Z`) - Date.parse(`${service.asOf}T00:00:00Z`)) / 86_400_000);
  if (flags.json) {
    io.out(json({ inService: { asOf: service.asOf, sha256: service.sha256, source: service.source, rows: service.parties.length, ageDays }, snapshots: rows }));
    return;
  }
  io.out(`in service: lists as of ${service.asOf} (${ageDays} days old), ${service.source}`);
  for (const r of rows) {
    io.out(
      `${r.inService ? '*' : ' '} ${r.asOf ?? '----------'}  ${String(r.rows ?? '').padStart(6)}  ${r.sha256?.slice(0, 16) ?? '-'.repeat(16)}  ${r.format.padEnd(8)} ${r.source}${r.error ? `  UNUSABLE: ${r.error}` : ''}`,
    );
  }
}
