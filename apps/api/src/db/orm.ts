import { Migrator } from '@mikro-orm/migrations';
import { MikroORM, type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { ENTITIES } from './entities';
import { Migration20261122000000_initial } from './migrations/Migration20261122000000_initial';
import { Migration20261201002000_names_and_consent_widening } from './migrations/Migration20261201002000_names_and_consent_widening';
import { countingLoggerFactory } from './query-counter';

/** Committed migrations, listed here so they load the same under tsx, Vitest and a build. */
export const MIGRATIONS = [
  { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
  {
    name: 'Migration20261201002000_names_and_consent_widening',
    class: Migration20261201002000_names_and_consent_widening,
  },
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

export type { MikroORM };
