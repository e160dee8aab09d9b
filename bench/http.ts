// POST /v1/check under load from autocannon on loopback, 1 and 64 connections: determinations per
// second and p99 latency, beside GET /healthz (the server and HTTP alone) measured in the same run.
// The server is the real one (node dist/earmark.js serve) in its own process, with an API key.
// Run: npm run build && node bench/run.mjs http [SECONDS=10]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error autocannon ships no type declarations
import autocannon from 'autocannon';

const seconds = Number(process.argv[2] ?? 10);
const dir = mkdtempSync(join(tmpdir(), 'earmark-bench-http-'));
const key = spawnSync('node', ['dist/earmark.js', 'keys', 'create', '--role', 'viewer', '--data-dir', dir], { encoding: 'utf8' }).stdout.trim();
const server = spawn('node', ['dist/earmark.js', 'serve', '--port', '0', '--rate-limit', '0', '--data-dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = await new Promise<string>((resolve, reject) => {
  server.stdout.on('data', (d: Buffer) => {
    const m = /listening on (http:\/\/\S+)/.exec(d.toString());
    if (m) resolve(m[1]);
  });
  server.on('exit', (code) => reject(new Error(`server exited ${code}`)));
});

const bodies = [
  { chip: 'nvidia-h100-sxm5-80gb', to: 'CN', date: '2025-06-01', quantity: 8 },
  { chip: 'nvidia-h20', to: 'MY', buyerHq: 'CN', date: '2026-02-01', vendor: 'NVIDIA' },
  { chip: 'amd-mi300x', to: 'AE', buyer: 'G42', date: '2026-08-01', quantity: 1000 },
  { tpp: 4000, dieArea: 700, to: 'IN', date: '2025-03-01' },
].map((b) => JSON.stringify(b));

async function load(title: string, connections: number, path: string, method: 'GET' | 'POST') {
  let i = 0;
  const r = await autocannon({
    url: `${url}${path}`, connections, duration: seconds, method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    requests: method === 'POST' ? [{ setupRequest: (req: object) => ({ ...req, body: bodies[i++ % bodies.length] }) }] : undefined,
  });
  const ok = r.non2xx === 0 && r.errors === 0;
  console.log(`${title.padEnd(34)} ${String(connections).padStart(3)} conn  ${Math.round(r.requests.average).toLocaleString('en-US').padStart(7)} req/s  p50 ${r.latency.p50} ms  p99 ${r.latency.p99} ms${ok ? '' : `  (${r.non2xx} non-2xx, ${r.errors} errors)`}`);
  return r.requests.average;
}

try {
  await autocannon({ url: `${url}/v1/check`, connections: 8, duration: 3, method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: bodies[0] }); // warm-up
  for (const connections of [1, 64]) {
    const base = await load('GET /healthz (baseline)', connections, '/healthz', 'GET');
    const check = await load('POST /v1/check', connections, '/v1/check', 'POST');
    console.log(`  POST /v1/check / healthz throughput: ${(check / base).toFixed(2)}x`);
  }
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  rmSync(dir, { recursive: true, force: true });
}
