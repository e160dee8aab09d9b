import { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import type { Context } from 'hono';
import { resultColumns } from '../batch/columns.js';
import { type BatchStats, batchLines } from '../batch/run.js';
import { itemFrom } from '../cli/item-options.js';
import type { IsoDate } from '../dates.js';
import { InputError } from '../errors.js';
import type { Law } from '../law/law.js';
import type { ScreeningService } from '../screening/index.js';
import { decide, rememberedScreen } from '../licensing/decide.js';
import { transactionFrom } from '../licensing/input.js';
import { fail, fromInputError, fromZodError } from './errors.js';
import { CheckBody } from './schemas.js';

const known = Object.keys(CheckBody.shape);

/** JSON Lines: each line a /v1/check body; each answer line {"row", "determination"} or {"row", "error"}. */
async function* jsonLines(input: Readable, law: Law, screening: ScreeningService, today: IsoDate): AsyncGenerator<string> {
  const screenOf = rememberedScreen(screening);
  let row = 0;
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    row++;
    let answer: object;
    try {
      const parsed = CheckBody.safeParse(JSON.parse(line));
      if (!parsed.success) {
        answer = { row, error: fromZodError(parsed.error, known) };
      } else {
        const b = parsed.data;
        const { record: _record, ...input } = b;
        answer = { row, determination: decide(law, screenOf, transactionFrom(law, itemFrom(law, input), input, today), input.view ?? 'enforced') };
      }
    } catch (e) {
      if (e instanceof SyntaxError) answer = { row, error: { error: 'malformed-json', message: `row ${row} is not valid JSON` } };
      else if (e instanceof InputError) answer = { row, error: fromInputError(e) };
      else throw e;
    }
    yield `${JSON.stringify(answer)}\n`;
  }
}

/** POST /v1/batch: an order book in, its answers streamed out as they are decided, in the same
 * format: CSV (as earmark batch writes it) or JSON Lines. */
export async function batchRoute(c: Context, law: Law, screening: ScreeningService, today: IsoDate): Promise<Response> {
  const type = (c.req.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
  const body = c.req.raw.body;
  if (!body) throw new InputError('body', 'send the order book as the body');
  const input = Readable.fromWeb(body as import('node:stream/web').ReadableStream);
  if (type === 'application/x-ndjson' || type === 'application/jsonl') {
    return new Response(Readable.toWeb(Readable.from(jsonLines(input, law, screening, today))) as ReadableStream, { headers: { 'content-type': 'application/x-ndjson' } });
  }
  if (type !== 'text/csv') return fail(c, 415, { error: 'unsupported-media-type', message: 'send text/csv or application/x-ndjson', allowed: ['text/csv', 'application/x-ndjson'] });
  const view = c.req.query('view') ?? 'enforced';
  if (view !== 'enforced' && view !== 'codified') throw new InputError('view', `"${view}" is not allowed; use enforced or codified`, ['enforced', 'codified']);
  const stats: BatchStats = { rows: 0, licencesRequired: 0, errors: 0, skipped: 0 };
  const lines = batchLines(input, { law, screening: rememberedScreen(screening), today, view, dateColumn: c.req.query('dateColumn') ?? 'date', skipRows: 0, writeHeader: true }, stats);
  // The header is checked before the answer starts, so that a bad one is a plain 400.
  const first = await lines.next();
  async function* all() {
    if (!first.done) yield first.value;
    yield* lines;
  }
  return new Response(Readable.toWeb(Readable.from(all())) as ReadableStream, { headers: { 'content-type': 'text/csv; charset=utf-8', 'x-earmark-result-columns': resultColumns.join(',') } });
}
