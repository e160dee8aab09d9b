import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { type Io, json } from '../io.js';
import { dataDir } from '../../config.js';
import { InputError } from '../../errors.js';
import { withStore } from '../../storage/store.js';

/** `earmark db migrate|backup`: the store's schema and its backups. */
export function registerDb(program: Command, io: Io): void {
  const db = program.command('db').description("the ledger and audit store: schema migrations and backups");
  const storeOf = (flags: { dataDir?: string }) => ({ env: io.env, dataDir: dataDir(io.env, flags.dataDir) });
  const dataDirHelp = 'folder of the SQLite store (default EARMARK_DATA_DIR or ~/.earmark; EARMARK_DATABASE_URL selects PostgreSQL)';

  db.command('migrate')
    .description('bring the schema up to date (earmark also does this whenever it opens the store)')
    .option('--data-dir <dir>', dataDirHelp)
    .option('--json', 'print JSON')
    .action((flags: { dataDir?: string; json?: boolean }) =>
      withStore(storeOf(flags), async (store) => {
        const applied = await store.db.selectFrom('earmark_migrations').selectAll().orderBy('version').execute();
        if (flags.json) io.out(json({ store: store.dialect, location: store.location, migrations: applied }));
        else io.out([`${store.dialect} store at ${store.location}`, ...applied.map((m) => `  ${m.version} ${m.name} (applied ${m.applied_at})`)].join('\n'));
      }),
    );

  db.command('backup')
    .description('copy the SQLite store to FILE while it stays in use (for PostgreSQL, prints pg_dump advice)')
    .argument('<file>', 'the backup file to create')
    .option('--data-dir <dir>', dataDirHelp)
    .action((file: string, flags: { dataDir?: string }) =>
      withStore(storeOf(flags), async (store) => {
        const target = resolve(file);
        if (existsSync(target)) throw new InputError('file', `${target} exists; give a new file name`);
        await store.backup(target);
        io.out(`backed up ${store.location} to ${target}`);
      }),
    );
}
