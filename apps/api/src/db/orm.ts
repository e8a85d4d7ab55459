import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ENTITIES } from './entities';
import { Migration20261122000000_initial } from './migrations/Migration20261122000000_initial';
import { Migration20261201000000_roles } from './migrations/Migration20261201000000_roles';
import { Migration20261201000100_audit_chain } from './migrations/Migration20261201000100_audit_chain';
import { Migration20261201000200_history_ends } from './migrations/Migration20261201000200_history_ends';
import { Migration20261201000300_personnummer_not_future } from './migrations/Migration20261201000300_personnummer_not_future';
import { countingLoggerFactory } from './query-counter';

/** Committed migrations, listed here so they load the same under tsx, Vitest and a build. */
export const MIGRATIONS = [
  { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
  { name: 'Migration20261201000000_roles', class: Migration20261201000000_roles },
  { name: 'Migration20261201000100_audit_chain', class: Migration20261201000100_audit_chain },
  { name: 'Migration20261201000200_history_ends', class: Migration20261201000200_history_ends },
  { name: 'Migration20261201000300_personnummer_not_future', class: Migration20261201000300_personnummer_not_future },
];

export function ormOptions(databaseUrl: string, extra: Partial<Options> = {}): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    entities: ENTITIES,
    discovery: { warnWhenNoEntities: true },
    extensions: [Migrator],
    migrations: {
      migrationsList: MIGRATIONS,
      transactional: true,
      allOrNothing: true,
      snapshot: false,
    },
    // The model is written by hand in the migrations; never let the ORM alter it.
    schemaGenerator: { disableForeignKeys: false },
    forceUtcTimezone: true,
    allowGlobalContext: false,
    debug: false,
    loggerFactory: countingLoggerFactory,
    pool: { min: 0, max: 10 },
    // The hot reads are named prepared statements (shared/prepared.ts): plan them once, generically,
    // rather than again on every execution. Unnamed statements are planned per execution anyway.
    driverOptions: { connection: { options: '-c plan_cache_mode=force_generic_plan' } },
    ...extra,
  };
}

export async function openOrm(databaseUrl: string, extra: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(ormOptions(databaseUrl, extra));
}

export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.getMigrator().up();
  return applied.map((m) => m.name);
}

/**
 * The committed migrations not yet applied, read without the migrator (which would try to create its
 * table, and the API's role may create nothing).
 */
export async function pendingMigrations(orm: MikroORM): Promise<string[]> {
  const connection = orm.em.getConnection();
  const [table] = await connection.execute<{ present: boolean }[]>(
    `SELECT to_regclass('public.mikro_orm_migrations') IS NOT NULL AS present`,
  );
  if (!table?.present) return MIGRATIONS.map((m) => m.name);
  const done = new Set(
    (await connection.execute<{ name: string }[]>('SELECT name FROM mikro_orm_migrations')).map((r) => r.name),
  );
  return MIGRATIONS.map((m) => m.name).filter((name) => !done.has(name));
}

export type { MikroORM };
