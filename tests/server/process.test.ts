import { type ChildProcessByStdio, spawn } from 'node:child_process';
import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';

/** `earmark serve` in its own process, as npm start runs it; resolves once it listens. */
async function serve(args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'earmark-serve-'));
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn('node', [join(process.cwd(), 'dist/earmark.js'), 'serve', '--port', '0', '--data-dir', dir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => {
      const m = /listening on (http:\/\/\S+)/.exec(d.toString());
      if (m) resolve(m[1]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited ${code}: ${err}`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url, exited, stderr: () => err };
}

describe('earmark serve as a process', () => {
  it('says it is loopback-only without keys, and on SIGTERM finishes the request in flight before it stops', async () => {
    const s = await serve(['--host', '0.0.0.0']);
    expect(s.url).toBe(s.url.replace('0.0.0.0', '127.0.0.1'));
    expect(s.stderr()).toMatch(/no API keys configured: listening on loopback \(127\.0\.0\.1\) only/);

    // A batch upload that is still sending when the signal comes.
    const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(`${s.url}/v1/batch`, { method: 'POST', headers: { 'content-type': 'text/csv' } }, (res) => {
        let body = '';
        res.on('data', (d: Buffer) => (body += d.toString()));
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      req.on('error', reject);
      req.write('id,chip,to,date\n1,nvidia-h20,CN,2025-01-01\n');
      setTimeout(() => {
        s.child.kill('SIGTERM');
        setTimeout(() => req.end('2,nvidia-h100-sxm5-80gb,DE,2025-01-01\n'), 300);
      }, 300);
    });
    const r = await answer;
    expect(r.status).toBe(200);
    expect(r.body.trim().split('\n')).toHaveLength(3);
    expect(await s.exited).toBe(0);
    expect(s.stderr()).toMatch(/SIGTERM: finishing the requests in flight[\s\S]*stopped/);
    await expect(fetch(`${s.url}/healthz`)).rejects.toThrow();
  });
});
