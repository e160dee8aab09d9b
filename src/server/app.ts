import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { OpenAPIHono, createRoute, type RouteConfig } from '@hono/zod-openapi';
import { serveStatic } from '@hono/node-server/serve-static';
import { bodyLimit } from 'hono/body-limit';
import { timeout } from 'hono/timeout';
import { chipDetail, chipsAt } from '../chips/listing.js';
import { classify } from '../classification/classify.js';
import { itemFrom } from '../cli/item-options.js';
import { countriesAt } from '../countries/listing.js';
import { packageRoot } from '../data/files.js';
import { type IsoDate, parseDate } from '../dates.js';
import type { Law } from '../law/law.js';
import { transactionFrom } from '../licensing/input.js';
import { timeline } from '../licensing/timeline.js';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { type AuditEvent, appendAudit } from '../audit/trail.js';
import { decide, screenBuyer } from '../licensing/decide.js';
import { type ScreeningService, screen } from '../screening/index.js';
import type { ImportFormat } from '../screening/import.js';
import type { ImportReport } from '../screening/intake.js';
import type { Store } from '../storage/store.js';
import { modelReport } from '../weights/index.js';
import { type AppEnv, authenticate, need } from './auth.js';
import { roles } from './schemas.js';
import { batchRoute } from './batch-route.js';
import { docsPage } from './docs.js';
import { errorResponse, fail } from './errors.js';
import { createKey, listKeys, revokeKey } from './keys-store.js';
import { RateLimiter } from './rate-limit.js';
import { registerRecords } from './records.js';
import { errors, hookFor, jsonBody, ok, secured } from './routes.js';
import * as s from './schemas.js';

export interface AppOptions {
  readonly law: Law;
  readonly store: Store;
  /** The restricted-party lists in service (reopened when an import changes them). */
  readonly screening: () => ScreeningService;
  /** Stores an uploaded list as a new snapshot and puts it in service when it is the newest. */
  readonly importLists: (name: string, bytes: Uint8Array, opts: { format?: ImportFormat; asOf?: IsoDate }) => ImportReport;
  /** Requests a second per key (bursts to twice that); 0 for no limit. */
  readonly ratePerSecond: number;
  /** Largest request body, bytes (the batch endpoint has its own, larger limit). */
  readonly bodyLimit: number;
  readonly batchBodyLimit: number;
  /** Longest a request may run, ms (batch: ten times this, per request). */
  readonly timeoutMs: number;
  readonly today: () => IsoDate;
  readonly version: string;
  /** Server-side log: internal errors and their stacks go here, never to the client. */
  readonly log: (line: string) => void;
  /** Static files served at / (the web workbench), when the folder exists. */
  readonly webDir?: string;
}

export function createApp(o: AppOptions) {
  const l = o.law;
  const dateOr = (d: string | undefined) => (d === undefined ? o.today() : parseDate(d));
  const app = new OpenAPIHono<AppEnv>();
  app.onError((e, c) => errorResponse(c, e, o.log));
  app.notFound((c) => fail(c, 404, { error: 'not-found', message: `no route ${c.req.method} ${c.req.path}; see /openapi.json` }));
  app.openAPIRegistry.registerComponent('securitySchemes', 'apiKey', { type: 'http', scheme: 'bearer', description: 'an earmark API key (earmark keys create --role viewer|operator|admin)' });

  app.use('/v1/*', async (c, next) => {
    const batch = c.req.path === '/v1/batch' || c.req.path === '/v1/lists/import';
    return bodyLimit({ maxSize: batch ? o.batchBodyLimit : o.bodyLimit, onError: (c) => fail(c, 413, { error: 'payload-too-large', message: `the body is larger than ${batch ? o.batchBodyLimit : o.bodyLimit} bytes` }) })(c, next);
  });
  app.use('/v1/*', async (c, next) => timeout(c.req.path === '/v1/batch' ? o.timeoutMs * 10 : o.timeoutMs)(c, next));
  app.use('/v1/*', authenticate(o.store, new RateLimiter(o.ratePerSecond)));

  const route = <R extends RouteConfig>(r: R) => createRoute({ ...secured, ...r });
  /** --record over HTTP: the operator role, and the caller's key as the actor. */
  const recordAnswer = async (c: Context<AppEnv>, event: Omit<AuditEvent, 'actor'>) => {
    const caller = c.get('caller');
    if (roles.indexOf(caller.role) < roles.indexOf('operator')) throw new HTTPException(403, { message: `record needs the operator role; the key has ${caller.role}` });
    await appendAudit(o.store, { ...event, actor: caller.actor });
  };

  app.openapi(route({
    method: 'post', path: '/v1/check', summary: 'Licence determination (earmark check --json)', tags: ['determinations'],
    middleware: [need('viewer')] as const, request: jsonBody(s.CheckBody),
    responses: { ...ok(s.Determination, 'the determination with its findings'), ...errors(400, 401, 403, 413, 429) },
  }), async (c) => {
    const { record, ...b } = c.req.valid('json');
    const d = decide(l, screenBuyer(o.screening()), transactionFrom(l, itemFrom(l, b), b, o.today()), b.view ?? 'enforced');
    if (record) await recordAnswer(c, { kind: 'determination', input: b, output: d, ruleVersion: d.ruleVersion });
    return c.json(d as never, 200);
  }, hookFor(s.CheckBody));

  app.openapi(route({
    method: 'post', path: '/v1/classify', summary: 'ECCN of a chip, computer or HBM stack (earmark classify --json)', tags: ['determinations'],
    middleware: [need('viewer')] as const, request: jsonBody(s.ClassifyBody),
    responses: { ...ok(s.Classification, 'the classification with its findings'), ...errors(400, 401, 403, 413, 429) },
  }), async (c) => {
    const { record, ...b } = c.req.valid('json');
    const { date, ruleVersion, item, confidence, findings } = classify(l, itemFrom(l, b), dateOr(b.date));
    const answer = { date, ruleVersion, item, confidence, findings };
    if (record) await recordAnswer(c, { kind: 'classification', input: b, output: answer, ruleVersion });
    return c.json(answer as never, 200);
  }, hookFor(s.ClassifyBody));

  app.openapi(route({
    method: 'post', path: '/v1/screen', summary: 'Screen a name against the restricted-party lists in service (earmark screen --json)', tags: ['screening'],
    middleware: [need('viewer')] as const, request: jsonBody(s.ScreenBody),
    responses: { ...ok(s.ScreenResult, 'the hits, best first'), ...errors(400, 401, 403, 413, 429) },
  }), (c) => {
    const b = c.req.valid('json');
    return c.json(screen(o.screening(), b.name, { country: b.country, lists: b.list, threshold: b.threshold, limit: b.limit }) as never, 200);
  }, hookFor(s.ScreenBody));

  app.openapi(route({
    method: 'get', path: '/v1/models/{id}', summary: 'A catalogued model: compute, cost and ECCN 4E091 status of its weights on a date (earmark model ID --json)', tags: ['model weights'],
    middleware: [need('viewer')] as const, request: { params: s.ModelParams, query: s.ModelQuery },
    responses: { ...ok(s.ModelReport, 'the model and the answer for its weights'), ...errors(400, 401, 403, 429) },
  }), (c) => {
    const q = c.req.valid('query');
    const r = modelReport(c.req.valid('param').id, {
      date: dateOr(q.date), view: q.view ?? 'enforced', to: q.to, buyerHq: q.buyerHq, parentHq: q.parentHq,
      ...(q.price !== undefined ? { usdPerGpuHour: q.price } : {}), ...(q.weights ? { weights: q.weights } : {}),
    });
    return c.json(r as never, 200);
  }, hookFor(s.ModelQuery));

  app.openapi(route({
    method: 'get', path: '/v1/timeline', summary: 'The answer in every interval since 2022-10-07 (earmark timeline --json)', tags: ['determinations'],
    middleware: [need('viewer')] as const, request: { query: s.TimelineQuery },
    responses: { ...ok(s.Timeline, 'intervals, oldest first'), ...errors(400, 401, 403, 429) },
  }), (c) => {
    const q = c.req.valid('query');
    const now = o.today();
    const { date: _date, ...tx } = transactionFrom(l, itemFrom(l, q), q, now);
    return c.json({ intervals: timeline(l, tx, q.view ?? 'enforced', now) } as never, 200);
  }, hookFor(s.TimelineQuery));

  app.openapi(route({
    method: 'get', path: '/v1/chips', summary: 'The chip catalog with metrics and ECCN on a date (earmark chips --json)', tags: ['catalog'],
    middleware: [need('viewer')] as const, request: { query: s.DateQuery },
    responses: { ...ok(s.Chips, 'every catalog chip'), ...errors(400, 401, 403, 429) },
  }), (c) => c.json(chipsAt(l, dateOr(c.req.valid('query').date)) as never, 200), hookFor(s.DateQuery));

  app.openapi(route({
    method: 'get', path: '/v1/chips/{id}', summary: 'One chip: specs, sources, and its ECCN on every date the law changed', tags: ['catalog'],
    middleware: [need('viewer')] as const, request: { params: s.ChipParams },
    responses: { ...ok(s.ChipDetail, 'the chip'), ...errors(400, 401, 403, 429) },
  }), (c) => c.json(chipDetail(l, l.chips.resolve(c.req.valid('param').id), o.today()) as never, 200));

  app.openapi(route({
    method: 'get', path: '/v1/countries', summary: 'Country Groups and tier of every destination on a date (earmark countries --json)', tags: ['catalog'],
    middleware: [need('viewer')] as const, request: { query: s.DateQuery },
    responses: { ...ok(s.Countries, 'every destination'), ...errors(400, 401, 403, 429) },
  }), (c) => c.json(countriesAt(l, dateOr(c.req.valid('query').date)) as never, 200), hookFor(s.DateQuery));

  app.openapi(route({
    method: 'get', path: '/v1/rules', summary: 'The rule versions, oldest first (earmark rules --json)', tags: ['catalog'],
    middleware: [need('viewer')] as const,
    responses: { ...ok(s.Rules, 'the rule versions'), ...errors(401, 403, 429) },
  }), (c) => c.json({ coverageStart: l.coverageStart, asOf: l.asOf, versions: l.versions } as never, 200));

  app.openapi(route({
    method: 'post', path: '/v1/batch', summary: 'Decide a whole order book, streaming (earmark batch over HTTP)', tags: ['determinations'],
    description: 'CSV in (the columns of earmark batch), CSV out: each input row untouched, then the result columns. Or JSON Lines in (each line a /v1/check body), JSON Lines out: {"row", "determination"} or {"row", "error"}. One answer per input row, in order.',
    middleware: [need('viewer')] as const,
    request: {
      query: s.BatchQuery,
      body: { required: true, content: { 'text/csv': { schema: s.Text }, 'application/x-ndjson': { schema: s.Text } } },
    },
    responses: {
      200: { description: 'one answer per input row, streamed', content: { 'text/csv': { schema: s.Text }, 'application/x-ndjson': { schema: s.Text } } },
      ...errors(400, 401, 403, 413, 429),
    },
  }), (c) => batchRoute(c, l, o.screening(), o.today()) as never, hookFor(s.BatchQuery));

  app.openapi(route({
    method: 'post', path: '/v1/lists/import', summary: 'Import a list file as a new dated snapshot (earmark lists import --json)', tags: ['screening'],
    description: 'The body is the file: trade.gov CSL CSV or JSON, or earmark\'s compact snapshot. A file with any rejected row is refused whole (422) and the snapshot in service stays.',
    middleware: [need('admin')] as const,
    request: { query: s.ListImportQuery, body: { required: true, content: { 'text/csv': { schema: s.Text }, 'application/json': { schema: s.ListFile } } } },
    responses: { ...ok(s.ListImportReport, 'the snapshot is stored'), 422: { description: 'rows rejected; nothing changed', content: { 'application/json': { schema: s.ListImportReport } } }, ...errors(400, 401, 403, 413, 429) },
  }), async (c) => {
    const q = c.req.valid('query');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const report = o.importLists(q.name ?? 'upload', bytes, { format: q.format, asOf: q.asOf === undefined ? undefined : parseDate(q.asOf, 'asOf') });
    return c.json(report as never, report.imported ? 200 : 422);
  }, hookFor(s.ListImportQuery));

  app.openapi(route({
    method: 'post', path: '/v1/keys', summary: 'Create an API key; the key is shown once (earmark keys create --json)', tags: ['access'],
    middleware: [need('admin')] as const, request: jsonBody(s.KeyCreateBody),
    responses: { ...ok(s.KeyCreated, 'the new key'), ...errors(400, 401, 403, 429) },
  }), async (c) => {
    const b = c.req.valid('json');
    return c.json(await createKey(o.store, b.role, b.name, c.get('caller').actor), 200);
  }, hookFor(s.KeyCreateBody));

  app.openapi(route({
    method: 'get', path: '/v1/keys', summary: 'The API keys (ids and roles; never the keys) (earmark keys list --json)', tags: ['access'],
    middleware: [need('admin')] as const,
    responses: { ...ok(s.KeyList, 'every key, revoked ones included'), ...errors(401, 403, 429) },
  }), async (c) => c.json({ keys: await listKeys(o.store) }, 200));

  app.openapi(route({
    method: 'delete', path: '/v1/keys/{id}', summary: 'Revoke an API key (earmark keys revoke --json)', tags: ['access'],
    middleware: [need('admin')] as const, request: { params: s.KeyParams },
    responses: { ...ok(s.KeyRevoked, 'the key is revoked'), ...errors(401, 403, 404, 429) },
  }), async (c) => {
    const { id } = c.req.valid('param');
    if (!(await revokeKey(o.store, id))) return fail(c, 404, { error: 'not-found', message: `no key ${id}` }) as never;
    return c.json({ id, revoked: true }, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/healthz', summary: 'Liveness: no key needed', tags: ['service'],
    responses: ok(s.Health, 'the server is up'),
  }), (c) => c.json({ status: 'ok' as const, version: o.version, dataAsOf: l.asOf }, 200));

  registerRecords(app, o.store, o.today);

  app.doc31('/openapi.json', { openapi: '3.1.0', info: { title: 'earmark API', version: o.version, description: 'US export controls on AI chips, computers and model weights. Request fields are the CLI options in camelCase; responses are the CLI\'s --json objects.' } });
  app.get('/docs', (c) => c.html(docsPage(app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'earmark API', version: o.version } }))));

  if (o.webDir && existsSync(o.webDir)) {
    const root = relative(process.cwd(), o.webDir) || '.';
    const files = serveStatic<AppEnv>({ root });
    const index = serveStatic<AppEnv>({ root, path: 'index.html' });
    // The workbench routes in the browser: any other GET outside the API gets its index.html.
    app.use('*', async (c, next) => {
      if (c.req.method !== 'GET' || c.req.path.startsWith('/v1/')) return next();
      return (await files(c, async () => {})) ?? index(c, next);
    });
  }
  return app;
}

export type App = ReturnType<typeof createApp>;

/** The workbench the web engineer builds: web/dist in the package. */
export const defaultWebDir = join(packageRoot, 'web', 'dist');
