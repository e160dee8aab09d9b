import { adoptImport } from '../../src/screening/intake.js';
import { importBytes } from '../../src/screening/import.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { law } from '../../src/law/law.js';
import { type ServeOptions, startServer } from '../../src/server/serve.js';
import { openStore } from '../../src/storage/store.js';
import { createKey } from '../../src/server/keys-store.js';
import { openScreening } from '../../src/screening/index.js';

export interface Reply {
  status: number;
  body: any;
  text: string;
  headers: Headers;
}

/** A real server on an ephemeral loopback port over a fresh SQLite store. */
export async function startTestServer(o: Partial<ServeOptions> & { keys?: ('viewer' | 'operator' | 'admin')[] } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'earmark-server-'));
  const store = await openStore({ env: {}, dataDir: dir });
  const keys: Record<string, string> = {};
  for (const role of o.keys ?? []) keys[role] = (await createKey(store, role, `test ${role}`, 'test')).key;
  const logs: string[] = [];
  const running = await startServer({
    law: law(), store, screening: () => openScreening({}, dir), importLists: (name, bytes, opts) => adoptImport({}, dir, name, importBytes(bytes, name, opts)), port: 0, host: '127.0.0.1', ratePerSecond: 0, timeoutMs: 5_000, bodyLimit: 64 * 1024, batchBodyLimit: 64 * 1024 * 1024,
    drainMs: 5_000, today: () => '2026-01-15', version: 'test', log: (l) => logs.push(l), ...o,
  });
  const request = async (method: string, path: string, body?: unknown, key?: string, headers: Record<string, string> = {}): Promise<Reply> => {
    const res = await fetch(`${running.url}${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = undefined;
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  };
  return {
    ...running, store, dir, keys, logs, request,
    stop: async () => {
      await running.close();
      await store.close();
    },
  };
}
