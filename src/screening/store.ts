// Snapshots on disk: the one bundled in the package's data/lists/, and those `earmark lists import` wrote
// under <dataDir>/lists/. Each stored snapshot carries the sha256 of the file it was imported from and a
// checksum of its own parties, so a damaged file is noticed and passed over.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataPath } from '../data/files.js';
import { isIsoDate } from '../dates.js';
import type { Party, Snapshot } from './party.js';
import { parseCompact } from './formats/compact.js';

export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** The bundled default: the newest screening-list-YYYY-MM-DD.json in the package's data/lists/. */
export function loadBundled(): Snapshot {
  const dir = dataPath('lists');
  const names = readdirSync(dir).filter((f) => /^screening-list-\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort();
  const name = names[names.length - 1];
  if (!name) throw new Error(`earmark: no bundled screening list in ${dir}`);
  const bytes = readFileSync(join(dir, name));
  const parsed = parseCompact(JSON.parse(bytes.toString('utf8')));
  if (parsed.rejected.length > 0) throw new Error(`earmark: bundled screening list ${name} has ${parsed.rejected.length} bad entries`);
  return {
    source: `bundled ${name}`,
    format: 'compact',
    asOf: parsed.asOf ?? name.slice('screening-list-'.length, -'.json'.length),
    sha256: sha256(bytes),
    parties: parsed.parties,
  };
}

/** A stored snapshot as `earmark lists` shows it. */
export interface StoredInfo {
  readonly file: string;
  readonly source: string;
  readonly format: string;
  readonly asOf: string;
  readonly sha256: string;
  readonly rows: number;
  readonly importedAt: string;
}

interface StoredFile extends StoredInfo {
  readonly earmarkSnapshot: 1;
  /** sha256 of JSON.stringify(parties): detects a file damaged after import. */
  readonly check: string;
  readonly parties: Party[];
}

export function listsDir(dataDir: string): string {
  return join(dataDir, 'lists');
}

const storedName = /^snapshot-(\d{4}-\d{2}-\d{2})-([0-9a-f]{12})\.json$/;

/** Writes an imported snapshot under <dataDir>/lists/ (atomically: a temporary file renamed into place). */
export function saveSnapshot(dataDir: string, snapshot: Snapshot, importedAt: string): StoredInfo {
  const dir = listsDir(dataDir);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `snapshot-${snapshot.asOf}-${snapshot.sha256.slice(0, 12)}.json`);
  const parties = [...snapshot.parties];
  const info: StoredInfo = {
    file,
    source: snapshot.source,
    format: snapshot.format,
    asOf: snapshot.asOf,
    sha256: snapshot.sha256,
    rows: parties.length,
    importedAt,
  };
  const stored: StoredFile = { earmarkSnapshot: 1, ...info, check: sha256(JSON.stringify(parties)), parties };
  const { file: _file, ...body } = stored;
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(body));
  renameSync(tmp, file);
  return info;
}

/** Reads one stored snapshot, or says why it cannot be used. */
export function readStored(file: string): { snapshot: Snapshot; info: StoredInfo } | { error: string } {
  let body: Omit<StoredFile, 'file'>;
  try {
    body = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    return { error: `unreadable: ${e instanceof Error ? e.message : String(e)}` };
  }
  if (body?.earmarkSnapshot !== 1 || !Array.isArray(body.parties) || !isIsoDate(String(body.asOf))) {
    return { error: 'not an earmark snapshot' };
  }
  if (sha256(JSON.stringify(body.parties)) !== body.check) return { error: 'checksum mismatch: the file was changed or damaged after import' };
  const info: StoredInfo = {
    file,
    source: body.source,
    format: body.format,
    asOf: body.asOf,
    sha256: body.sha256,
    rows: body.parties.length,
    importedAt: body.importedAt,
  };
  return { snapshot: { source: body.source, format: body.format, asOf: body.asOf, sha256: body.sha256, parties: body.parties }, info };
}

/** Files under <dataDir>/lists/ that look like stored snapshots, newest as-of date first. */
export function storedFiles(dataDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(listsDir(dataDir));
  } catch {
    return [];
  }
  return names
    .filter((f) => storedName.test(f))
    .sort()
    .reverse()
    .map((f) => join(listsDir(dataDir), f));
}
