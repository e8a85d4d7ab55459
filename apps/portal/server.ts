/**
 * The portal's HTTP server: Express 4 with security headers on every response, the Remix app
 * (Vite middleware in development, the built app otherwise) and the portal's tables made at start.
 */

import { AsyncLocalStorage } from 'node:async_hooks';
import path from 'node:path';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import express, { type RequestHandler } from 'express';
import type { ApiWait } from './app/lib/api.server';
import { ensurePortalSchema } from './app/lib/db.server';
import { PortalConfigError, parseEnv } from './app/lib/env.server';
import { sameOriginWrites, securityHeaders } from './app/lib/security.server';

async function main() {
  const env = parseEnv();
  await withRetry(() => ensurePortalSchema(env.databaseUrl, env.databaseIsDevDefault), env.databaseIsDevDefault);
  // Built app unless in development (tests run the built app, as production does).
  const useVite = process.env.NODE_ENV === undefined || process.env.NODE_ENV === 'development';
  const vite = useVite
    ? await import('vite').then((v) => v.createServer({ server: { middlewareMode: true }, appType: 'custom' }))
    : null;

  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', env.production ? 1 : false);
  if (process.env.PORTAL_SERVER_TIMING === 'true') app.use(serverTiming());
  app.use(securityHeaders(env.production, [new URL(env.bankid.issuer).origin]));
  // One address only: the login cookie and the broker's callback must meet on the same host.
  const canonical = new URL(env.origin);
  app.use((req, res, next) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && req.get('host') && req.get('host') !== canonical.host) {
      res.redirect(302, `${env.origin}${req.originalUrl}`);
      return;
    }
    next();
  });
  app.use(sameOriginWrites(env.origin));
  app.get('/healthz', (_req, res) => {
    res.type('text/plain').send('ok');
  });
  if (vite) {
    app.use(vite.middlewares);
  } else {
    // The build's only files are its hashed assets (no public folder): a page never costs a file lookup.
    const client = path.join(import.meta.dirname, 'build/client');
    app.use('/assets', express.static(path.join(client, 'assets'), { immutable: true, maxAge: '1y' }));
  }
  const build = vite
    ? () => vite.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>
    : ((await import(new URL('./build/server/index.js', import.meta.url).href)) as ServerBuild);
  app.all(
    '*',
    createRequestHandler({
      build,
      mode: env.production ? 'production' : 'development',
      getLoadContext: (_req, res) => ({ nonce: res.locals.nonce as string }),
    }),
  );
  const server = app.listen(env.port, env.host, () => {
    console.log(`portal listening on ${env.origin} (API ${env.apiUrl}, BankID ${env.bankid.issuer.origin})`);
  });
  const stop = () => {
    server.close(() => process.exit(0));
    void vite?.close();
    setTimeout(() => process.exit(0), 2000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/**
 * Off unless PORTAL_SERVER_TIMING=true (the benchmark turns it on): a Server-Timing header with the
 * time this response waited for the API (`api`, summed over its calls, from app/lib/api.server.ts)
 * and the portal's whole time until the headers (`total`). The store is shared through a global
 * symbol because the built app has its own copy of api.server.ts.
 */
function serverTiming(): RequestHandler {
  const storage = new AsyncLocalStorage<ApiWait>();
  (globalThis as { [key: symbol]: unknown })[Symbol.for('spindeln.portal.apiWait')] = storage;
  return (_req, res, next) => {
    const started = performance.now();
    const wait: ApiWait = { ms: 0, calls: 0 };
    const writeHead = res.writeHead;
    res.writeHead = function (this: typeof res, ...args: Parameters<typeof writeHead>) {
      if (!res.headersSent)
        res.setHeader(
          'server-timing',
          `api;dur=${wait.ms.toFixed(2)};desc="${wait.calls} calls", total;dur=${(performance.now() - started).toFixed(2)}`,
        );
      return writeHead.apply(this, args);
    } as typeof writeHead;
    storage.run(wait, next);
  };
}

/**
 * In development the API starts the embedded PostgreSQL; the portal may come up first, so it waits
 * for the server (up to a minute) instead of failing.
 */
async function withRetry(work: () => Promise<void>, wait: boolean): Promise<void> {
  const until = Date.now() + 60_000;
  for (;;) {
    try {
      return await work();
    } catch (error) {
      const code = (error as { code?: string }).code;
      const starting = code === 'ECONNREFUSED' || code === '57P03';
      if (!wait || !starting || Date.now() > until) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof PortalConfigError ? error.message : error);
  process.exit(1);
});
