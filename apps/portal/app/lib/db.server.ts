import pg from 'pg';
import { env } from './env.server';

/**
 * The portal's own tables, in its own database on the same PostgreSQL server as the API. The API
 * never reads them and the portal never reads the API's: it talks to the API over GraphQL only.
 */
const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS portal_session (
  id text PRIMARY KEY,
  data jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX IF NOT EXISTS portal_session_expires ON portal_session (expires_at);
`;

let pool: pg.Pool | undefined;

export function db(): pg.Pool {
  // A new connection costs its authentication in the request that needs it: keep what a burst
  // opened for a while rather than close it after 10 idle seconds.
  pool ??= new pg.Pool({ connectionString: env().databaseUrl, max: 10, idleTimeoutMillis: 5 * 60_000 });
  return pool;
}

/**
 * Creates the portal's database (development default only) and its tables; safe to run at every
 * start. In production the database exists and the portal's role owns its tables.
 */
export async function ensurePortalSchema(url: string, createDatabase: boolean): Promise<void> {
  const connect = async (u: string) => {
    const c = new pg.Client({ connectionString: u });
    await c.connect();
    return c;
  };
  let client: pg.Client;
  try {
    client = await connect(url);
  } catch (error) {
    if (!createDatabase || (error as { code?: string }).code !== '3D000') throw error;
    const target = new URL(url);
    const name = target.pathname.slice(1);
    if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name: ${name}`);
    target.pathname = '/postgres';
    const admin = await connect(target.toString());
    try {
      await admin.query(`CREATE DATABASE ${name}`);
    } catch (e) {
      // Two starts at once: the other one created it.
      if ((e as { code?: string }).code !== '42P04') throw e;
    } finally {
      await admin.end();
    }
    client = await connect(url);
  }
  try {
    await client.query(SCHEMA_SQL);
  } finally {
    await client.end();
  }
}
