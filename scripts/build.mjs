// Bundles the CLI and the library with esbuild (dependencies stay external); type checking is `tsc --noEmit`.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', sourcemap: true, logLevel: 'warning' };
await build({ ...common, entryPoints: { earmark: 'src/cli/bin.ts', index: 'src/index.ts' }, outdir: 'dist' });

// The web workbench (web/ -> web/dist), which `earmark serve` serves at /.
const { build: viteBuild } = await import('vite');
await viteBuild({ root: 'web', configFile: 'web/vite.config.ts', logLevel: 'warn' });
