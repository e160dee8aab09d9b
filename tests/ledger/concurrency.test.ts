import { type ChildProcess, spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/store.js';
import { addLicence } from '../../src/ledger/allowances.js';
import { verifyAudit } from '../../src/audit/trail.js';
import { backends } from './backends.js';

interface Reply {
  key: string;
  amount: number;
  ok: boolean;
  replayed: boolean;
}

const worker = new URL('./reserve-worker.ts', import.meta.url).pathname;
const root = new URL('../..', import.meta.url).pathname;

function startWorker(env: Record<string, string>, args: string[]): { child: ChildProcess; replies: Reply[]; done: Promise<number | null> } {
  const child = spawn(process.execPath, ['--import', 'tsx', worker, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const replies: Reply[] = [];
  let buffer = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const l of lines) replies.push(JSON.parse(l) as Reply);
  });
  child.stderr!.on('data', (d: Buffer) => void (stderr += d.toString()));
  const done = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      if (code !== 0 && code !== null) console.error(stderr);
      resolve(code);
    }),
  );
  return { child, replies, done };
}

/** What the ledger holds: the allowance's counters and its reservations. */
async function ledgerState(env: Record<string, string>, dataDir: string, id: string) {
  const store = await openStore({ env, dataDir });
  try {
    const a = await store.db.selectFrom('allowances').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const rows = await store.db.selectFrom('reservations').selectAll().where('allowance_id', '=', id).execute();
    const audit = await verifyAudit(store);
    return { a, rows, audit };
  } finally {
    await store.close();
  }
}

const limit = 100_000;

async function newLicence(env: Record<string, string>, dataDir: string): Promise<string> {
  const store = await openStore({ env, dataDir });
  try {
    return (await addLicence(store, { number: 'CONC-1', chip: 'nvidia-h100-sxm5-80gb', to: 'IN', quantity: limit, date: '2026-01-01' })).id;
  } finally {
    await store.close();
  }
}

for (const b of backends()) {
  describe(`concurrent clients on ${b.name}`, () => {
    it('8 processes x 200 reservations never exceed the limit and count every key once', async () => {
      const { env, dataDir } = await b.fresh();
      const id = await newLicence(env, dataDir);
      const procEnv = { ...env, EARMARK_DATA_DIR: dataDir };
      const workers = Array.from({ length: 8 }, (_, w) => startWorker(procEnv, [id, '200', `w${w}`]));
      expect(await Promise.all(workers.map((w) => w.done))).toEqual(Array(8).fill(0));
      const replies = workers.flatMap((w) => w.replies);
      expect(replies).toHaveLength(1600);

      const { a, rows } = await ledgerState(env, dataDir, id);
      const firstAnswers = replies.filter((r) => !r.replayed);
      // Each key was answered afresh exactly once; every other answer to it was a replay of that one.
      expect(new Set(firstAnswers.map((r) => r.key)).size).toBe(firstAnswers.length);
      expect(firstAnswers.length).toBe(new Set(replies.map((r) => r.key)).size);
      for (const r of replies.filter((x) => x.replayed)) expect(r.ok).toBe(firstAnswers.find((f) => f.key === r.key)!.ok);
      const acknowledged = firstAnswers.filter((r) => r.ok).reduce((s, r) => s + r.amount, 0);
      const held = rows.filter((r) => r.state === 'reserved').reduce((s, r) => s + r.amount, 0);
      expect(a.reserved).toBe(acknowledged);
      expect(held).toBe(acknowledged);
      expect(a.reserved).toBeLessThanOrEqual(limit);
      expect(rows).toHaveLength(firstAnswers.length);
      // Demand exceeded the limit, so some were refused and the allowance is (nearly) used up.
      expect(firstAnswers.some((r) => !r.ok)).toBe(true);
      expect(limit - a.reserved).toBeLessThan(150);
    }, 300_000);

    it('a client killed with SIGKILL mid-stream leaves every acknowledged reservation and an intact audit chain', async () => {
      const { env, dataDir } = await b.fresh();
      const id = await newLicence(env, dataDir);
      const procEnv = { ...env, EARMARK_DATA_DIR: dataDir };
      const steady = startWorker(procEnv, [id, '150', 'steady', '--record']);
      const victim = startWorker(procEnv, [id, '100000', 'victim', '--record']);
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (victim.replies.length >= 40) {
            clearInterval(timer);
            victim.child.kill('SIGKILL');
            resolve();
          }
        }, 5);
      });
      expect(await victim.done).toBeNull();
      expect(await steady.done).toBe(0);

      const { a, rows, audit } = await ledgerState(env, dataDir, id);
      const byKey = new Map(rows.map((r) => [r.key, r]));
      for (const r of [...victim.replies, ...steady.replies].filter((x) => !x.replayed)) {
        expect(byKey.get(r.key)).toMatchObject({ amount: r.amount, state: r.ok ? 'reserved' : 'refused' });
      }
      // Nothing half-written: the counters equal the rows, and each row has its audit record.
      expect(a.reserved).toBe(rows.filter((r) => r.state === 'reserved').reduce((s, r) => s + r.amount, 0));
      expect(audit).toMatchObject({ ok: true, records: rows.length });
    }, 300_000);
  });
}
