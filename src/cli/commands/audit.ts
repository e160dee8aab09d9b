import type { Command } from 'commander';
import { type Io, ExitCode, exit, json } from '../io.js';
import { oneOf } from '../options.js';
import { dataDir } from '../../config.js';
import { withStore } from '../../storage/store.js';
import { exportAudit, verifyAudit } from '../../audit/trail.js';

const formats = ['csv', 'jsonl'] as const;

/** `earmark audit verify|export`: the hash-chained record of decisions and ledger changes (15 CFR 762). */
export function registerAudit(program: Command, io: Io): void {
  const audit = program.command('audit').description('the audit trail of recorded decisions and ledger changes (kept for 15 CFR 762)');
  const dataDirOption = '--data-dir <dir>';
  const dataDirHelp = 'folder of the SQLite store (default EARMARK_DATA_DIR or ~/.earmark; EARMARK_DATABASE_URL selects PostgreSQL)';

  audit
    .command('verify')
    .description('recompute the hash chain and name the first broken record; exits 1 when one is')
    .option(dataDirOption, dataDirHelp)
    .option('--json', 'print JSON')
    .action((flags: { dataDir?: string; json?: boolean }) =>
      withStore({ env: io.env, dataDir: dataDir(io.env, flags.dataDir) }, async (store) => {
        const v = await verifyAudit(store);
        if (flags.json) io.out(json(v));
        else if (v.ok) io.out(`audit trail intact: ${v.records} records, head ${v.head}`);
        else io.out(`audit trail broken at record ${v.broken.seq}: ${v.broken.reason} (${v.records} records before it verify)`);
        if (!v.ok) throw new ExitCode(exit.failure);
      }),
    );

  audit
    .command('export')
    .description('write the records of a date range (UTC days, both included) as CSV or JSON Lines')
    .option('--from <date>', 'first day (YYYY-MM-DD)')
    .option('--to <date>', 'last day (YYYY-MM-DD)')
    .option('--format <format>', 'csv or jsonl', oneOf('format', formats), 'csv')
    .option(dataDirOption, dataDirHelp)
    .action((flags: { from?: string; to?: string; format: (typeof formats)[number]; dataDir?: string }) =>
      withStore({ env: io.env, dataDir: dataDir(io.env, flags.dataDir) }, async (store) => {
        for await (const line of exportAudit(store, { from: flags.from, to: flags.to, format: flags.format })) io.out(line);
      }),
    );
}
