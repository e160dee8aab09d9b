import { run } from '../../src/cli/main.js';

/** Runs the CLI in-process and returns its exit code and what it printed. */
export async function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  let out = '';
  let err = '';
  const code = await run(argv, { out: (t) => void (out += t.endsWith('\n') ? t : `${t}\n`), err: (t) => void (err += t.endsWith('\n') ? t : `${t}\n`), isTTY: false, env: { ...process.env, ...env } });
  return { code, out, err, json: () => JSON.parse(out) };
}
