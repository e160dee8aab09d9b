import type { MiddlewareHandler } from 'hono';
import type { Store } from '../storage/store.js';
import { fail } from './errors.js';
import { anyLiveKey, findKey } from './keys-store.js';
import type { RateLimiter } from './rate-limit.js';
import { type Role, roles } from './schemas.js';

/** Who is asking: a key's id and role, or the local user of a server that has no keys yet. */
export interface Caller {
  /** As written in the audit trail: "key:<id>" or "local". */
  readonly actor: string;
  readonly role: Role;
}

export type AppEnv = { Variables: { caller: Caller } };

const rank = (r: Role) => roles.indexOf(r);

/** Authenticates every /v1 request (Authorization: Bearer <key>) and applies the caller's rate.
 * While no key is live, the server listens on loopback only and the local user acts as admin. */
export function authenticate(store: Store, limiter: RateLimiter): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    let caller: Caller;
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const key = m ? await findKey(store, m[1]) : null;
      if (!key) return fail(c, 401, { error: 'unauthorized', message: 'the API key is unknown, malformed or revoked; send Authorization: Bearer <key>' });
      caller = { actor: `key:${key.id}`, role: key.role };
    } else if (await anyLiveKey(store)) {
      return fail(c, 401, { error: 'unauthorized', message: 'an API key is required: send Authorization: Bearer <key> (earmark keys create --role viewer)' });
    } else {
      caller = { actor: 'local', role: 'admin' };
    }
    const wait = limiter.take(caller.actor);
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return fail(c, 429, { error: 'rate-limited', message: `too many requests for this key; retry in ${wait} s` });
    }
    c.set('caller', caller);
    await next();
  };
}

/** Lets through callers of `role` or above; others get 403 (they are known, but may not do this). */
export function need(role: Role): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const caller = c.get('caller');
    if (rank(caller.role) < rank(role)) return fail(c, 403, { error: 'forbidden', message: `this needs the ${role} role; the key has ${caller.role}` });
    await next();
  };
}
