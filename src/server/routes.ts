import type { RouteConfig, z } from '@hono/zod-openapi';
import { fail, fromZodError } from './errors.js';
import * as s from './schemas.js';

// The pieces every route declaration shares: documented error answers, JSON bodies and answers,
// the key requirement, and the validation hook that turns a zod failure into a 400.

export type Documented = RouteConfig;

const meaning: Record<number, string> = {
  400: 'invalid input: the field and, where there is a closed set, the allowed values',
  401: 'no key, or an unknown or revoked one',
  403: 'the key\'s role may not do this',
  404: 'not found',
  413: 'body too large',
  429: 'rate limited (see Retry-After)',
};

export const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((code) => [code, { description: meaning[code], content: { 'application/json': { schema: s.ErrorBody } } }]));
export const ok = <T extends z.ZodType>(schema: T, description: string) => ({ 200: { description, content: { 'application/json': { schema } } } });
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { 'application/json': { schema } } } });
export const secured = { security: [{ apiKey: [] }] };

/** Validation failures answer 400 with the field path; unknown fields list the known ones. */
export function hookFor(schema: z.ZodObject) {
  const known = Object.keys(schema.shape);
  const hook = (result: { success: boolean; error?: z.ZodError }, c: Parameters<typeof fail>[0]) => {
    if (!result.success) return fail(c, 400, fromZodError(result.error!, known));
  };
  return hook as never;
}
