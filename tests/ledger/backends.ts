// The two back ends every ledger test runs against: a fresh SQLite file in a temp dir, and a fresh
// database on a throwaway PostgreSQL cluster started for the test file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openStore } from '../../src/storage/store.js';
import { type Postgres, postgresMissing, startPostgres } from '../support/postgres.js';

export interface Backend {
  readonly name: 'sqlite' | 'postgres';
  /** Environment (and data dir) for a new, empty store, for this process or for child processes. */
  fresh(): Promise<{ env: Record<string, string>; dataDir: string }>;
}

const pgMissing = postgresMissing();
if (pgMissing) console.warn(`skipping the PostgreSQL ledger tests: ${pgMissing}`);

/** The back ends available here; call at the top of a test file (registers the cluster's hooks). */
export function backends(): Backend[] {
  const dirs: string[] = [];
  let pg: Postgres | undefined;
  let n = 0;
  const tempDir = () => {
    const d = mkdtempSync(join(tmpdir(), 'earmark-ledger-'));
    dirs.push(d);
    return d;
  };
  if (!pgMissing) beforeAll(async () => { pg = await startPostgres(); });
  afterAll(() => {
    pg?.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });
  const list: Backend[] = [{ name: 'sqlite', fresh: async () => ({ env: { EARMARK_DATABASE_URL: '' }, dataDir: tempDir() }) }];
  if (!pgMissing) {
    list.push({
      name: 'postgres',
      fresh: async () => ({ env: { EARMARK_DATABASE_URL: await pg!.createDatabase(`t${process.pid}_${++n}`) }, dataDir: tempDir() }),
    });
  }
  return list;
}

export async function freshStore(b: Backend) {
  const { env, dataDir } = await b.fresh();
  return openStore({ env, dataDir });
}
