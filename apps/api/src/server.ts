import type { Server } from 'node:http';
import { expressMiddleware } from '@as-integrations/express5';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { TokenVerifier } from '@spindeln/api-token';
import express from 'express';
import { databaseHealth } from './db/lifecycle';
import { countStatements } from './db/query-counter';
import { createApollo } from './graphql/apollo';
import { createContext } from './graphql/context';

export interface ApiOptions {
  orm: MikroORM;
  embedded: boolean;
  verifier: TokenVerifier;
  production: boolean;
  reportSqlStatements?: boolean;
}

/** GraphQL requests are small; anything bigger is refused before parsing. */
export const REQUEST_BODY_LIMIT = '64kb';

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
  await apollo.start();

  const app = express();
  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    const database = await databaseHealth(options.orm);
    const ok = database.reachable && database.migrations?.pending === 0;
    res.status(ok ? 200 : 503).set('cache-control', 'no-store');
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
      context: ({ req }) => createContext(options.orm, options.verifier, req.headers.authorization),
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
      const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
      res.status(status).json({
        errors: [
          { message: status === 413 ? 'Request too large' : 'Bad request', extensions: { code: 'BAD_REQUEST' } },
        ],
      });
    },
  );

  let server: Server | undefined;
  return {
    app,
    listen: (port, host) =>
      new Promise((resolve) => {
        server = app.listen(port, host, () => resolve(server!));
      }),
    stop: async () => {
      await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
      await apollo.stop();
    },
  };
}
