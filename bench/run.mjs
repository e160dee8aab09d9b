// Runs a benchmark as production code runs: bundled by esbuild (as dist/ is), then executed by node.
// Usage: node bench/run.mjs NAME [args...]   e.g. node bench/run.mjs check 1000000
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const [name, ...args] = process.argv.slice(2);
if (!name) {
  console.error('usage: node bench/run.mjs NAME [args...] (NAME = a file in bench/ without .ts)');
  process.exit(2);
}
// Inside the package, so that dependencies and data/ resolve as they do for dist/.
const out = join('node_modules', '.cache', 'earmark-bench', `${name}.mjs`);
await build({ entryPoints: [`bench/${name}.ts`], outfile: out, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
const r = spawnSync('node', [out, ...args], { stdio: 'inherit', cwd: process.cwd() });
process.exit(r.status ?? 1);
