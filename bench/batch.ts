// earmark batch end to end over a generated order book, beside the floor: the same file only parsed
// by csv-parse and re-written by csv-stringify. Each run is a child process of its own, so that its
// peak memory (max RSS) is its own. Prints rows/s, peak memory and the engine/floor ratio, and
// checks that memory stays flat by running the engine on a quarter of the file too.
// Run: node bench/run.mjs batch [ROWS=1000000]
import { spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import { stringify } from 'csv-stringify';
import { run } from '../src/cli/main.js';
import { law } from '../src/law/law.js';

const [mode, ...rest] = process.argv.slice(2);

/** A plausible order book: orders of 1 to 6 lines (one customer, one date, different chips), from
 * 5,000 customers (each with its country and headquarters), every catalog chip, order dates across
 * the whole coverage, quantities from 1 to 2,000. */
async function generate(file: string, rows: number): Promise<void> {
  const l = law();
  const chips = l.chips.chips.map((c) => c.id);
  const places = ['CN', 'HK', 'SG', 'MY', 'DE', 'AE', 'SA', 'VN', 'IN', 'IL', 'US', 'JP', 'BR', 'TW', 'GB', 'FR', 'KR', 'MX'];
  const dates = l.boundaries.flatMap((d) => [d, `${d.slice(0, 8)}28`]).filter((d) => d >= l.coverageStart && d <= l.asOf);
  const out = createWriteStream(file);
  out.write('order_id,customer_id,chip,quantity,to,buyer,buyer_hq,parent_hq,vendor,date,sales_rep,comment\n');
  for (let i = 1; i <= rows; i++) {
    const order = Math.floor(i / 4) + ((i * 2654435761) % 3 === 0 ? 1 : 0);
    const customer = (order * 7919) % 5000;
    const to = places[customer % places.length];
    const line = [
      `SO-${100000 + i}`, `C${customer}`, chips[(i * 31) % chips.length], 1 + ((i * 17) % 2000), to, `Customer ${customer} Ltd`,
      customer % 9 === 0 ? 'CN' : '', customer % 13 === 0 ? 'US' : '', i % 3 === 0 ? 'NVIDIA' : '', dates[(order * 13) % dates.length],
      `rep${i % 40}`, i % 10 === 0 ? '"urgent, call first"' : '',
    ].join(',');
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

async function floor(input: string, output: string): Promise<void> {
  await pipeline(createReadStream(input), parse({ bom: true, relax_column_count: true }), stringify(), createWriteStream(output));
}

async function engine(input: string, output: string): Promise<void> {
  const io = { out: () => {}, err: (t: string) => process.stderr.write(`  ${t}\n`), isTTY: false, env: process.env };
  const code = await run(['batch', input, '-o', output], io);
  if (code !== 0) throw new Error(`earmark batch exited ${code}`);
}

/** Runs one measurement in a child process; returns seconds and peak RSS in MB. */
function measure(kind: 'floor' | 'engine', input: string, output: string, heapMb?: number): { seconds: number; peakMb: number } {
  rmSync(output, { force: true });
  const heap = heapMb ? [`--max-old-space-size=${heapMb}`] : [];
  const r = spawnSync(process.execPath, [...heap, process.argv[1], kind, input, output], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (r.status !== 0) throw new Error(`${kind} failed: ${r.stdout}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!) as { seconds: number; peakMb: number };
}

if (mode === 'floor' || mode === 'engine') {
  const t0 = performance.now();
  await (mode === 'floor' ? floor : engine)(rest[0], rest[1]);
  console.log(JSON.stringify({ seconds: (performance.now() - t0) / 1000, peakMb: process.resourceUsage().maxRSS / 1024 }));
} else {
  const rows = Number(mode ?? 1_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'earmark-bench-batch-'));
  const input = join(dir, 'orders.csv');
  const quarter = join(dir, 'quarter.csv');
  await generate(input, rows);
  await generate(quarter, Math.round(rows / 4));
  console.log(`order book: ${rows.toLocaleString('en-US')} lines, ${(statSync(input).size / 1e6).toFixed(0)} MB`);
  const f = measure('floor', input, join(dir, 'floor.csv'));
  const e = measure('engine', input, join(dir, 'out.csv'));
  const q = measure('engine', quarter, join(dir, 'quarter.out.csv'));
  // Peak RSS with V8's default heap limit follows its lazy collection; a capped old space shows the
  // working set itself: if that grew with the input, the full run would fail or slow down under the cap.
  const capMb = 256;
  const ec = measure('engine', input, join(dir, 'out-capped.csv'), capMb);
  const qc = measure('engine', quarter, join(dir, 'quarter-capped.csv'), capMb);
  const line = (label: string, n: number, m: { seconds: number; peakMb: number }) =>
    console.log(`${label.padEnd(40)} ${m.seconds.toFixed(1).padStart(6)} s  ${Math.round(n / m.seconds).toLocaleString('en-US').padStart(9)} rows/s  peak ${m.peakMb.toFixed(0)} MB`);
  line('floor (csv-parse -> csv-stringify)', rows, f);
  line('earmark batch (end to end)', rows, e);
  line('earmark batch, a quarter of the rows', Math.round(rows / 4), q);
  line(`earmark batch, old space capped at ${capMb} MB`, rows, ec);
  line(`  the same, a quarter of the rows`, Math.round(rows / 4), qc);
  console.log(`engine / floor time: ${(e.seconds / f.seconds).toFixed(2)}x (target <= 2x)`);
  console.log(`peak memory, all rows / a quarter: ${(e.peakMb / q.peakMb).toFixed(2)}x with V8's default limit; ${(ec.peakMb / qc.peakMb).toFixed(2)}x with the old space capped at ${capMb} MB (flat is ~1x)`);
  rmSync(dir, { recursive: true, force: true });
}
