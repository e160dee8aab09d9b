import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/store.js';
import { cli } from '../support/cli.js';
import { backends } from './backends.js';

const licence = ['ledger', 'add-licence', '--number', 'D555', '--chip', 'nvidia-h100-sxm5-80gb', '--to', 'IN', '--units', '100'];

const all = backends();

for (const b of all) {
  describe(`earmark ledger, audit and db on ${b.name}`, () => {
    const setup = async () => {
      const { env, dataDir } = await b.fresh();
      const run = (...argv: string[]) => cli([...argv, '--data-dir', dataDir], env);
      return { env, dataDir, run };
    };

    it('reserve --json answers ok, remaining and replayed, and exits 3 when over the limit', async () => {
      const { run } = await setup();
      expect((await run(...licence)).code).toBe(0);
      const first = await run('ledger', 'reserve', '--licence', 'D555', '--amount', '70', '--key', 'po-1', '--json');
      expect(first.code).toBe(0);
      expect(first.json()).toMatchObject({ ok: true, allowance: 'licence/D555', amount: 70, remaining: 30, key: 'po-1', replayed: false });
      expect((await run('ledger', 'reserve', '--licence', 'D555', '--amount', '70', '--key', 'po-1', '--json')).json()).toMatchObject({ ok: true, remaining: 30, replayed: true });
      const over = await run('ledger', 'reserve', '--licence', 'D555', '--amount', '31', '--key', 'po-2', '--json');
      expect(over.code).toBe(3);
      expect(over.json()).toMatchObject({ ok: false, remaining: 30, replayed: false });
      expect((await run('ledger', 'release', '--key', 'po-1')).out).toMatch(/released: reservation po-1, 70 of licence\/D555; 100 remain/);
      expect((await run('ledger', 'reserve', '--licence', 'D555', '--amount', '31', '--key', 'po-3')).code).toBe(0);
      expect((await run('ledger', 'consume', '--key', 'po-3', '--json')).json()).toMatchObject({ state: 'consumed', amount: 31, remaining: 69 });
      const list = (await run('ledger', 'allowances', '--json')).json();
      expect(list).toEqual([expect.objectContaining({ id: 'licence/D555', reserved: 0, consumed: 31, remaining: 69 })]);
    });

    it('draws on LPP and Tier 2 allocations created on first use, and names bad input', async () => {
      const { run } = await setup();
      const lpp = await run('ledger', 'reserve', '--lpp', '--consignee', 'Acme', '--year', '2026', '--amount', '26900001', '--key', 'k1', '--json');
      expect(lpp.code).toBe(3);
      expect(lpp.json()).toMatchObject({ ok: false, allowance: 'lpp/ACME/2026', remaining: 26_900_000 });
      const country = await run('ledger', 'reserve', '--country', 'IN', '--amount', '5000', '--unit', 'tpp', '--key', 'k2', '--json');
      expect(country.json()).toMatchObject({ ok: true, allowance: 'country/IN/2025-01-13', remaining: 789_995_000, confidence: 'low' });
      const cases: [string[], RegExp][] = [
        [['ledger', 'reserve', '--amount', '1', '--key', 'x'], /allowance: name exactly one: a licence \(licence L\), an LPP consignee-year/],
        [['ledger', 'reserve', '--licence', 'L', '--country', 'IN', '--amount', '1', '--key', 'x'], /allowance: name exactly one/],
        [['ledger', 'reserve', '--lpp', '--amount', '1', '--key', 'x'], /consignee: lpp needs the ultimate consignee/],
        [['ledger', 'reserve', '--lpp', '--consignee', 'A', '--year', '2023', '--amount', '1', '--key', 'x'], /year: License Exception LPP .* not in force in 2023/],
        [['ledger', 'reserve', '--licence', 'NOPE', '--amount', '1', '--key', 'x'], /allowance: no allowance "licence\/NOPE"/],
        [['ledger', 'reserve', '--country', 'IN', '--amount', '-4', '--key', 'x'], /amount: must be greater than 0/],
        [['ledger', 'reserve', '--country', 'IN', '--amount', '4', '--unit', 'chips', '--key', 'x'], /unit: "chips" is not allowed; use one of tpp, units/],
        [['ledger', 'reserve', '--country', 'IN', '--amount', '4', '--unit', 'units', '--key', 'x'], /unit: country\/IN\/2025-01-13 counts tpp/],
        [['ledger', 'release', '--key', 'nope'], /key: no reservation with key "nope"/],
        [['audit', 'export', '--from', '2026-13-01'], /from: "2026-13-01" is not a calendar date/],
        [['audit', 'export', '--format', 'xml'], /format: "xml" is not allowed; use one of csv, jsonl/],
      ];
      for (const [argv, message] of cases) {
        const r = await run(...argv);
        expect({ argv, code: r.code }).toEqual({ argv, code: 2 });
        expect(r.err).toMatch(message);
      }
    });

    it('records changes with --record, verifies the chain, and names the record someone edited', async () => {
      const { env, dataDir, run } = await setup();
      await run(...licence, '--record');
      for (const key of ['a', 'b', 'c']) await run('ledger', 'reserve', '--licence', 'D555', '--amount', '10', '--key', key, '--record');
      await run('ledger', 'release', '--key', 'b', '--record');
      const ok = await run('audit', 'verify', '--json');
      expect(ok.code).toBe(0);
      expect(ok.json()).toMatchObject({ ok: true, records: 5 });

      const jsonl = (await run('audit', 'export', '--format', 'jsonl')).out.trim().split('\n').map((l) => JSON.parse(l));
      expect(jsonl.map((r) => [r.seq, r.kind, r.input.action])).toEqual([[1, 'ledger', 'add-licence'], [2, 'ledger', 'reserve'], [3, 'ledger', 'reserve'], [4, 'ledger', 'reserve'], [5, 'ledger', 'release']]);
      expect(jsonl[1]).toMatchObject({ actor: expect.stringMatching(/^cli:/), output: { ok: true, key: 'a' }, dataHashes: { law: expect.stringMatching(/^[0-9a-f]{64}$/) } });
      expect(jsonl[2].prevHash).toBe(jsonl[1].hash);
      const csv = (await run('audit', 'export', '--format', 'csv', '--from', jsonl[0].at.slice(0, 10), '--to', jsonl[0].at.slice(0, 10))).out.trim().split('\n');
      expect(csv[0]).toBe('seq,at,kind,actor,rule_version,data_hashes,input,output,prev_hash,hash');
      expect(csv).toHaveLength(6);
      expect((await run('audit', 'export', '--to', '2020-01-01')).out.trim().split('\n')).toHaveLength(1);

      // The log refuses edits; someone who gets around that is caught by the chain.
      const store = await openStore({ env, dataDir });
      await expect(sql`update audit_log set actor = 'x' where seq = 3`.execute(store.db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log where seq = 5`.execute(store.db)).rejects.toThrow(/append-only/);
      await store.close();
      await tamper(b.name, env, dataDir, `update audit_log set output = replace(output, '"amount":10', '"amount":1') where seq = 3`);
      const broken = await run('audit', 'verify', '--json');
      expect(broken.code).toBe(1);
      expect(broken.json()).toMatchObject({ ok: false, records: 2, broken: { seq: 3, reason: expect.stringMatching(/altered/) } });
      expect((await run('audit', 'verify')).out).toMatch(/audit trail broken at record 3/);
    });

    it('db migrate reports the schema; db backup copies the SQLite file or explains pg_dump', async () => {
      const { run, dataDir } = await setup();
      const m = await run('db', 'migrate', '--json');
      expect(m.json()).toMatchObject({ store: b.name, migrations: [{ version: 1 }, { version: 2 }, { version: 3 }] });
      await run(...licence);
      const target = join(dataDir, 'copy.sqlite');
      const backup = await run('db', 'backup', target);
      if (b.name === 'sqlite') {
        expect(backup.code).toBe(0);
        const copy = new Database(target, { readonly: true });
        expect(copy.prepare('select id from allowances').all()).toEqual([{ id: 'licence/D555' }]);
        copy.close();
        expect((await run('db', 'backup', target)).err).toMatch(/file: .* exists/);
      } else {
        expect(backup.code).toBe(1);
        expect(backup.err).toMatch(/pg_dump --format=custom/);
        expect(existsSync(target)).toBe(false);
      }
    });
  });
}

/** Edits the audit log behind earmark's back, as someone with direct database access could. */
async function tamper(backend: string, env: Record<string, string>, dataDir: string, statement: string) {
  if (backend === 'sqlite') {
    const db = new Database(join(dataDir, 'earmark.sqlite'));
    db.exec(`drop trigger audit_log_no_update; ${statement}`);
    db.close();
    return;
  }
  const store = await openStore({ env, dataDir });
  await sql.raw(`alter table audit_log disable trigger audit_log_no_change; ${statement}`).execute(store.db);
  await store.close();
}

describe('two CLI processes sharing one database', () => {
  const pg = all.find((x) => x.name === 'postgres');
  it.skipIf(!pg)('never reserve more than the limit between them', async () => {
    const { env } = await pg!.fresh();
    const dir = mkdtempSync(join(tmpdir(), 'earmark-cli-'));
    const bin = new URL('../../src/cli/bin.ts', import.meta.url).pathname;
    const earmark = (...argv: string[]) =>
      new Promise<{ code: number | null; out: string }>((resolve) => {
        const child = spawn(process.execPath, ['--import', 'tsx', bin, ...argv], { env: { ...process.env, ...env, EARMARK_DATA_DIR: dir }, stdio: ['ignore', 'pipe', 'inherit'] });
        let out = '';
        child.stdout.on('data', (d: Buffer) => void (out += d.toString()));
        child.on('exit', (code) => resolve({ code, out }));
      });
    expect((await earmark('ledger', 'add-licence', '--number', 'TWO', '--chip', 'nvidia-h100-sxm5-80gb', '--to', 'IN', '--units', '40')).code).toBe(0);
    // Each process asks for 5 x 4 = 20 units with keys of its own, plus 2 units under each of 3 shared keys:
    // 46 asked of 40, so some requests are refused.
    const stream = async (name: string) => {
      const answers = [];
      for (let i = 0; i < 8; i++) {
        const key = i < 3 ? `shared-${i}` : `${name}-${i}`;
        const r = await earmark('ledger', 'reserve', '--licence', 'TWO', '--amount', i < 3 ? '2' : '4', '--key', key, '--json', '--record');
        answers.push({ code: r.code, ...(JSON.parse(r.out) as { ok: boolean; amount: number; key: string; replayed: boolean }) });
      }
      return answers;
    };
    const answers = (await Promise.all([stream('p'), stream('q')])).flat();
    expect(answers.every((a) => a.code === (a.ok ? 0 : 3))).toBe(true);
    const fresh = answers.filter((a) => !a.replayed);
    expect(fresh.map((a) => a.key).sort()).toEqual([...new Set(answers.map((a) => a.key))].sort());
    const granted = fresh.filter((a) => a.ok).reduce((s, a) => s + a.amount, 0);
    const list = JSON.parse((await earmark('ledger', 'allowances', '--json')).out) as { reserved: number }[];
    expect(list[0].reserved).toBe(granted);
    expect(granted).toBeLessThanOrEqual(40);
    // A refusal of 4 units means fewer than 4 were left.
    expect(granted).toBeGreaterThanOrEqual(37);
    expect(JSON.parse((await earmark('audit', 'verify', '--json')).out)).toMatchObject({ ok: true, records: fresh.length });
    rmSync(dir, { recursive: true, force: true });
  }, 300_000);
});
