import { createReadStream, createWriteStream, existsSync, realpathSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { cliActor } from '../../audit/record.js';
import { resultColumns } from '../../batch/columns.js';
import { BatchRecorder } from '../../batch/record.js';
import { outputHeader, resumePoint } from '../../batch/resume.js';
import { type BatchStats, batchLines } from '../../batch/run.js';
import { dataDir } from '../../config.js';
import { today } from '../../dates.js';
import { InputError } from '../../errors.js';
import { law } from '../../law/law.js';
import { rememberedScreen } from '../../licensing/decide.js';
import { openScreening } from '../../screening/index.js';
import { openStore } from '../../storage/store.js';
import type { Io } from '../io.js';
import { oneOf } from '../options.js';

interface BatchOptions {
  output: string;
  dateColumn: string;
  view: 'enforced' | 'codified';
  record?: boolean;
  resume?: boolean;
  dataDir?: string;
}

/** Lines per write; with --record, also rows per audit transaction (their lines are written after it commits). */
const chunk = 500;

export function registerBatch(program: Command, io: Io): void {
  program.command('batch').description('decide every line of an order book (CSV with a header), streaming; one output row per input row')
    .argument('<in.csv>', 'input: columns chip (or tpp, die_area, interconnect, memory_bandwidth, not_datacenter, hbm_density, computer), quantity, to, buyer, buyer_hq, parent_hq, vendor, export_from, date; others pass through')
    .requiredOption('-o, --output <out.csv>', `output: the input columns untouched, then ${resultColumns.join(', ')}`)
    .option('--date-column <name>', 'the column holding each order\'s date (empty cells: today)', 'date')
    .option('--view <view>', 'enforced or codified', oneOf('view', ['enforced', 'codified'] as const), 'enforced')
    .option('--record', 'write each determination to the audit trail')
    .option('--resume', 'continue an interrupted run: keep the rows already in the output, decide the rest')
    .option('--data-dir <dir>', 'folder of the SQLite store (for --record) and of imported screening lists')
    .action(async (input: string, o: BatchOptions) => {
      const started = performance.now();
      if (!existsSync(input)) throw new InputError('input', `no file ${input}`);
      const header = await outputHeader(input, resultColumns);
      if (existsSync(o.output) && !o.resume) throw new InputError('output', `${o.output} exists; add --resume to continue it, or remove it`);
      const done = o.resume ? await resumePoint(o.output, header) : { rows: 0, header: false };
      const store = o.record ? await openStore({ env: io.env, dataDir: dataDir(io.env, o.dataDir) }) : undefined;
      try {
        const recorder = store ? await BatchRecorder.open(store, realpathSync(input), resolve(o.output), cliActor()) : undefined;
        const bar = io.isTTY ? new SingleBar({ format: 'earmark batch [{bar}] {percentage}% | {rows} rows | {rate} rows/s | ETA {eta_formatted}', hideCursor: true }) : undefined;
        bar?.start(statSync(input).size, 0, { rows: 0, rate: 0 });
        const stats: BatchStats = { rows: 0, licencesRequired: 0, errors: 0, skipped: 0 };
        const out = createWriteStream(o.output, { flags: 'a' });
        const lines = batchLines(createReadStream(input), {
          law: law(), screening: rememberedScreen(openScreening(io.env, o.dataDir)), today: today(), view: o.view, dateColumn: o.dateColumn, skipRows: done.rows, writeHeader: !done.header,
          record: recorder ? async (row, cells, d) => recorder.add(row, cells, d) : undefined,
          progress: bar ? (rows, bytes) => bar.update(bytes, { rows, rate: Math.round(rows / ((performance.now() - started) / 1000)) }) : undefined,
        }, stats);
        let pending: string[] = [];
        const flush = async () => {
          await recorder?.commit();
          if (pending.length && !out.write(pending.join(''))) await once(out, 'drain');
          pending = [];
        };
        for await (const line of lines) {
          pending.push(line);
          if (pending.length >= chunk) await flush();
        }
        await flush();
        out.end();
        await once(out, 'finish');
        bar?.stop();
        const seconds = (performance.now() - started) / 1000;
        io.err(`earmark batch: ${stats.rows} rows${done.rows ? ` (resumed after ${done.rows})` : ''}, ${stats.licencesRequired} need a licence, ${stats.errors} errors, ${seconds.toFixed(1)} s (${Math.round(stats.rows / seconds)} rows/s) -> ${o.output}`);
      } finally {
        await store?.close();
      }
    });
}
