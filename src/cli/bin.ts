#!/usr/bin/env node
import { processIo } from './io.js';
import { run } from './main.js';

// A reader that stops early (`earmark chips | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.exitCode = await run(process.argv.slice(2), processIo());
