import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Where earmark keeps its state (SQLite ledger, imported list snapshots): `--data-dir`, else
 * EARMARK_DATA_DIR, else ~/.earmark. Created on first use by whoever writes there. */
export function dataDir(env: Readonly<Record<string, string | undefined>>, flag?: string): string {
  return resolve(flag ?? env.EARMARK_DATA_DIR ?? join(homedir(), '.earmark'));
}
