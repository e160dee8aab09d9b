import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { startTestServer } from './helpers.js';

// Contract tests driven by /openapi.json: every operation in the document is called, and every
// answer must satisfy the schema the document declares for its status.

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
let doc: any;

beforeAll(async () => {
  server = await startTestServer({ keys: ['viewer', 'operator', 'admin'] });
  doc = (await server.request('GET', '/openapi.json')).body;
});
afterAll(() => server.stop());

/** The document's schema for a response or a body, as a zod schema (its component refs resolved). */
function schemaOf(schema: unknown) {
  const text = JSON.stringify(schema).replaceAll('#/components/schemas/', '#/$defs/');
  const defs = JSON.parse(JSON.stringify(doc.components.schemas).replaceAll('#/components/schemas/', '#/$defs/'));
  return z.fromJSONSchema({ ...JSON.parse(text), $defs: defs });
}

const responseSchema = (path: string, method: string, status: number) => {
  const r = doc.paths[path][method].responses[status];
  expect(r, `${method} ${path} documents ${status}`).toBeDefined();
  return schemaOf(r.content['application/json'].schema);
};

/** One happy call per documented operation: [path template, method, concrete path, body]. */
const calls: [string, string, string, unknown?][] = [
  ['/v1/check', 'post', '/v1/check', { chip: 'nvidia-h100-sxm5-80gb', to: 'CN', date: '2025-06-01', view: 'both' }],
  ['/v1/classify', 'post', '/v1/classify', { tpp: 5000, dieArea: 800, date: '2024-01-01' }],
  ['/v1/timeline', 'get', '/v1/timeline?chip=nvidia-h20&to=CN&vendor=NVIDIA'],
  ['/v1/chips', 'get', '/v1/chips?date=2024-06-01'],
  ['/v1/chips/{id}', 'get', '/v1/chips/nvidia-h20'],
  ['/v1/countries', 'get', '/v1/countries?date=2025-02-01'],
  ['/v1/rules', 'get', '/v1/rules'],
  ['/v1/keys', 'get', '/v1/keys'],
  ['/v1/keys', 'post', '/v1/keys', { role: 'viewer', name: 'erp' }],
  ['/v1/screen', 'post', '/v1/screen', { name: 'Huawei Technologies Co., Ltd.' }],
  ['/v1/models/{id}', 'get', '/v1/models/deepseek-v3?to=CN&date=2025-06-01'],
  ['/v1/ledger/licences', 'post', '/v1/ledger/licences', { number: 'D1', chip: 'nvidia-h100-sxm5-80gb', to: 'IN', units: 10 }],
  ['/v1/ledger/reserve', 'post', '/v1/ledger/reserve', { licence: 'D1', amount: 4, key: 'po-1' }],
  ['/v1/ledger/consume', 'post', '/v1/ledger/consume', { key: 'po-1' }],
  ['/v1/ledger/allowances', 'get', '/v1/ledger/allowances'],
  ['/v1/ledger/reserve', 'post', '/v1/ledger/reserve', { licence: 'D1', amount: 2, key: 'po-2' }],
  ['/v1/ledger/release', 'post', '/v1/ledger/release', { key: 'po-2' }],
  ['/v1/audit/verify', 'get', '/v1/audit/verify'],
  ['/healthz', 'get', '/healthz'],
];

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 with a bearer security scheme, and every operation has a contract call here', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.components.securitySchemes.apiKey).toMatchObject({ type: 'http', scheme: 'bearer' });
    const documented = Object.entries(doc.paths).flatMap(([p, ms]) => Object.keys(ms as object).map((m) => `${m} ${p}`)).sort();
    // Raw-body operations (batch, list import) and the key revocation have tests of their own.
    const covered = new Set([...calls.map(([p, m]) => `${m} ${p}`), 'delete /v1/keys/{id}', 'post /v1/batch', 'get /v1/audit/export', 'post /v1/lists/import']);
    expect(documented.filter((d) => !covered.has(d))).toEqual([]);
  });

  it('request schemas accept the documented bodies and reject unknown fields and wrong types', () => {
    const check = schemaOf(doc.paths['/v1/check'].post.requestBody.content['application/json'].schema);
    expect(check.safeParse({ chip: 'nvidia-h20', to: 'CN', quantity: 3, notDatacenter: true }).success).toBe(true);
    expect(check.safeParse({ chip: 'nvidia-h20', to: 'CN', colour: 'red' }).success).toBe(false);
    expect(check.safeParse({ chip: 'nvidia-h20', to: 'CN', quantity: '3' }).success).toBe(false);
    expect(check.safeParse({ chip: 'nvidia-h20', to: 'CN', view: 'lenient' }).success).toBe(false);
  });

  for (const [path, method, url, body] of calls) {
    it(`${method.toUpperCase()} ${url} answers 200 in the documented shape`, async () => {
      const r = await server.request(method.toUpperCase(), url, body, server.keys.admin);
      expect(r.status, r.text).toBe(200);
      const parsed = responseSchema(path, method, 200).safeParse(r.body);
      expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
    });
  }

  it('DELETE /v1/keys/{id} answers 200, then 404 for a key that does not exist, in the documented shapes', async () => {
    const made = await server.request('POST', '/v1/keys', { role: 'viewer' }, server.keys.admin);
    const ok = await server.request('DELETE', `/v1/keys/${made.body.id}`, undefined, server.keys.admin);
    expect(responseSchema('/v1/keys/{id}', 'delete', 200).safeParse(ok.body).success).toBe(true);
    const missing = await server.request('DELETE', '/v1/keys/000000000000', undefined, server.keys.admin);
    expect(missing.status).toBe(404);
    expect(responseSchema('/v1/keys/{id}', 'delete', 404).safeParse(missing.body).success).toBe(true);
  });

  it('a refused reservation is 409 with the documented ReserveResult', async () => {
    const r = await server.request('POST', '/v1/ledger/reserve', { licence: 'D1', amount: 1000, key: 'po-big' }, server.keys.operator);
    expect(r.status).toBe(409);
    expect(responseSchema('/v1/ledger/reserve', 'post', 409).safeParse(r.body).success).toBe(true);
    expect(r.body).toMatchObject({ ok: false, key: 'po-big' });
  });

  it('error answers (400, 401, 403) match the documented Error schema', async () => {
    const bad = await server.request('POST', '/v1/check', { chip: 'nvidia-h20', to: 'Atlantis' }, server.keys.viewer);
    expect(bad.status).toBe(400);
    expect(responseSchema('/v1/check', 'post', 400).safeParse(bad.body).success).toBe(true);
    const anon = await server.request('POST', '/v1/check', { chip: 'nvidia-h20', to: 'CN' });
    expect(anon.status).toBe(401);
    expect(responseSchema('/v1/check', 'post', 401).safeParse(anon.body).success).toBe(true);
    const low = await server.request('GET', '/v1/keys', undefined, server.keys.viewer);
    expect(low.status).toBe(403);
    expect(responseSchema('/v1/keys', 'get', 403).safeParse(low.body).success).toBe(true);
  });
});
