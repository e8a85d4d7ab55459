import { type EmbeddedServer, startEmbeddedPostgres } from '@spindeln/dev-postgres';
import { ConfigError, type Env } from '../config/env';

export interface DatabaseHandle {
  /** The API's connection: the restricted role (docs/decisions/0006-database-roles.md). */
  url: string;
  /** The owner role's connection, for migrations; null when DATABASE_URL is given without one. */
  ownerUrl: string | null;
  /** Set when this process started the embedded server. */
  embedded: EmbeddedServer | null;
  stop(): Promise<void>;
}

const DEV_DATABASE = 'spindeln';

/**
 * DATABASE_URL (and MIGRATION_DATABASE_URL) when set; otherwise the embedded PostgreSQL with its
 * data in a git-ignored folder, kept between runs. Its superuser only creates the roles and the
 * database (and hands a database from before the roles to the owner); nothing else runs as it.
 */
export async function openDatabase(env: Env, log: (line: string) => void = () => {}): Promise<DatabaseHandle> {
  if (env.DATABASE_URL) {
    return {
      url: env.DATABASE_URL,
      ownerUrl: env.MIGRATION_DATABASE_URL ?? null,
      embedded: null,
      stop: async () => {},
    };
  }
  log(`starting embedded PostgreSQL (data in ${env.EMBEDDED_PG_DIR}, port ${env.EMBEDDED_PG_PORT})`);
  const server = await startEmbeddedPostgres({
    dataDir: env.EMBEDDED_PG_DIR,
    port: env.EMBEDDED_PG_PORT,
    persistent: true,
  });
  if (await server.databaseExists(DEV_DATABASE)) await server.adoptDatabase(DEV_DATABASE);
  else await server.createDatabase(DEV_DATABASE);
  return {
    url: server.url(DEV_DATABASE, 'api'),
    ownerUrl: server.url(DEV_DATABASE, 'owner'),
    embedded: server,
    stop: () => server.stop(),
  };
}

/** The owner's URL for the CLIs that change the schema or read all of it. */
export function requireOwnerUrl(database: DatabaseHandle): string {
  if (!database.ownerUrl) {
    throw new ConfigError('MIGRATION_DATABASE_URL (the owner role) is required when DATABASE_URL is set');
  }
  return database.ownerUrl;
}
