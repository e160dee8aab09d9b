import { InputError } from '../errors.js';

/** Where a command writes, so that tests can run the CLI in-process and read what it printed. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  readonly isTTY: boolean;
  readonly env: Readonly<Record<string, string | undefined>>;
}

/** Exit codes: 0 success, 2 bad input, 3 a ledger reservation refused for lack of room, 1 anything else. */
export const exit = { ok: 0, failure: 1, input: 2, refused: 3 } as const;

/** Thrown by a command to end with a given exit code after it has printed its answer. */
export class ExitCode extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

export function processIo(): Io {
  return {
    out: (t) => process.stdout.write(t.endsWith('\n') ? t : `${t}\n`),
    err: (t) => process.stderr.write(t.endsWith('\n') ? t : `${t}\n`),
    isTTY: Boolean(process.stdout.isTTY),
    env: process.env,
  };
}

/** Maps an error thrown by a command to its exit code, printing one line for the user. */
export function reportError(e: unknown, io: Io): number {
  if (e instanceof ExitCode) return e.code;
  if (e instanceof InputError) {
    io.err(`earmark: ${e.message}`);
    return exit.input;
  }
  io.err(`earmark: ${e instanceof Error ? e.message : String(e)}`);
  return exit.failure;
}

/** JSON as the CLI prints it: two-space indentation, one object. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
