import { type ChildProcess, spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/trail.js';
import { openStore } from '../../src/storage/store.js';
import { backends } from './backends.js';

// Two `earmark serve` processes on one database (PostgreSQL, the set-up for several servers; SQLite
// too): reservations sent to both at once never take more than the limit between them.

const all = backends();
const root = new URL('../..', import.meta.url).pathname;
const servers: ChildProcess[] = [];
afterAll(() => {
  for (const s of servers) s.kill('SIGTERM');
});

/** Starts `earmark serve` on a free port and resolves with its address once it listens. */
function serve(env: Record<string, string>, dataDir: string): Promise<string> {
  const child = spawn(process.execPath, ['dist/earmark.js', 'serve', '--port', '0', '--rate-limit', '0', '--data-dir', dataDir], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  servers.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/[^\s]+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`earmark serve exited ${code}: ${out}`)));
  });
}

async function post(url: string, path: string, body: unknown): Promise<{ status: number; body: { ok: boolean; amount: number; key: string; replayed: boolean } }> {
  const res = await fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, body: await res.json() };
}

for (const b of all) {
  describe(`two earmark serve processes on one ${b.name} database`, () => {
    it('never reserve more than the limit between them, count every key once and keep the audit chain', async () => {
      const { env, dataDir } = await b.fresh();
      const [one, two] = await Promise.all([serve(env, dataDir), serve(env, dataDir)]);
      expect((await post(one, '/v1/ledger/licences', { number: 'SHARED', chip: 'nvidia-h100-sxm5-80gb', to: 'IN', units: 300 })).status).toBe(200);
      // 2 x 60 requests at once, amounts 1-9, every fifth key sent to both servers: more is asked than the limit.
      const requests = Array.from({ length: 120 }, (_, i) => {
        const shared = i % 5 === 0;
        const key = shared ? `both-${Math.floor(i / 10)}` : `k-${i}`;
        const amount = 1 + (((shared ? Math.floor(i / 10) : i) * 7) % 9);
        return post(i % 2 ? one : two, '/v1/ledger/reserve', { licence: 'SHARED', amount, key });
      });
      const answers = await Promise.all(requests);
      for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(a.body.ok ? 200 : 409);
      const first = new Map<string, { ok: boolean; amount: number }>();
      for (const a of answers) if (!a.body.replayed) {
        expect(first.has(a.body.key), `key ${a.body.key} counted twice`).toBe(false);
        first.set(a.body.key, a.body);
      }
      expect(first.size).toBe(new Set(answers.map((a) => a.body.key)).size);
      const granted = [...first.values()].filter((a) => a.ok).reduce((s, a) => s + a.amount, 0);
      expect(granted).toBeLessThanOrEqual(300);
      expect(granted).toBeGreaterThan(291); // a refusal of at most 9 units means fewer than 9 were left
      const store = await openStore({ env, dataDir });
      const row = await store.db.selectFrom('allowances').select(['reserved']).executeTakeFirstOrThrow();
      expect(Number(row.reserved)).toBe(granted);
      expect(await verifyAudit(store)).toMatchObject({ ok: true });
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }, 300_000);
  });
}
