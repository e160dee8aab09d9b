import { userInfo } from 'node:os';
import type { Io } from '../cli/io.js';
import { dataDir } from '../config.js';
import { withStore } from '../storage/store.js';
import { type AuditEvent, type AuditRecord, appendAudit } from './trail.js';

export interface RecordOptions {
  readonly dataDir?: string;
  readonly actor?: string;
}

/** Who did it when the caller does not say: the operating-system user running the CLI. */
export function cliActor(): string {
  return `cli:${userInfo().username}`;
}

/** One call for the CLI's `--record`: opens the store, appends the event to the audit trail, closes. */
export async function recordEvent(io: Io, opts: RecordOptions, event: Omit<AuditEvent, 'actor'>): Promise<AuditRecord> {
  return withStore({ env: io.env, dataDir: dataDir(io.env, opts.dataDir) }, (store) =>
    appendAudit(store, { ...event, actor: opts.actor ?? cliActor() }));
}
