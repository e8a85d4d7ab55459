import { verifierFromEnv } from './auth/verifier';
import { ConfigError, loadEnv } from './config/env';
import { openDatabase } from './db/database';
import { seedDemoIfAbsent } from './db/lifecycle';
import { migrate, openOrm } from './db/orm';
import { createApi } from './server';

const log = (line: string) => console.log(line);

async function main() {
  const env = loadEnv();
  const database = await openDatabase(env, log);
  const orm = await openOrm(database.url);
  const applied = await migrate(orm);
  log(applied.length ? `applied migrations: ${applied.join(', ')}` : 'database schema is up to date');
  if (env.SEED_DEMO_WHEN_EMPTY && env.NODE_ENV !== 'production' && (await seedDemoIfAbsent(orm))) {
    log('loaded the demo personas (see README)');
  }
  const api = await createApi({
    orm,
    embedded: database.embedded !== null,
    verifier: await verifierFromEnv(env),
    production: env.NODE_ENV === 'production',
    reportSqlStatements: env.REPORT_SQL_STATEMENTS,
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
    log(`${signal}: shutting down`);
    try {
      await api.stop();
      await orm.close();
    } finally {
      await database.stop();
    }
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () =>
      stop(signal).catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      }),
    );
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
