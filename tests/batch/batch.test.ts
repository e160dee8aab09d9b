import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/store.js';
import { verifyAudit } from '../../src/audit/trail.js';

const chips = ['nvidia-h20', 'nvidia-h100-sxm5-80gb', 'nvidia-a100-sxm4-80gb', 'amd-mi300x', 'nvidia-l4'];
const places = ['CN', 'AE', 'DE', 'IN', 'MY', 'SG', 'US', 'SA'];
const bad = ['to=Atlantis', 'chip=quantum-toaster', 'quantity=-3', 'date=2025-13-01', 'buyer=Acme\u0007', 'date=2019-01-01'];

/** An order book of `n` lines, every 20th one bad in one of several ways, with pass-through columns. */
function orderBook(n: number): string {
  const lines = ['order_id,chip,quantity,to,buyer,buyer_hq,date,comment'];
  for (let i = 1; i <= n; i++) {
    const row: Record<string, string> = {
      order_id: `PO-${i}`, chip: chips[i % chips.length], quantity: String(1 + (i % 40)), to: places[i % places.length],
      buyer: i % 7 === 0 ? 'Robert\'); DROP TABLE audit_log;--' : `Customer ${i % 300}`, buyer_hq: i % 11 === 0 ? 'CN' : '',
      date: `202${3 + (i % 4)}-0${1 + (i % 9)}-1${i % 10}`, comment: i % 5 === 0 ? '"rush, ""priority"""' : 'x',
    };
    if (i % 20 === 0) {
      const [k, v] = bad[(i / 20) % bad.length].split('=');
      row[k] = v;
    }
    lines.push(Object.values(row).join(','));
  }
  return `${lines.join('\n')}\n`;
}

const earmark = (args: string[], env: Record<string, string> = {}) => spawnSync('node', ['dist/earmark.js', ...args], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('earmark batch', () => {
  it('writes exactly one output row per input row, 5% of them errors, the input columns untouched', () => {
    const dir = mkdtempSync(join(tmpdir(), 'earmark-batch-'));
    const input = join(dir, 'in.csv');
    const output = join(dir, 'out.csv');
    writeFileSync(input, orderBook(2000));
    const r = earmark(['batch', input, '-o', output]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/2000 rows, \d+ need a licence, 100 errors/);
    const inRows = parse(readFileSync(input), { columns: false }) as string[][];
    const outRows = parse(readFileSync(output), { columns: false }) as string[][];
    expect(outRows.length).toBe(inRows.length);
    expect(outRows[0]).toEqual([...inRows[0], 'eccn', 'license_required', 'review_policy', 'license_exceptions', 'rule_version', 'confidence', 'error']);
    for (let i = 1; i < inRows.length; i++) {
      expect(outRows[i].slice(0, 8)).toEqual(inRows[i]);
      const error = outRows[i][14];
      expect(Boolean(error), `row ${i}: ${error}`).toBe(i % 20 === 0);
      if (error) expect(error).toMatch(/^(to|chip|quantity|date|buyer): /);
      else expect(['yes', 'no', 'indeterminate']).toContain(outRows[i][9]);
    }
    // The raw text of each input line is kept byte for byte, quotes included.
    expect(readFileSync(output, 'utf8')).toContain('PO-5,');
    expect(readFileSync(output, 'utf8')).toContain('"rush, ""priority"""');
  });

  it('refuses a header without a destination column, and an existing output without --resume', () => {
    const dir = mkdtempSync(join(tmpdir(), 'earmark-batch-'));
    writeFileSync(join(dir, 'in.csv'), 'chip,qty\nnvidia-h20,1\n');
    const r = earmark(['batch', join(dir, 'in.csv'), '-o', join(dir, 'out.csv')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/header: the header needs a "to" column/);
    writeFileSync(join(dir, 'ok.csv'), 'chip,to\nnvidia-h20,CN\n');
    writeFileSync(join(dir, 'taken.csv'), 'precious\n');
    const taken = earmark(['batch', join(dir, 'ok.csv'), '-o', join(dir, 'taken.csv')]);
    expect(taken.status).toBe(2);
    expect(readFileSync(join(dir, 'taken.csv'), 'utf8')).toBe('precious\n');
  });

  it('killed mid-run and resumed, gives the same output as an uninterrupted run, and records each row once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'earmark-batch-'));
    const input = join(dir, 'in.csv');
    writeFileSync(input, orderBook(12_000));
    const whole = join(dir, 'whole.csv');
    expect(earmark(['batch', input, '-o', whole]).status).toBe(0);

    const output = join(dir, 'out.csv');
    const data = join(dir, 'data');
    const child = spawn('node', ['dist/earmark.js', 'batch', input, '-o', output, '--record', '--data-dir', data], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    for (;;) {
      await new Promise((r) => setTimeout(r, 20));
      let size = 0;
      try {
        size = statSync(output).size;
      } catch {}
      if (size > 60_000) break;
    }
    child.kill('SIGKILL');
    await exited;
    const partial = readFileSync(output, 'utf8');
    expect(partial.length).toBeLessThan(readFileSync(whole, 'utf8').length);

    const resumed = earmark(['batch', input, '-o', output, '--resume', '--record', '--data-dir', data]);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.stderr).toMatch(/resumed after \d+/);
    expect(readFileSync(output, 'utf8')).toBe(readFileSync(whole, 'utf8'));

    const store = await openStore({ env: {}, dataDir: data });
    try {
      const rows = await store.db.selectFrom('audit_log').select('input').execute();
      const numbers = rows.map((r) => (JSON.parse(r.input) as { batch: { row: number } }).batch.row);
      expect(new Set(numbers).size).toBe(numbers.length);
      expect(numbers.length).toBe(12_000 - 600);
      expect((await verifyAudit(store)).ok).toBe(true);
    } finally {
      await store.close();
    }
  });
});
