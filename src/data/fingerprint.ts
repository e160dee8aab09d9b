import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dataPath } from './files.js';

/** sha256 of each bundled data folder an answer rests on, so a record names the exact data used. */
export interface DataFingerprint {
  readonly law: string;
  readonly countries: string;
  readonly catalog: string;
}

let computed: DataFingerprint | undefined;

/** Computed once per process: over each file's name and bytes, files in name order. */
export function dataFingerprint(): DataFingerprint {
  computed ??= { law: folderHash('law'), countries: folderHash('countries'), catalog: folderHash('catalog') };
  return computed;
}

function folderHash(folder: string): string {
  const h = createHash('sha256');
  for (const name of readdirSync(dataPath(folder)).sort()) {
    h.update(`${name}\0`);
    h.update(readFileSync(dataPath(folder, name)));
    h.update('\0');
  }
  return h.digest('hex');
}
