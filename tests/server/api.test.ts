import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { check } from '../../src/licensing/determine.js';
import { transactionFrom } from '../../src/licensing/input.js';
import { itemFrom } from '../../src/cli/item-options.js';
import { law } from '../../src/law/law.js';
import { listKeys } from '../../src/server/keys-store.js';
import { startTestServer } from './helpers.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

describe('determinations over HTTP', () => {
  let s: Server;
  beforeAll(async () => {
    s = await startTestServer({ keys: ['viewer', 'operator', 'admin'] });
  });
  afterAll(() => s.stop());

  it('POST /v1/check answers exactly what earmark check --json prints', async () => {
    const body = { chip: 'nvidia-h100-sxm5-80gb', to: 'MY', buyerHq: 'CN', date: '2025-03-01', quantity: 8, view: 'both' as const };
    const r = await s.request('POST', '/v1/check', body, s.keys.viewer);
    expect(r.status).toBe(200);
    const l = law();
    const cli = JSON.parse(execFileSync('node', ['dist/earmark.js', 'check', '--chip', body.chip, '--to', 'MY', '--buyer-hq', 'CN', '--date', body.date, '--quantity', '8', '--view', 'both', '--json'], { encoding: 'utf8' }));
    expect(r.body).toEqual(cli);
    expect(r.body).toEqual(JSON.parse(JSON.stringify(check(l, transactionFrom(l, itemFrom(l, body), body, '2026-01-15'), 'both'))));
    expect(r.body.licenseRequired).toBe(true);
  });

  it('POST /v1/classify, GET /v1/timeline, /v1/chips/{id} and /v1/countries answer with the CLI shapes', async () => {
    const c = await s.request('POST', '/v1/classify', { chip: 'nvidia-h20', date: '2023-12-01' }, s.keys.viewer);
    expect(Object.keys(c.body)).toEqual(['date', 'ruleVersion', 'item', 'confidence', 'findings']);
    const t = await s.request('GET', '/v1/timeline?chip=nvidia-a100-sxm4-80gb&to=CN', undefined, s.keys.viewer);
    expect(t.body.intervals[0].from).toBe('2022-10-07');
    expect(t.body.intervals.some((i: { licenseRequired: boolean }) => i.licenseRequired)).toBe(true);
    const chip = await s.request('GET', '/v1/chips/H20', undefined, s.keys.viewer);
    expect(chip.body.id).toBe('nvidia-h20');
    const countries = await s.request('GET', '/v1/countries?date=2023-01-01', undefined, s.keys.viewer);
    expect(countries.body.countries.find((x: { iso2: string }) => x.iso2 === 'CN').groups).toContain('D:5');
  });
});

describe('bad input: a clear 4xx, the server keeps serving, nothing is written', () => {
  let s: Server;
  beforeAll(async () => {
    s = await startTestServer({ keys: ['admin'] });
  });
  afterAll(() => s.stop());
  const post = (body: unknown, headers?: Record<string, string>) => s.request('POST', '/v1/check', body, s.keys.admin, headers);

  it.each([
    ['malformed JSON', '{"chip": "nvidia-h20", "to": ', 400, 'malformed-json', undefined],
    ['a wrong type', { chip: 'nvidia-h20', to: 'CN', quantity: 'ten' }, 400, 'invalid-input', 'quantity'],
    ['an unknown field', { chip: 'nvidia-h20', to: 'CN', destination: 'CN' }, 400, 'invalid-input', 'destination'],
    ['a view outside the closed set', { chip: 'nvidia-h20', to: 'CN', view: 'lenient' }, 400, 'invalid-input', 'view'],
    ['an unknown country', { chip: 'nvidia-h20', to: 'Atlantis' }, 400, 'invalid-input', 'to'],
    ['an unknown buyer headquarters', { chip: 'nvidia-h20', to: 'CN', buyerHq: 'ZZ' }, 400, 'invalid-input', 'buyerHq'],
    ['an unknown chip', { chip: 'quantum-toaster', to: 'CN' }, 400, 'invalid-input', 'chip'],
    ['a control character in a name', { chip: 'nvidia-h20', to: 'CN', buyer: 'Acme\u0007 Corp' }, 400, 'invalid-input', 'buyer'],
    ['a date that is not one', { chip: 'nvidia-h20', to: 'CN', date: '2025-02-30' }, 400, 'invalid-input', 'date'],
    ['an array body', [1, 2], 400, 'invalid-input', undefined],
    ['a huge body', { chip: 'nvidia-h20', to: 'CN', buyer: 'x'.repeat(200_000) }, 413, 'payload-too-large', undefined],
  ])('%s', async (_what, body, status, error, field) => {
    const r = await post(body);
    expect(r.status).toBe(status);
    expect(r.body.error).toBe(error);
    if (field) expect(r.body.field).toBe(field);
    expect(r.text).not.toMatch(/at .*\.(ts|js):\d+/);
    expect((await post({ chip: 'nvidia-h20', to: 'CN' })).status).toBe(200);
  });

  it('names the allowed values: the views, the close country codes, the known fields', async () => {
    expect((await post({ chip: 'nvidia-h20', to: 'CN', view: 'x' })).body.allowed).toEqual(['enforced', 'codified', 'both']);
    expect((await post({ chip: 'nvidia-h20', to: 'CNN' })).body.allowed.length).toBeGreaterThan(0);
    expect((await post({ chip: 'nvidia-h20', to: 'CN', colour: 1 })).body.allowed).toContain('buyerHq');
  });

  it('answers an SQL-ish buyer name as a name: a determination, and nothing written', async () => {
    const r = await post({ chip: 'nvidia-h20', to: 'CN', buyer: "Robert'); DROP TABLE api_keys;--" });
    expect(r.status).toBe(200);
    expect((await listKeys(s.store)).length).toBe(1);
    const sql = await s.request('GET', "/v1/chips/x'%20OR%201=1--", undefined, s.keys.admin);
    expect(sql.status).toBe(400);
  });

  it('a body that is not JSON is 415, an unknown route 404, and no error leaks a stack', async () => {
    expect((await post('chip=h20', { 'content-type': 'text/plain' })).status).toBe(415);
    const nf = await s.request('GET', '/v1/nothing', undefined, s.keys.admin);
    expect(nf.status).toBe(404);
    expect(nf.body.error).toBe('not-found');
  });
});

describe('access control', () => {
  let s: Server;
  beforeAll(async () => {
    s = await startTestServer({ keys: ['viewer', 'operator', 'admin'], ratePerSecond: 5 });
  });
  afterAll(() => s.stop());
  const body = { chip: 'nvidia-h20', to: 'CN' };

  it('401 without a key, with a malformed one or with a revoked one; 403 for a role too low', async () => {
    expect((await s.request('POST', '/v1/check', body)).status).toBe(401);
    expect((await s.request('POST', '/v1/check', body, 'not-a-key')).status).toBe(401);
    expect((await s.request('POST', '/v1/check', body, `${s.keys.viewer.slice(0, -3)}abc`)).status).toBe(401);
    const denied = await s.request('POST', '/v1/keys', { role: 'admin' }, s.keys.operator);
    expect(denied.status).toBe(403);
    expect(denied.body.message).toMatch(/admin/);
    const made = await s.request('POST', '/v1/keys', { role: 'viewer', name: 'erp' }, s.keys.admin);
    expect(made.body.key).toMatch(/^em_[0-9a-f]{12}_/);
    expect((await s.request('POST', '/v1/check', body, made.body.key)).status).toBe(200);
    expect((await s.request('DELETE', `/v1/keys/${made.body.id}`, undefined, s.keys.admin)).status).toBe(200);
    expect((await s.request('POST', '/v1/check', body, made.body.key)).status).toBe(401);
  });

  it('keeps only hashes: no stored field holds a key', async () => {
    const rows = await s.store.db.withTables<{ api_keys: Record<string, string> }>().selectFrom('api_keys').selectAll().execute();
    const stored = JSON.stringify(rows);
    for (const key of Object.values(s.keys)) expect(stored).not.toContain(key.split('_').slice(2).join('_'));
  });

  it('429 with Retry-After once a key exceeds its rate, while other keys go on', async () => {
    const answers = await Promise.all(Array.from({ length: 15 }, () => s.request('GET', '/v1/rules', undefined, s.keys.operator)));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(Number(limited[0].headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await s.request('GET', '/v1/rules', undefined, s.keys.admin)).status).toBe(200);
  });
});

describe('without keys', () => {
  it('listens on loopback only, whatever host was asked, says so, and lets the local user in', async () => {
    const s = await startTestServer({ host: '0.0.0.0' });
    try {
      expect(s.host).toBe('127.0.0.1');
      expect(s.logs.join('\n')).toMatch(/no API keys configured: listening on loopback/);
      expect((await s.request('POST', '/v1/check', { chip: 'nvidia-h20', to: 'CN' })).status).toBe(200);
    } finally {
      await s.stop();
    }
  });
});

describe('the web workbench', () => {
  it('is served at / from its folder, unknown paths get its index.html, and the API stays beside it', async () => {
    const web = mkdtempSync(join(tmpdir(), 'earmark-web-'));
    mkdirSync(join(web, 'assets'));
    writeFileSync(join(web, 'index.html'), '<!doctype html><title>workbench</title>');
    writeFileSync(join(web, 'assets', 'app.js'), 'console.log(1)');
    const s = await startTestServer({ webDir: web });
    try {
      expect((await s.request('GET', '/')).text).toContain('workbench');
      expect((await s.request('GET', '/assets/app.js')).text).toBe('console.log(1)');
      expect((await s.request('GET', '/map/CN')).text).toContain('workbench');
      expect((await s.request('GET', '/healthz')).body.status).toBe('ok');
      expect((await s.request('GET', '/v1/nothing')).status).toBe(404);
      expect((await s.request('GET', '/docs')).text).toContain('POST /v1/check');
    } finally {
      await s.stop();
    }
  });
});
