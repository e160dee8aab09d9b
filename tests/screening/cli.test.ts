import { readFileSync, writeFileSync } from 'node:fs';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScreening, reopenScreening } from '../../src/screening/index.js';
import { storedFiles } from '../../src/screening/store.js';
import { cli, fixtures, tempDataDir } from './helpers.js';

describe('earmark screen', () => {
  const dir = tempDataDir();

  it('finds Sugon on the Entity List with its footnote (acceptance)', async () => {
    const r = await cli(['screen', 'Sugon', '--json', '--data-dir', dir]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.out);
    expect(out.snapshot).toMatchObject({ asOf: '2026-07-31' });
    expect(out.snapshot.sha256).toHaveLength(64);
    const el = out.hits.find((h: { list: string }) => h.list === 'EL');
    expect(el).toMatchObject({ name: 'Sugon', footnote: 'FN4', status: 'match', licensePolicy: 'Presumption of denial' });
    for (const k of ['name', 'matchedName', 'score', 'list', 'entityNumber', 'country', 'licenseRequirement', 'licensePolicy', 'footnote', 'federalRegister']) {
      expect(el).toHaveProperty(k);
    }
  });

  it('finds Moore Threads (acceptance) and prints the snapshot age in text form too', async () => {
    const j = JSON.parse((await cli(['screen', 'Moore Threads Technology', '--json', '--data-dir', dir])).out);
    expect(j.hits[0].name).toMatch(/^Moore Thread Intelligent Technology \(Beijing\)/);
    const t = await cli(['screen', 'Moore Threads Technology', '--data-dir', dir]);
    expect(t.out).toMatch(/^lists as of 2026-07-31 \(\d+ days old/);
    expect(t.out).toContain('MATCH');
  });

  it('exits 2 naming the field for a bad option', async () => {
    const r = await cli(['screen', 'Sugon', '--list', 'XYZ', '--data-dir', dir]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/list: "XYZ".*EL, DPL/);
    expect((await cli(['screen', 'Sugon', '--threshold', 'high', '--data-dir', dir])).code).toBe(2);
  });

  it('screens a CSV customer list: one JSON line per row in order, an error row for a blank name', async () => {
    const r = await cli(['screen', '--file', join(fixtures, 'customers.csv'), '--name-column', 'company', '--country-column', 'country', '--json', '--data-dir', dir]);
    expect(r.code).toBe(2);
    const lines = r.out.split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.input)).toEqual(['Sugon', 'Acme Widgets LLC', '', 'Moore Threads Technology', 'Inspur Group Co., Ltd.']);
    expect(lines[0].hits[0].list).toBe('EL');
    expect(lines[1].hits).toEqual([]);
    expect(lines[2].error).toMatch(/^name:/);
    expect(lines[3].hits[0].status).toBe('match');
    expect(lines[4].hits.some((h: { list: string }) => h.list === 'EL')).toBe(true);
    expect(r.err).toMatch(/1 rows could not be screened/);
  });

  it('screens a plain list, one name a line', async () => {
    const r = await cli(['screen', '--file', join(fixtures, 'customers.txt'), '--json', '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.out.split('\n').map((l) => JSON.parse(l).input)).toEqual(['Sugon', 'Acme Widgets LLC', 'MooreThreads']);
    expect((await cli(['screen', '--file', join(fixtures, 'customers.csv'), '--name-column', 'nope', '--data-dir', dir])).err).toMatch(/name-column/);
  });
});

describe('earmark lists import', () => {
  it('puts a newer import in service, dated and hashed', async () => {
    const dir = tempDataDir();
    const r = await cli(['lists', 'import', join(fixtures, 'csl-sample-2025-06.csv'), '--as-of', '2026-08-15', '--data-dir', dir, '--json']);
    expect(r.code).toBe(0);
    const rep = JSON.parse(r.out);
    expect(rep).toMatchObject({ imported: true, format: 'csl-csv', asOf: '2026-08-15', rows: 13 });
    expect(rep.inService.sha256).toBe(rep.sha256);
    expect(r.err).toMatch(/warning: .* 13 parties/);
    const s = JSON.parse((await cli(['screen', 'Atlas Sanatgaran', '--json', '--data-dir', dir])).out);
    expect(s.snapshot).toMatchObject({ asOf: '2026-08-15', rows: 13 });
    expect(s.hits[0].list).toBe('UVL');
  });

  it('leaves the previous snapshot in service when a file is corrupted, and counts the rejected rows (acceptance)', async () => {
    const dir = tempDataDir();
    expect((await cli(['lists', 'import', join(fixtures, 'compact-2026-08-14.json'), '--data-dir', dir])).code).toBe(0);
    const r = await cli(['lists', 'import', join(fixtures, 'csl-corrupted.csv'), '--as-of', '2026-09-01', '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/not imported: 3 rows rejected/);
    expect(r.err).toMatch(/row \d+: empty name/);
    expect(r.err).toMatch(/stays the one as of 2026-08-14/);
    const l = JSON.parse((await cli(['lists', '--json', '--data-dir', dir])).out);
    expect(l.inService.asOf).toBe('2026-08-14');
    expect(storedFiles(dir)).toHaveLength(1);
    const t = await cli(['lists', 'import', join(fixtures, 'csl-truncated.json'), '--as-of', '2026-09-01', '--data-dir', dir, '--json']);
    expect(t.code).toBe(1);
    expect(JSON.parse(t.out)).toMatchObject({ imported: false, rejectedRows: 1, inService: { asOf: '2026-08-14' } });
  });

  it('an older import is kept but does not replace a newer snapshot', async () => {
    const dir = tempDataDir();
    const r = await cli(['lists', 'import', join(fixtures, 'ofac', 'sdn.csv'), '--as-of', '2021-07-07', '--data-dir', dir]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/with alt.csv, add.csv\): 40 parties as of 2021-07-07/);
    expect(r.out).toMatch(/not in service: the snapshot as of 2026-07-31/);
  });

  it('passes over a stored snapshot damaged after import, and says so', async () => {
    const dir = tempDataDir();
    await cli(['lists', 'import', join(fixtures, 'compact-2026-08-14.json'), '--data-dir', dir]);
    const [file] = storedFiles(dir);
    writeFileSync(file, readFileSync(file, 'utf8').replace('Sugon', 'Sugar'));
    reopenScreening({}, dir); // as a new process would
    const service = openScreening({}, dir);
    expect(service.snapshot.asOf).toBe('2026-07-31');
    expect(service.problems[0]).toMatch(/checksum mismatch/);
    const l = await cli(['lists', '--data-dir', dir]);
    expect(l.out).toMatch(/UNUSABLE: checksum mismatch/);
  });

  it('refuses an unknown format by name', async () => {
    const r = await cli(['lists', 'import', join(fixtures, 'customers.txt'), '--data-dir', tempDataDir()]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/format: .*csl-csv, csl-json, ofac-csv, compact/);
  });
});

describe('earmark lists update (against a loopback server)', () => {
  let server: Server;
  let base: string;
  const body = readFileSync(join(fixtures, 'csl-2026-08-20.json'));

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/consolidated.json') {
        res.writeHead(200, { 'content-type': 'application/json', 'last-modified': 'Thu, 20 Aug 2026 06:00:00 GMT' });
        res.end(body);
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('downloads, dates the list by Last-Modified and puts it in service', async () => {
    const dir = tempDataDir();
    const r = await cli(['lists', 'update', '--url', `${base}/consolidated.json`, '--data-dir', dir, '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ imported: true, format: 'csl-json', asOf: '2026-08-20', asOfFrom: 'download date', rows: 3 });
    const s = JSON.parse((await cli(['screen', 'Zephyr Quantum Computing', '--json', '--data-dir', dir])).out);
    expect(s.hits[0]).toMatchObject({ list: 'EL', footnote: 'FN4', federalRegister: '99 FR 12345' });
  });

  it('says the network is unreachable and keeps the snapshot in service', async () => {
    const dir = tempDataDir();
    const closed = createServer();
    await new Promise<void>((ok) => closed.listen(0, '127.0.0.1', ok));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((ok) => closed.close(() => ok()));
    const r = await cli(['lists', 'update', '--url', `http://127.0.0.1:${port}/consolidated.json`, '--data-dir', dir]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/cannot reach .*stays the one as of 2026-07-31/);
    const missing = await cli(['lists', 'update', '--url', `${base}/missing.json`, '--data-dir', dir]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/answered 404/);
    expect(storedFiles(dir)).toEqual([]);
  });
});
