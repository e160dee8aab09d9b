import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';

/** The package root: the nearest folder above this module that holds earmark's package.json.
 * Works the same from src/ (tests, tsx) and from the bundled dist/. */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'earmark') return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('earmark: cannot find the package root (package.json named "earmark")');
    dir = up;
  }
}

export const packageRoot = findRoot();

/** Path of a file under the package's data/ folder. */
export function dataPath(...parts: string[]): string {
  return join(packageRoot, 'data', ...parts);
}

export function readData<T>(...parts: string[]): T {
  const file = dataPath(...parts);
  const text = readFileSync(file, 'utf8');
  return (file.endsWith('.json') ? JSON.parse(text) : parseYaml(text)) as T;
}
