import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Io } from '../../src/cli/io.js';
import { run } from '../../src/cli/main.js';

export const fixtures = join(import.meta.dirname, 'fixtures');

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'earmark-screening-'));
}

/** Runs the CLI in-process and returns its exit code and what it printed. */
export async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => void out.push(t), err: (t) => void err.push(t), isTTY: false, env };
  const code = await run(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
