import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { appendIn } from '../audit/trail.js';
import type { Determination } from '../licensing/determine.js';
import type { Store } from '../storage/store.js';

/** Writes a batch's determinations to the audit trail, a few hundred rows per transaction. Each
 * record carries the run's key (from the input and output files) and its row number, so that a
 * resumed run records only the rows no earlier run did. */
export class BatchRecorder {
  private pending: { row: number; input: Record<string, string>; d: Determination }[] = [];

  private constructor(private readonly store: Store, private readonly key: string, private readonly file: string, private readonly actor: string, readonly recordedUpTo: number) {}

  static async open(store: Store, input: string, output: string, actor: string): Promise<BatchRecorder> {
    const key = createHash('sha256').update(`${input}\0${output}`).digest('hex').slice(0, 32);
    // The key is hex, so it needs no escaping inside the pattern.
    const last = await store.db.selectFrom('audit_log').select('input').where('kind', '=', 'determination')
      .where(sql<boolean>`input like ${`%"key":"${key}"%`}`).orderBy('seq', 'desc').limit(1).executeTakeFirst();
    const upTo = last ? (JSON.parse(last.input) as { batch: { row: number } }).batch.row : 0;
    return new BatchRecorder(store, key, input, actor, upTo);
  }

  add(row: number, input: Record<string, string>, d: Determination): void {
    if (row > this.recordedUpTo) this.pending.push({ row, input, d });
  }

  /** Commits the pending records in one transaction; the caller writes their output lines after. */
  async commit(): Promise<void> {
    if (this.pending.length === 0) return;
    const batch = this.pending;
    this.pending = [];
    await this.store.transaction(async (db) => {
      for (const p of batch) {
        await appendIn(db, this.store.dialect, { kind: 'determination', input: { batch: { key: this.key, file: this.file, row: p.row }, row: p.input }, output: p.d, ruleVersion: p.d.ruleVersion, actor: this.actor });
      }
    });
  }
}
