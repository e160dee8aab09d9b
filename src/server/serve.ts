import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Store } from '../storage/store.js';
import { type AppOptions, createApp } from './app.js';
import { anyLiveKey } from './keys-store.js';

export interface ServeOptions extends Omit<AppOptions, 'store'> {
  readonly store: Store;
  readonly port: number;
  readonly host: string;
  /** How long shutdown waits for requests in flight before cutting them, ms. */
  readonly drainMs: number;
}

export interface Running {
  readonly url: string;
  readonly port: number;
  readonly host: string;
  /** Stops accepting connections, lets the requests in flight finish (up to drainMs), then resolves. */
  close(): Promise<void>;
}

const loopback = new Set(['127.0.0.1', '::1', 'localhost']);

/** Starts the API. With no live key the server would be open to anyone who reaches it, so it then
 * listens on loopback only, whatever host was asked for, and says so. */
export async function startServer(o: ServeOptions): Promise<Running> {
  let host = o.host;
  if (!(await anyLiveKey(o.store))) {
    if (!loopback.has(host)) host = '127.0.0.1';
    o.log(`earmark: no API keys configured: listening on loopback (${host}) only, without authentication; create one with earmark keys create --role admin`);
  }
  const app = createApp(o);
  const server = await new Promise<Server>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: o.port, hostname: host }, () => resolve(s as Server)) as Server;
    s.once('error', reject);
  });
  // Slow clients may not hold a connection open forever sending headers or a body.
  server.headersTimeout = 10_000;
  server.requestTimeout = o.timeoutMs * 10 + 5_000;
  const { port } = server.address() as AddressInfo;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    port,
    host,
    close: () => new Promise<void>((resolve) => {
      const cut = setTimeout(() => server.closeAllConnections(), o.drainMs);
      // Connections kept alive go as soon as their request is answered.
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      server.close(() => {
        clearTimeout(cut);
        clearInterval(idle);
        resolve();
      });
      server.closeIdleConnections();
    }),
  };
}
