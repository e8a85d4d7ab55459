import { ConfigError, loadEnv } from '../config/env';
import { openDatabase } from './database';
import { resetDatabase, seedDemoIfAbsent } from './lifecycle';
import { migrate, openOrm } from './orm';

const USAGE = 'usage: cli.ts migrate | seed | reset';

async function run(command: string | undefined) {
  if (!command || !['migrate', 'seed', 'reset'].includes(command)) throw new ConfigError(USAGE);
  const env = loadEnv();
  if (command === 'reset' && env.NODE_ENV === 'production') {
    throw new ConfigError('db:reset drops every table and is refused when NODE_ENV=production');
  }
  const database = await openDatabase(env, console.log);
  const orm = await openOrm(database.url);
  try {
    const applied = command === 'reset' ? await resetDatabase(orm) : await migrate(orm);
    console.log(applied.length ? `applied: ${applied.join(', ')}` : 'schema up to date');
    if (command !== 'migrate') {
      console.log((await seedDemoIfAbsent(orm)) ? 'demo data loaded' : 'demo data already present');
    }
  } finally {
    await orm.close();
    await database.stop();
  }
}

run(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
