import { adoptImport } from '../../screening/intake.js';
import { importBytes } from '../../screening/import.js';
import type { Command } from 'commander';
import { dataDir } from '../../config.js';
import { today } from '../../dates.js';
import { law } from '../../law/law.js';
import { defaultWebDir } from '../../server/app.js';
import { startServer } from '../../server/serve.js';
import { openScreening } from '../../screening/index.js';
import { openStore } from '../../storage/store.js';
import type { Io } from '../io.js';
import { number } from '../options.js';

interface ServeOptions {
  port: number;
  host: string;
  dataDir?: string;
  rateLimit: number;
  timeout: number;
}

export function registerServe(program: Command, io: Io): void {
  program.command('serve').description('the HTTP API (and the web workbench at /) until SIGINT or SIGTERM')
    .option('--port <n>', 'port (0 picks a free one)', number('port', { integer: true, min: 0 }), 8080)
    .option('--host <address>', 'address to listen on (loopback only while no API key exists)', '127.0.0.1')
    .option('--data-dir <dir>', 'folder of the SQLite store (default EARMARK_DATA_DIR or ~/.earmark)')
    .option('--rate-limit <n>', 'requests a second per API key, bursts to twice that; 0 for none', number('rate-limit', { min: 0 }), 50)
    .option('--timeout <ms>', 'longest a request may run (batch: ten times this)', number('timeout', { integer: true, positive: true }), 10_000)
    .action(async (o: ServeOptions) => {
      const store = await openStore({ env: io.env, dataDir: dataDir(io.env, o.dataDir) });
      const running = await startServer({
        law: law(), store, screening: () => openScreening(io.env, o.dataDir), importLists: (name, bytes, opts) => adoptImport(io.env, o.dataDir, name, importBytes(bytes, name, opts)), port: o.port, host: o.host, ratePerSecond: o.rateLimit, timeoutMs: o.timeout,
        bodyLimit: 64 * 1024, batchBodyLimit: 1024 * 1024 * 1024, drainMs: 30_000, today, version: program.version() ?? '',
        log: (line) => io.err(line), webDir: defaultWebDir,
      });
      io.out(`earmark: listening on ${running.url} (API under /v1, document at /openapi.json, docs at /docs; store ${store.location})`);
      const signal = await new Promise<string>((resolve) => {
        process.once('SIGINT', () => resolve('SIGINT'));
        process.once('SIGTERM', () => resolve('SIGTERM'));
      });
      io.err(`earmark: ${signal}: finishing the requests in flight`);
      await running.close();
      await store.close();
      io.err('earmark: stopped');
    });
}
