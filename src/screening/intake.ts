import { dataDir } from '../config.js';
import type { ImportResult } from './import.js';
import { openScreening, reopenScreening } from './index.js';
import { saveSnapshot } from './store.js';

/** What became of an imported list: stored and (when newest) put in service, or refused whole with the
 * rejected rows, the snapshot in service left as it was. The CLI prints it; the server returns it. */
export type ImportReport =
  | {
      imported: false; file: string; format: string; partiesRead: number; rejectedRows: number;
      rejected: ImportResult['rejected']; inService: InService;
    }
  | {
      imported: true; file: string; format: string; asOf: string; asOfFrom: string; rows: number; sha256: string;
      companions: readonly string[]; stored: string; inService: InService; nowInService: boolean; warning?: string;
    };

interface InService { asOf: string; sha256: string; source: string }

/** Stores a successful import under the data directory and reloads the lists in service. */
export function adoptImport(env: Readonly<Record<string, string | undefined>>, dataDirFlag: string | undefined, file: string, result: ImportResult): ImportReport {
  const before = openScreening(env, dataDirFlag).snapshot;
  const inService = (s: typeof before): InService => ({ asOf: s.asOf, sha256: s.sha256, source: s.source });
  if (result.snapshot === null) {
    return { imported: false, file, format: result.format, partiesRead: result.rows, rejectedRows: result.rejected.length, rejected: result.rejected, inService: inService(before) };
  }
  const stored = saveSnapshot(dataDir(env, dataDirFlag), result.snapshot, new Date().toISOString());
  reopenScreening(env, dataDirFlag);
  const now = openScreening(env, dataDirFlag).snapshot;
  const nowInService = now.sha256 === stored.sha256 && now.asOf === stored.asOf;
  // A list that shrank by half is more likely a partial download than a mass delisting.
  const warning = nowInService && stored.rows < before.parties.length / 2
    ? `the snapshot now in service has ${stored.rows} parties, the one before it ${before.parties.length}; is this the whole list?`
    : undefined;
  return {
    imported: true, file, format: result.format, asOf: stored.asOf, asOfFrom: result.asOfFrom, rows: stored.rows, sha256: stored.sha256,
    companions: result.companions, stored: stored.file, inService: inService(now), nowInService, ...(warning ? { warning } : {}),
  };
}
