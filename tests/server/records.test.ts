import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/trail.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestServer } from './helpers.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let s: Server;
beforeAll(async () => {
  s = await startTestServer({ keys: ['viewer', 'operator', 'admin'] });
});
afterAll(() => s.stop());

const actorOf = (key: string) => `key:${key.split('_')[1]}`;
const audit = async () => (await s.store.db.selectFrom('audit_log').selectAll().orderBy('seq').execute()).map((r) => ({ ...r, input: JSON.parse(r.input), output: JSON.parse(r.output) }));

describe('screening and model weights over HTTP', () => {
  it('POST /v1/screen finds a listed party and names the snapshot; a name without letters is a 400', async () => {
    const r = await s.request('POST', '/v1/screen', { name: 'Huawei Technologies Co., Ltd.' }, s.keys.viewer);
    expect(r.status).toBe(200);
    expect(r.body.hits.length).toBeGreaterThan(0);
    expect(r.body.snapshot.sha256).toMatch(/^[0-9a-f]{64}$/);
    const bad = await s.request('POST', '/v1/screen', { name: '!!!' }, s.keys.viewer);
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('name');
  });

  it('POST /v1/check screens the buyer as earmark check does: a listed buyer shows in the findings', async () => {
    const r = await s.request('POST', '/v1/check', { chip: 'nvidia-l4', to: 'CN', buyer: 'Huawei Technologies Co., Ltd.', date: '2025-06-01' }, s.keys.viewer);
    expect(r.status).toBe(200);
    expect(JSON.stringify(r.body.findings)).toMatch(/Entity List|744\.11|Huawei/i);
  });

  it('GET /v1/models/{id} answers for catalogued weights; an unknown model is a 400 naming it', async () => {
    const r = await s.request('GET', '/v1/models/deepseek-v3?to=CN&date=2025-06-01', undefined, s.keys.viewer);
    expect(r.status).toBe(200);
    expect(r.body.id).toBe('deepseek-v3');
    const bad = await s.request('GET', '/v1/models/no-such-model', undefined, s.keys.viewer);
    expect(bad.status).toBe(400);
  });
});

describe('writes: roles, and attribution in the audit trail', () => {
  it('record on a check needs operator: a viewer gets 403 and nothing is written; an operator\'s is recorded under its key', async () => {
    const body = { chip: 'nvidia-h20', to: 'CN', date: '2025-06-01', record: true };
    const before = (await audit()).length;
    expect((await s.request('POST', '/v1/check', body, s.keys.viewer)).status).toBe(403);
    expect((await audit()).length).toBe(before);
    const r = await s.request('POST', '/v1/check', body, s.keys.operator);
    expect(r.status).toBe(200);
    const last = (await audit()).at(-1)!;
    expect(last).toMatchObject({ kind: 'determination', actor: actorOf(s.keys.operator), rule_version: r.body.ruleVersion });
    expect(last.output).toEqual(r.body);
  });

  it('licences need admin, reservations operator; each change is in the audit trail under its key, and the chain verifies', async () => {
    const licence = { number: 'D77', chip: 'nvidia-h100-sxm5-80gb', to: 'IN', units: 10 };
    expect((await s.request('POST', '/v1/ledger/licences', licence, s.keys.operator)).status).toBe(403);
    expect((await s.request('POST', '/v1/ledger/licences', licence, s.keys.admin)).status).toBe(200);
    expect((await s.request('POST', '/v1/ledger/reserve', { licence: 'D77', amount: 4, key: 'so-9' }, s.keys.viewer)).status).toBe(403);
    const r = await s.request('POST', '/v1/ledger/reserve', { licence: 'D77', amount: 4, key: 'so-9' }, s.keys.operator);
    expect(r.body).toMatchObject({ ok: true, remaining: 6, replayed: false });
    expect((await s.request('POST', '/v1/ledger/reserve', { licence: 'D77', amount: 4, key: 'so-9' }, s.keys.operator)).body).toMatchObject({ ok: true, remaining: 6, replayed: true });
    const bad = await s.request('POST', '/v1/ledger/reserve', { licence: 'D77', lpp: true, amount: 1, key: 'x' }, s.keys.operator);
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('allowance');
    const ledger = (await audit()).filter((a) => a.kind === 'ledger');
    expect(ledger.map((a) => a.actor)).toEqual([actorOf(s.keys.admin), actorOf(s.keys.operator)]);
    expect((await verifyAudit(s.store)).ok).toBe(true);
    const v = await s.request('GET', '/v1/audit/verify', undefined, s.keys.operator);
    expect(v.body).toMatchObject({ ok: true });
  });

  it('GET /v1/audit/export streams CSV or JSON Lines; a bad date is a 400', async () => {
    const csv = await s.request('GET', '/v1/audit/export?format=csv', undefined, s.keys.operator);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    expect(csv.text.split('\n')[0]).toMatch(/^seq,at,kind,actor/);
    const jsonl = await s.request('GET', '/v1/audit/export?format=jsonl', undefined, s.keys.operator);
    expect(jsonl.text.trim().split('\n').map((l) => JSON.parse(l).seq)).toEqual((await audit()).map((a) => a.seq));
    expect((await s.request('GET', '/v1/audit/export?from=2025-02-31', undefined, s.keys.operator)).status).toBe(400);
  });
});

describe('POST /v1/batch', () => {
  const send = async (type: string, body: string, query = '') => {
    const res = await fetch(`${s.url}/v1/batch${query}`, { method: 'POST', headers: { 'content-type': type, authorization: `Bearer ${s.keys.viewer}` }, body });
    return { status: res.status, text: await res.text() };
  };

  it('CSV in, CSV out: one line per row, errors in place, columns passed through', async () => {
    const r = await send('text/csv', 'ref,chip,to,order_date\nA,nvidia-h20,CN,2025-06-01\nB,nvidia-h20,Atlantis,2025-06-01\nC,amd-mi300x,DE,2025-06-01\n', '?dateColumn=order_date');
    expect(r.status).toBe(200);
    const lines = r.text.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe('ref,chip,to,order_date,eccn,license_required,review_policy,license_exceptions,rule_version,confidence,error');
    expect(lines[2]).toMatch(/^B,nvidia-h20,Atlantis,2025-06-01,,,,,,,"to: unknown country/);
    expect(lines[3]).toMatch(/^C,amd-mi300x,DE,2025-06-01,3A090\.a,no,/);
  });

  it('JSON Lines in, JSON Lines out: a determination or an error for each line', async () => {
    const r = await send('application/x-ndjson', '{"chip":"nvidia-h20","to":"CN","date":"2025-06-01"}\nnot json\n{"chip":"nvidia-h20","to":"CN","colour":1}\n');
    const answers = r.text.trim().split('\n').map((l) => JSON.parse(l));
    expect(answers.map((a) => a.row)).toEqual([1, 2, 3]);
    expect(answers[0].determination.ruleVersion).toBeTruthy();
    expect(answers[1].error.error).toBe('malformed-json');
    expect(answers[2].error).toMatchObject({ error: 'invalid-input', field: 'colour' });
  });

  it('a header without a destination column is a 400 before any answer, another media type a 415', async () => {
    const r = await send('text/csv', 'chip,qty\nnvidia-h20,1\n');
    expect(r.status).toBe(400);
    expect(JSON.parse(r.text).field).toBe('header');
    expect((await send('application/xml', '<orders/>')).status).toBe(415);
  });
});

describe('list imports over HTTP (admin)', () => {
  const fixture = (name: string) => readFileSync(join(import.meta.dirname, '..', 'screening', 'fixtures', name), 'utf8');
  it('a corrupted file is refused whole (422) with its rejected rows, and the lists in service stay', async () => {
    const before = (await s.request('POST', '/v1/screen', { name: 'Sugon' }, s.keys.viewer)).body.snapshot;
    const r = await s.request('POST', '/v1/lists/import?format=csl-csv&asOf=2026-08-01&name=bad.csv', fixture('csl-corrupted.csv'), s.keys.admin, { 'content-type': 'text/csv' });
    expect(r.status).toBe(422);
    expect(r.body.imported).toBe(false);
    expect(r.body.rejectedRows).toBeGreaterThan(0);
    expect(r.body.inService.sha256).toBe(before.sha256);
    expect((await s.request('POST', '/v1/screen', { name: 'Sugon' }, s.keys.viewer)).body.snapshot.sha256).toBe(before.sha256);
  });
  it('only an admin may import, and a newer snapshot goes into service', async () => {
    const body = fixture('compact-2026-08-14.json');
    const denied = await s.request('POST', '/v1/lists/import?name=compact.json', body, s.keys.operator, { 'content-type': 'application/json' });
    expect(denied.status).toBe(403);
    const r = await s.request('POST', '/v1/lists/import?name=compact.json', body, s.keys.admin, { 'content-type': 'application/json' });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ imported: true, asOf: '2026-08-14', nowInService: true });
    expect((await s.request('POST', '/v1/screen', { name: 'Sugon' }, s.keys.viewer)).body.snapshot.asOf).toBe('2026-08-14');
  });
});
