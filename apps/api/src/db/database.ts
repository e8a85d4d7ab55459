import { type EmbeddedServer, startEmbeddedPostgres } from '@spindeln/dev-postgres';
import type { Env } from '../config/env';

export interface DatabaseHandle {
  url: string;
  /** Set when this process started the embedded server. */
  embedded: EmbeddedServer | null;
  stop(): Promise<void>;
}

const DEV_DATABASE = 'spindeln';

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL with its data in a git-ignored folder,
 * kept between runs.
 */
export async function openDatabase(env: Env, log: (line: string) => void = () => {}): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, embedded: null, stop: async () => {} };
  }
  log(`starting embedded PostgreSQL (data in ${env.EMBEDDED_PG_DIR}, port ${env.EMBEDDED_PG_PORT})`);
  const server = await startEmbeddedPostgres({
    dataDir: env.EMBEDDED_PG_DIR,
    port: env.EMBEDDED_PG_PORT,
    persistent: true,
  });
  if (!(await server.databaseExists(DEV_DATABASE))) await server.createDatabase(DEV_DATABASE);
  return { url: server.url(DEV_DATABASE), embedded: server, stop: () => server.stop() };
}
