import { createServer, type Server } from 'node:http';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { TokenVerifier } from '@spindeln/api-token';
import express from 'express';
import { GraphQLError } from 'graphql';
import { databaseHealth } from './db/lifecycle';
import { countStatements } from './db/query-counter';
import { createApollo, serviceUnavailable, UNAVAILABLE_RETRY_AFTER_SECONDS } from './graphql/apollo';
import { type RateLimitConfig, RateLimiter } from './graphql/rate-limit';
import { createContext } from './modules/request/context';
import { linkContext, requestLogMiddleware, requestLogPlugin, requestRecord } from './request-log';
import { isDatabaseUnavailable } from './shared/errors';
import { type Logger, logger } from './shared/log';

export interface HttpTimeouts {
  /** The request line and headers must have arrived within this. */
  headersMs: number;
  /** The whole request, body included (a 64 kB body needs little time). */
  requestMs: number;
  /** An idle kept-alive connection is closed after this. */
  keepAliveMs: number;
}

/** The defaults of `config/env.ts`, for callers that pass none. */
export const DEFAULT_RATE_LIMIT: RateLimitConfig = { windowSeconds: 10, perPerson: 100, perAddress: 1000 };
export const DEFAULT_HTTP_TIMEOUTS: HttpTimeouts = { headersMs: 10_000, requestMs: 15_000, keepAliveMs: 5_000 };

export interface ApiOptions {
  orm: MikroORM;
  embedded: boolean;
  verifier: TokenVerifier;
  production: boolean;
  reportSqlStatements?: boolean;
  rateLimit?: RateLimitConfig;
  http?: HttpTimeouts;
  /** Express's `trust proxy` (see TRUST_PROXY in the README). */
  trustProxy?: string;
  /** /health answers within this whatever the database does. */
  healthTimeoutMs?: number;
  /** Where the request lines go; the process's logger (LOG_LEVEL, LOG_FORMAT) when unset. */
  logger?: Logger;
}

/** GraphQL requests are small; anything bigger is refused before parsing. */
export const REQUEST_BODY_LIMIT = '64kb';

/** What body-parser's error types mean, for a client. */
const BODY_ERRORS: Record<string, string> = {
  'entity.parse.failed': 'The body is not valid JSON',
  'entity.too.large': 'Request too large (at most 64 kB)',
  'encoding.unsupported': 'Unsupported content encoding',
  'charset.unsupported': 'Unsupported charset (use UTF-8)',
  'request.size.invalid': 'The body is shorter or longer than its Content-Length',
};

function trustProxySetting(value: string): string | number | boolean {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

export interface Api {
  app: express.Express;
  listen(port: number, host: string): Promise<Server>;
  stop(): Promise<void>;
}

/** The API's HTTP app: GET /health and the GraphQL endpoint at /graphql. */
export async function createApi(options: ApiOptions): Promise<Api> {
  const apollo = await createApollo({
    production: options.production,
    reportSqlStatements: options.reportSqlStatements ?? false,
  });
  apollo.addPlugin(requestLogPlugin());
  await apollo.start();
  const limiter = new RateLimiter(options.orm, options.rateLimit ?? DEFAULT_RATE_LIMIT);
  limiter.startSweeping();

  const app = express();
  app.disable('x-powered-by');
  app.use(requestLogMiddleware(options.logger ?? logger()));
  if (options.trustProxy) app.set('trust proxy', trustProxySetting(options.trustProxy));
  app.get('/health', async (_req, res) => {
    const database = await databaseHealth(options.orm, options.healthTimeoutMs ?? 800);
    const ok = database.reachable && database.migrations?.pending === 0;
    res.status(ok ? 200 : 503).set('cache-control', 'no-store');
    if (!database.reachable) res.set('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
    res.json({ status: ok ? 'ok' : 'unavailable', database: { ...database, embedded: options.embedded } });
  });
  app.use(
    '/graphql',
    // Everything the request does from here on, token lookup included, is counted.
    (_req, _res, next) => (options.reportSqlStatements ? countStatements(next) : next()),
    express.json({ limit: REQUEST_BODY_LIMIT }),
    (_req, res, next) => {
      // Answers depend on who asks: never cached by anything in between.
      res.set('cache-control', 'no-store');
      next();
    },
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const address = req.ip ?? req.socket.remoteAddress ?? 'unknown';
        const record = requestRecord(res);
        try {
          const ctx = await createContext(
            options.orm,
            options.verifier,
            req.headers.authorization,
            record.requestId,
            (pnr) => limiter.admit(address, pnr),
          );
          linkContext(ctx, record);
          return ctx;
        } catch (error) {
          if (!(error instanceof GraphQLError) && isDatabaseUnavailable(error)) throw serviceUnavailable();
          throw error;
        }
      },
    }),
  );
  app.use((_req, res) => {
    res.status(404).json({ error: 'not found' });
  });
  // Body parser errors (too large, bad JSON) get a plain, detail-free answer.
  app.use(
    (
      err: { status?: number; type?: string },
      _req: express.Request,
      res: express.Response,
      _next: express.NextFunction,
    ) => {
      // Whatever reaches here is about the request's body, never worth a 5xx.
      const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 400;
      const message = (err.type && BODY_ERRORS[err.type]) ?? (status === 413 ? 'Request too large' : 'Bad request');
      res.status(status).json({ errors: [{ message, extensions: { code: 'BAD_REQUEST' } }] });
    },
  );

  const timeouts = options.http ?? DEFAULT_HTTP_TIMEOUTS;
  let server: Server | undefined;
  return {
    app,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        // Node's defaults let a client that trickles a body hold a connection for 300 s.
        server = createServer(
          {
            headersTimeout: timeouts.headersMs,
            requestTimeout: timeouts.requestMs,
            keepAliveTimeout: timeouts.keepAliveMs,
            // How often Node checks the two timeouts above (30 s by default).
            connectionsCheckingInterval: Math.max(100, Math.min(1000, Math.floor(timeouts.headersMs / 4))),
          },
          app,
        );
        server.once('error', reject);
        server.listen(port, host, () => resolve(server!));
      }),
    stop: async () => {
      limiter.stop();
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await apollo.stop();
    },
  };
}
