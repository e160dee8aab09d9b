// A client process for the concurrency and crash tests: makes `count` reservations on one allowance
// and prints each answer as a JSON line once the ledger has acknowledged it. Every tenth key is
// shared by all workers (same amount), so that the same key arrives from several processes at once.
// Usage: node --import tsx reserve-worker.ts ALLOWANCE COUNT NAME [--record]   (store from the environment)
import { reserve } from '../../src/ledger/reservations.js';
import { openStore } from '../../src/storage/store.js';

const [allowance, count, name] = process.argv.slice(2);
const record = process.argv.includes('--record');
const store = await openStore({ env: process.env, poolSize: 1 });
for (let i = 0; i < Number(count); i++) {
  const shared = i % 10 === 0;
  const key = shared ? `shared-${i}` : `${name}-${i}`;
  const amount = shared ? 1 + ((i * 37) % 150) : 1 + Math.floor(Math.random() * 150);
  const r = await reserve(store, { allowance, amount, key, date: '2026-06-01' }, record ? { actor: name } : undefined);
  process.stdout.write(`${JSON.stringify({ key: r.key, amount: r.amount, ok: r.ok, replayed: r.replayed })}\n`);
}
await store.close();
