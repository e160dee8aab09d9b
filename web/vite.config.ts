// The workbench: Preact + Vite, built to web/dist and served by `earmark serve` at /.
import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import { parse } from 'yaml';

/** Law data files (data/law/*.yaml) imported as plain objects at build time, so thresholds are never copied by hand. */
function yamlData(): Plugin {
  return {
    name: 'earmark-yaml',
    transform(code, id) {
      if (id.endsWith('.yaml')) return { code: `export default ${JSON.stringify(parse(code))};`, map: null };
    },
  };
}

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  plugins: [preact(), yamlData()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1500 },
  // `EARMARK_API=http://localhost:8080 npx vite web` develops against a running `earmark serve`.
  server: { proxy: { '/v1': process.env.EARMARK_API ?? 'http://localhost:8080' } },
});
