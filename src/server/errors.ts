import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import { InputError } from '../errors.js';

export interface ErrorBody {
  error: string;
  message: string;
  field?: string;
  allowed?: string[];
}

/** The core names fields as CLI options ("buyer-hq"); the API names them as its body does ("buyerHq"). */
export const apiField = (field: string) => field.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function fail(c: Context, status: ContentfulStatusCode, body: ErrorBody): Response {
  return c.json(body, status);
}

export function fromInputError(e: InputError): ErrorBody {
  const field = apiField(e.field);
  const message = e.message.startsWith(`${e.field}: `) ? e.message.slice(e.field.length + 2) : e.message;
  return { error: 'invalid-input', field, message: `${field}: ${message}`, ...(e.allowed ? { allowed: [...e.allowed] } : {}) };
}

/** The first zod issue, with its path and the allowed values where the schema has a closed set. */
export function fromZodError(e: ZodError, known: readonly string[]): ErrorBody {
  const issue = e.issues[0];
  if (issue.code === 'unrecognized_keys') {
    const field = [...issue.path, issue.keys[0]].join('.');
    return { error: 'invalid-input', field, message: `${field}: unknown field; the known fields are ${known.join(', ')}`, allowed: [...known] };
  }
  const field = issue.path.join('.') || '(body)';
  const allowed = issue.code === 'invalid_value' ? issue.values.map(String) : undefined;
  const message = allowed ? `must be one of ${allowed.join(', ')}` : issue.message;
  return { error: 'invalid-input', field, message: `${field}: ${message}`, ...(allowed ? { allowed } : {}) };
}

/** Everything thrown by a handler ends here: a clear 4xx for the client's mistakes, and for ours a
 * bare 500 (the detail goes to the server's log, never a stack to the client). */
export function errorResponse(c: Context, e: unknown, log: (line: string) => void): Response {
  if (e instanceof InputError) return fail(c, 400, fromInputError(e));
  if (e instanceof HTTPException) {
    const status = e.status as ContentfulStatusCode;
    if (status === 400 && /JSON/i.test(e.message)) return fail(c, 400, { error: 'malformed-json', message: 'the request body is not valid JSON' });
    if (status === 413) return fail(c, 413, { error: 'payload-too-large', message: e.message });
    if (status === 415) return fail(c, 415, { error: 'unsupported-media-type', message: 'send the body as application/json' });
    if (status === 403) return fail(c, 403, { error: 'forbidden', message: e.message });
    if (status === 504) return fail(c, 503, { error: 'timeout', message: 'the request took too long and was abandoned' });
    return fail(c, status, { error: status >= 500 ? 'internal' : 'bad-request', message: e.message || 'bad request' });
  }
  log(`internal error on ${c.req.method} ${c.req.path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  return fail(c, 500, { error: 'internal', message: 'internal error; the server logged it' });
}
