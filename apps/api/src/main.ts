import { verifierFromEnv } from './auth/verifier';
import { ConfigError, loadEnv } from './config/env';
import { openDatabase } from './db/database';
import { migrate, pendingMigrations, servingOptions } from './db/orm';
import { openOrm } from './orm';
import { seedDemoIfAbsent } from './seed/demo-if-absent';
import { createApi } from './server';
import { flushLog, logger } from './shared/log';

const log = (line: string) => logger().info(line);

async function main() {
  const env = loadEnv();
  const database = await openDatabase(env, log);
  // Migrations as the owner, when its URL is given; the API itself only ever as its own role.
  if (database.ownerUrl) {
    const owner = await openOrm(database.ownerUrl);
    try {
      const applied = await migrate(owner);
      log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
    } finally {
      await owner.close();
    }
  }
  // The check and the seed may run long: their own connection pool, without the serving timeouts.
  const setup = await openOrm(database.url);
  const pending = await pendingMigrations(setup);
  if (pending.length > 0) {
    await setup.close();
    await database.stop();
    throw new ConfigError(
      `the database schema is behind (${pending.length} pending migrations): run npm run db:migrate with MIGRATION_DATABASE_URL, or start with it set`,
    );
  }
  if (env.SEED_DEMO_WHEN_EMPTY && env.NODE_ENV !== 'production' && (await seedDemoIfAbsent(setup))) {
    log('loaded the demo personas (see README)');
  }
  await setup.close();
  const orm = await openOrm(
    database.url,
    servingOptions({ connectMs: env.DB_CONNECT_TIMEOUT_MS, queryMs: env.DB_QUERY_TIMEOUT_MS }),
  );
  const api = await createApi({
    orm,
    embedded: database.embedded !== null,
    verifier: await verifierFromEnv(env),
    production: env.NODE_ENV === 'production',
    reportSqlStatements: env.REPORT_SQL_STATEMENTS,
    trustProxy: env.TRUST_PROXY,
    rateLimit: {
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      perPerson: env.RATE_LIMIT_PER_PERSON,
      perAddress: env.RATE_LIMIT_PER_ADDRESS,
    },
    http: {
      headersMs: env.HTTP_HEADERS_TIMEOUT_MS,
      requestMs: env.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    },
    healthTimeoutMs: env.HEALTH_TIMEOUT_MS,
  });
  await api.listen(env.API_PORT, env.API_HOST);
  log(`listening on http://${env.API_HOST}:${env.API_PORT}: GraphQL at /graphql, health at /health`);

  // Stop taking requests, let those in flight finish, close the pool, then stop the embedded
  // PostgreSQL cleanly (a fast shutdown: checkpoint, no postmaster.pid left). The same on every
  // signal a terminal, a process manager or scripts/start.mjs sends.
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger().info({ signal }, 'shutting down');
    try {
      await api.stop();
      await orm.close();
    } finally {
      await database.stop();
    }
    logger().info('stopped');
    await flushLog();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () =>
      stop(signal).catch(async (error: unknown) => {
        logger().fatal({ err: error }, 'shutdown failed');
        await flushLog();
        process.exit(1);
      }),
    );
  }
}

// Startup holds no one's data yet: a failure is logged whole (a ConfigError by its message).
main().catch(async (error: unknown) => {
  if (error instanceof ConfigError) logger().fatal(`configuration: ${error.message}`);
  else logger().fatal({ err: error }, 'could not start');
  await flushLog();
  process.exit(1);
});
