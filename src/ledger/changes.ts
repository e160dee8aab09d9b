import type { Kysely } from 'kysely';
import type { IsoDate } from '../dates.js';
import { law } from '../law/law.js';
import { versionAt } from '../law/versions.js';
import { appendIn } from '../audit/trail.js';
import type { Store } from '../storage/store.js';
import type { Schema } from '../storage/schema.js';

/** Given to a ledger change that is to be recorded in the audit trail (the CLI's --record, the server). */
export interface LedgerAudit {
  readonly actor: string;
}

/** Records a ledger change inside its own transaction, so both commit or neither does. */
export async function recordChange(
  db: Kysely<Schema>,
  store: Store,
  audit: LedgerAudit | undefined,
  change: { action: string; input: unknown; output: unknown; date?: IsoDate },
): Promise<void> {
  if (!audit) return;
  await appendIn(db, store.dialect, {
    kind: 'ledger',
    actor: audit.actor,
    ruleVersion: change.date ? (versionAt(law().versions, change.date, 'enforced')?.id ?? null) : null,
    input: { action: change.action, ...(change.input as object) },
    output: change.output,
  });
}
