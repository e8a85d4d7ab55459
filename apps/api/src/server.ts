import { createServer, type Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import { databaseHealth } from './db/lifecycle';

export interface ApiOptions {
  orm: MikroORM;
  embedded: boolean;
}

/**
 * The API's HTTP server. For now it answers the health check; the GraphQL endpoint joins it at /graphql.
 */
export function createApiServer({ orm, embedded }: ApiOptions): Server {
  return createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/health') {
      const database = await databaseHealth(orm);
      const ok = database.reachable && database.migrations?.pending === 0;
      res.writeHead(ok ? 200 : 503, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ status: ok ? 'ok' : 'unavailable', database: { ...database, embedded } }));
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: 'not found' }));
  });
}
