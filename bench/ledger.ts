// Ledger and audit throughput on SQLite and PostgreSQL: reservations per second with 1, 4 and 16 client
// processes drawing on one allowance (every reservation contends for the same row), and audit records
// written per second by one client. The baseline, measured in the same run on the same store, is a bare
// loop of single-row autocommit INSERTs from one client. PostgreSQL is a throwaway cluster (fsync on)
// unless EARMARK_DATABASE_URL names one.
// Run: node bench/run.mjs ledger [SECONDS=3]
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { type Store, openStore } from '../src/storage/store.js';
import { addLicence } from '../src/ledger/allowances.js';
import { reserve } from '../src/ledger/reservations.js';
import { appendAudit } from '../src/audit/trail.js';
import { startPostgres } from '../tests/support/postgres.js';

type Env = Record<string, string>;
const day = '2026-06-01';

if (process.argv[2] === 'worker') await worker();
else await main();

/** One client: opens the store, says "ready", then on the line "go END" runs `what` in a loop until
 * the wall-clock instant END and prints how many completed. */
async function worker() {
  const [, , what, allowance, name] = process.argv;
  const store = await openStore({ env: process.env, poolSize: 1 });
  process.stdout.write('ready\n');
  const [line] = await once(createInterface({ input: process.stdin }), 'line');
  const endAt = Number(String(line).split(' ')[1]);
  let n = 0;
  while (Date.now() < endAt) {
    if (what === 'reserve') await reserve(store, { allowance, amount: 1, key: `${name}-${n}`, date: day });
    else await appendAudit(store, { kind: 'determination', actor: name, ruleVersion: '2026-01-review-policy', input: sampleInput, output: sampleOutput });
    n++;
  }
  await store.close();
  process.stdout.write(`${JSON.stringify({ n })}\n`);
  process.exit(0);
}

const sampleInput = { chip: 'nvidia-h100-sxm5-80gb', to: 'AE', date: day, buyer: 'Example Trading LLC', quantity: 8 };
const sampleOutput = {
  eccn: '3A090.a', licenseRequired: true, reviewPolicy: 'case-by-case',
  findings: Array.from({ length: 6 }, (_, i) => ({ rule: `rule-${i}`, citation: '15 CFR 742.6(a)(6)', text: 'x'.repeat(120), confidence: 'high' })),
};

async function main() {
  const seconds = Number(process.argv[2] ?? 3);
  const dir = mkdtempSync(join(tmpdir(), 'earmark-bench-'));
  const pg = process.env.EARMARK_DATABASE_URL ? undefined : await startPostgres({ fsync: true });
  try {
    const targets: [string, Env][] = [
      ['sqlite', { EARMARK_DATABASE_URL: '', EARMARK_DATA_DIR: join(dir, 'sqlite') }],
      ['postgres', { EARMARK_DATABASE_URL: process.env.EARMARK_DATABASE_URL ?? (await pg!.createDatabase('bench')), EARMARK_DATA_DIR: dir }],
    ];
    console.log(`${seconds} s per measurement; one allowance shared by all clients; ratios against the bare INSERT loop\n`);
    console.log('store     measurement                      per second   x baseline');
    for (const [name, env] of targets) {
      const store = await openStore({ env, poolSize: 1 });
      const baseline = await insertLoop(store, seconds);
      const row = (what: string, rate: number) => console.log(`${name.padEnd(9)} ${what.padEnd(32)} ${rate.toFixed(0).padStart(10)}   ${(rate / baseline).toFixed(2).padStart(10)}`);
      row('bare INSERT, 1 client (baseline)', baseline);
      const allowance = (await addLicence(store, { number: `BENCH-${Date.now()}`, chip: 'nvidia-h100-sxm5-80gb', to: 'IN', quantity: 1e12, date: day })).id;
      await store.close();
      for (const clients of [1, 4, 16]) row(`reserve, ${clients} client${clients > 1 ? 's' : ''}`, await clientsRate(env, 'reserve', allowance, clients, seconds));
      row('audit append, 1 client', await clientsRate(env, 'audit', allowance, 1, seconds));
    }
  } finally {
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function insertLoop(store: Store, seconds: number): Promise<number> {
  await sql`create table if not exists bench_baseline (k text primary key, v bigint not null)`.execute(store.db);
  const end = Date.now() + seconds * 1000;
  let n = 0;
  while (Date.now() < end) {
    await store.db.insertInto('bench_baseline' as never).values({ k: `${process.pid}-${Date.now()}-${n}`, v: n } as never).execute();
    n++;
  }
  await sql`drop table bench_baseline`.execute(store.db);
  return n / seconds;
}

/** Total operations per second of `clients` processes running in the same window, which opens once
 * every client has opened its store. */
async function clientsRate(env: Env, what: string, allowance: string, clients: number, seconds: number): Promise<number> {
  const children = Array.from({ length: clients }, (_, i) => {
    const child = spawn(process.execPath, [process.argv[1], 'worker', what, allowance, `c${clients}-${i}-${Date.now()}`], {
      env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout });
    const ready = once(lines, 'line');
    const count = new Promise<number>((resolve, reject) => {
      lines.on('line', (l) => l.startsWith('{') && resolve((JSON.parse(l) as { n: number }).n));
      child.on('exit', (code) => code !== 0 && reject(new Error(`bench worker exited with ${code}`)));
    });
    return { child, ready, count };
  });
  await Promise.all(children.map((c) => c.ready));
  const endAt = Date.now() + seconds * 1000;
  for (const c of children) c.child.stdin.write(`go ${endAt}\n`);
  const counts = await Promise.all(children.map((c) => c.count));
  return counts.reduce((a, b) => a + b, 0) / seconds;
}
