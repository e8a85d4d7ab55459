import type { MikroORM } from '@mikro-orm/postgresql';
import { migrate } from './orm';
import { row, run, sql } from './query';

/** Drops everything, including the audit log: for development databases only. */
export async function resetDatabase(orm: MikroORM): Promise<string[]> {
  await run(orm.em.fork(), sql`DROP SCHEMA public CASCADE; CREATE SCHEMA public;`);
  return migrate(orm);
}

export interface DatabaseHealth {
  reachable: boolean;
  serverVersion: string | null;
  migrations: { applied: number; pending: number } | null;
  error?: string;
}

/** The database's state, or "unreachable" when it has not answered within `timeoutMs` (frozen, down). */
export async function databaseHealth(orm: MikroORM, timeoutMs = 800): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<DatabaseHealth>((resolve) => {
    timer = setTimeout(
      () =>
        resolve({ reachable: false, serverVersion: null, migrations: null, error: 'database did not answer in time' }),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([probe(orm), late]);
  } finally {
    clearTimeout(timer);
  }
}

async function probe(orm: MikroORM): Promise<DatabaseHealth> {
  try {
    const version = await row<{ v: string }>(orm.em.fork(), sql`SELECT current_setting('server_version') AS v`);
    const migrator = orm.getMigrator();
    const [applied, pending] = await Promise.all([migrator.getExecutedMigrations(), migrator.getPendingMigrations()]);
    return {
      reachable: true,
      serverVersion: version?.v ?? null,
      migrations: { applied: applied.length, pending: pending.length },
    };
  } catch {
    // The reason stays in the server's log; the endpoint is public.
    return { reachable: false, serverVersion: null, migrations: null, error: 'database unreachable' };
  }
}
