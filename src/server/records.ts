import { Readable } from 'node:stream';
import { type OpenAPIHono, createRoute } from '@hono/zod-openapi';
import { exportAudit, verifyAudit } from '../audit/trail.js';
import { type IsoDate } from '../dates.js';
import { addLicence, allowanceFor, listAllowances } from '../ledger/allowances.js';
import { consume, release, reserve } from '../ledger/reservations.js';
import type { Store } from '../storage/store.js';
import { type AppEnv, need } from './auth.js';
import * as s from './schemas.js';
import { type Documented, errors, hookFor, jsonBody, ok, secured } from './routes.js';

// The ledger and the audit trail over HTTP, as `earmark ledger` and `earmark audit` give them.
// Every change is written to the audit trail under the caller's key.

export function registerRecords(app: OpenAPIHono<AppEnv>, store: Store, today: () => IsoDate): void {
  const route = <R extends Documented>(r: R) => createRoute({ ...secured, tags: ['ledger and audit'], ...r });

  app.openapi(route({
    method: 'get', path: '/v1/ledger/allowances', summary: 'The allowances and what is left of each (earmark ledger allowances --json)',
    middleware: [need('viewer')] as const, responses: { ...ok(s.Allowances, 'every allowance'), ...errors(401, 403, 429) },
  }), async (c) => c.json((await listAllowances(store)) as never, 200));

  app.openapi(route({
    method: 'post', path: '/v1/ledger/licences', summary: 'Enter a licence you hold, with the quantity it grants (earmark ledger add-licence --json)',
    middleware: [need('admin')] as const, request: jsonBody(s.LicenceBody),
    responses: { ...ok(s.Allowance, 'the licence\'s allowance'), ...errors(400, 401, 403, 429) },
  }), async (c) => {
    const b = c.req.valid('json');
    const a = await addLicence(store, { number: b.number, chip: b.chip, to: b.to, quantity: b.units, unit: b.unit, date: today(), validUntil: b.validUntil }, { actor: c.get('caller').actor });
    return c.json(a as never, 200);
  }, hookFor(s.LicenceBody));

  app.openapi(route({
    method: 'post', path: '/v1/ledger/reserve', summary: 'Hold an amount of an allowance for a shipment (earmark ledger reserve --json); 409 when there is not enough room',
    middleware: [need('operator')] as const, request: jsonBody(s.ReserveBody),
    responses: {
      ...ok(s.ReserveResult, 'reserved (or the first answer to this key, replayed)'),
      409: { description: 'refused: not enough room left', content: { 'application/json': { schema: s.ReserveResult } } },
      ...errors(400, 401, 403, 429),
    },
  }), async (c) => {
    const b = c.req.valid('json');
    const date = today();
    const allowance = await allowanceFor(store, b, date);
    const r = await reserve(store, { allowance, amount: b.amount, key: b.key, unit: b.unit, date }, { actor: c.get('caller').actor });
    return c.json(r, r.ok ? 200 : 409);
  }, hookFor(s.ReserveBody));

  for (const [name, fn, what] of [['release', release, 'Give a reservation back (shipment cancelled)'], ['consume', consume, 'Mark a reservation as shipped']] as const) {
    app.openapi(route({
      method: 'post', path: `/v1/ledger/${name}`, summary: `${what} (earmark ledger ${name} --json)`,
      middleware: [need('operator')] as const, request: jsonBody(s.KeyBody),
      responses: { ...ok(s.MoveResult, 'done (or already done: replayed)'), ...errors(400, 401, 403, 429) },
    }), async (c) => c.json(await fn(store, { key: c.req.valid('json').key }, { actor: c.get('caller').actor }), 200), hookFor(s.KeyBody));
  }

  app.openapi(route({
    method: 'get', path: '/v1/audit/verify', summary: 'Recompute the audit trail\'s hash chain (earmark audit verify --json)',
    middleware: [need('operator')] as const, responses: { ...ok(s.Verification, 'intact, or the first broken record'), ...errors(401, 403, 429) },
  }), async (c) => c.json((await verifyAudit(store)) as never, 200));

  app.openapi(route({
    method: 'get', path: '/v1/audit/export', summary: 'The records of a date range as CSV or JSON Lines, streamed (earmark audit export)',
    middleware: [need('operator')] as const, request: { query: s.AuditExportQuery },
    responses: {
      200: { description: 'the records', content: { 'text/csv': { schema: s.Text }, 'application/x-ndjson': { schema: s.Text } } },
      ...errors(400, 401, 403, 429),
    },
  }), async (c) => {
    const q = c.req.valid('query');
    const format = q.format ?? 'csv';
    const lines = exportAudit(store, { from: q.from, to: q.to, format });
    const first = await lines.next(); // a bad date is a 400 before the answer starts
    async function* all() {
      if (!first.done) yield first.value;
      yield* lines;
    }
    return new Response(Readable.toWeb(Readable.from(all())) as ReadableStream, { headers: { 'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson' } }) as never;
  }, hookFor(s.AuditExportQuery));
}
