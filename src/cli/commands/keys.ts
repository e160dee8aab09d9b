import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { dataDir } from '../../config.js';
import { createKey, listKeys, revokeKey } from '../../server/keys-store.js';
import { roles } from '../../server/schemas.js';
import { openStore, type Store } from '../../storage/store.js';
import { ExitCode, type Io, exit, json } from '../io.js';
import { oneOf } from '../options.js';

async function withStore<T>(io: Io, dir: string | undefined, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore({ env: io.env, dataDir: dataDir(io.env, dir) });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export function registerKeys(program: Command, io: Io): void {
  const keys = program.command('keys').description('API keys of the server: viewer (read, determinations), operator (records, reservations), admin (keys, licences, list imports)');
  keys.command('create').description('make a key and print it, once: only its hash is kept')
    .requiredOption('--role <role>', roles.join(', '), oneOf('role', roles))
    .option('--name <text>', 'who or what holds the key')
    .option('--data-dir <dir>', 'folder of the SQLite store')
    .option('--json', 'print one JSON object')
    .action((o: { role: string; name?: string; dataDir?: string; json?: boolean }) => withStore(io, o.dataDir, async (store) => {
      const k = await createKey(store, o.role, o.name, `cli:${userInfo().username}`);
      if (o.json) return io.out(json(k));
      io.out(k.key);
      io.err(`earmark: key ${k.id} (${k.role}) created; it is shown only this once`);
    }));
  keys.command('list').description('the keys: ids, roles, names, dates (never the keys)')
    .option('--data-dir <dir>', 'folder of the SQLite store')
    .option('--json', 'print one JSON object')
    .action((o: { dataDir?: string; json?: boolean }) => withStore(io, o.dataDir, async (store) => {
      const all = await listKeys(store);
      if (o.json) return io.out(json({ keys: all }));
      for (const k of all) io.out(`${k.id}  ${k.role.padEnd(9)}${(k.name ?? '').padEnd(24)}${k.createdAt}${k.revokedAt ? `  revoked ${k.revokedAt}` : ''}`);
    }));
  keys.command('revoke').description('revoke a key by id')
    .argument('<id>', 'the key id (earmark keys list)')
    .option('--data-dir <dir>', 'folder of the SQLite store')
    .option('--json', 'print one JSON object')
    .action((id: string, o: { dataDir?: string; json?: boolean }) => withStore(io, o.dataDir, async (store) => {
      const found = await revokeKey(store, id);
      if (o.json) io.out(json({ id, revoked: found }));
      else io.out(found ? `key ${id} revoked` : `no key ${id}`);
      if (!found) throw new ExitCode(exit.input);
    }));
}
