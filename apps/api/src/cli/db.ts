import { ConfigError, loadEnv } from '../config/env';
import { openDatabase, requireOwnerUrl } from '../db/database';
import { resetDatabase } from '../db/lifecycle';
import { migrate } from '../db/orm';
import { openOrm } from '../orm';
import { seedDemoIfAbsent } from '../seed/demo-if-absent';
import { complain, say } from '../shared/terminal';

const USAGE = 'usage: cli.ts migrate | seed | reset';

async function run(command: string | undefined) {
  if (!command || !['migrate', 'seed', 'reset'].includes(command)) throw new ConfigError(USAGE);
  const env = loadEnv();
  if (command === 'reset' && env.NODE_ENV === 'production') {
    throw new ConfigError('db:reset drops every table and is refused when NODE_ENV=production');
  }
  const database = await openDatabase(env, say);
  // Schema changes as the owner role; the demo data as the API's role, as the API would write it.
  let orm: Awaited<ReturnType<typeof openOrm>>;
  try {
    orm = await openOrm(requireOwnerUrl(database));
  } catch (error) {
    await database.stop();
    throw error;
  }
  try {
    const applied = command === 'reset' ? await resetDatabase(orm) : await migrate(orm);
    say(applied.length ? `applied: ${applied.join(', ')}` : 'schema up to date');
    if (command !== 'migrate') {
      const api = await openOrm(database.url);
      try {
        say((await seedDemoIfAbsent(api)) ? 'demo data loaded' : 'demo data already present');
      } finally {
        await api.close();
      }
    }
  } finally {
    await orm.close();
    await database.stop();
  }
}

run(process.argv[2]).catch((error: unknown) => {
  complain(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
