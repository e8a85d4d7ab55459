import { Migrator } from '@mikro-orm/migrations';
import { type MikroORM, type Options, PostgreSqlDriver } from '@mikro-orm/postgresql';
import { Migration20261122000000_initial } from './migrations/Migration20261122000000_initial';
import { Migration20261201000000_roles } from './migrations/Migration20261201000000_roles';
import { Migration20261201000100_audit_chain } from './migrations/Migration20261201000100_audit_chain';
import { Migration20261201000200_history_ends } from './migrations/Migration20261201000200_history_ends';
import { Migration20261201000300_personnummer_not_future } from './migrations/Migration20261201000300_personnummer_not_future';
import { Migration20261201001000_request_rate } from './migrations/Migration20261201001000_request_rate';
import { Migration20261201002000_names_and_consent_widening } from './migrations/Migration20261201002000_names_and_consent_widening';
import { Migration20261202000000_consent_declined } from './migrations/Migration20261202000000_consent_declined';
import { row, rows, sql } from './query';
import { countingLoggerFactory } from './query-counter';

/** Committed migrations, listed here so they load the same under tsx, Vitest and a build. */
export const MIGRATIONS = [
  { name: 'Migration20261122000000_initial', class: Migration20261122000000_initial },
  { name: 'Migration20261201000000_roles', class: Migration20261201000000_roles },
  { name: 'Migration20261201000100_audit_chain', class: Migration20261201000100_audit_chain },
  { name: 'Migration20261201000200_history_ends', class: Migration20261201000200_history_ends },
  { name: 'Migration20261201000300_personnummer_not_future', class: Migration20261201000300_personnummer_not_future },
  { name: 'Migration20261201001000_request_rate', class: Migration20261201001000_request_rate },
  {
    name: 'Migration20261201002000_names_and_consent_widening',
    class: Migration20261201002000_names_and_consent_widening,
  },
  { name: 'Migration20261202000000_consent_declined', class: Migration20261202000000_consent_declined },
];

/** Options for an ORM over the given entities (the API's list is in `src/orm.ts`). */
export function ormOptions(databaseUrl: string, entities: Options['entities'], extra: Partial<Options> = {}): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl: databaseUrl,
    entities,
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
    driverOptions: { connection: { options: PLAN_OPTIONS } },
    ...extra,
  };
}

// The hot reads are named prepared statements (db/query.ts): plan them once, generically,
// rather than again on every execution. Unnamed statements are planned per execution anyway.
const PLAN_OPTIONS = '-c plan_cache_mode=force_generic_plan';

export interface DatabaseTimeouts {
  /** Connecting, and waiting for a free pooled connection. */
  connectMs: number;
  /** One statement: the server cancels it then; the client gives up a second later. */
  queryMs: number;
}

/** A pooled pg client that is still waiting for an answer (its query timed out) is not reused. */
const idle = (c: { _activeQuery?: unknown; _queryQueue?: unknown[]; _ending?: boolean; _queryable?: boolean }) =>
  c._activeQuery == null && (c._queryQueue?.length ?? 0) === 0 && !c._ending && c._queryable !== false;

/**
 * For the serving API: a database that is down, frozen or overloaded must turn into a quick 503,
 * never a request that hangs (pg waits forever by default, the pool a minute). Not for migrations,
 * which may rightly run long.
 */
export function servingOptions(timeouts: DatabaseTimeouts): Partial<Options> {
  return {
    pool: {
      min: 0,
      max: 10,
      // A new connection costs its authentication and a plan for every named statement again:
      // keep what a burst opened for a while rather than close it after 30 idle seconds.
      idleTimeoutMillis: 5 * 60_000,
      acquireTimeoutMillis: timeouts.connectMs,
      createTimeoutMillis: timeouts.connectMs,
      // Read by the pool (knex), not declared in MikroORM's type.
      ...({ validate: idle } as object),
    },
    driverOptions: {
      connection: {
        options: `${PLAN_OPTIONS} -c statement_timeout=${timeouts.queryMs}`,
        connectionTimeoutMillis: timeouts.connectMs,
        query_timeout: timeouts.queryMs + 1000,
      },
    },
  };
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
  const em = orm.em.fork();
  const table = await row<{ present: boolean }>(
    em,
    sql`SELECT to_regclass('public.mikro_orm_migrations') IS NOT NULL AS present`,
  );
  if (!table?.present) return MIGRATIONS.map((m) => m.name);
  const done = new Set(
    (await rows<{ name: string }>(em, sql`SELECT name FROM mikro_orm_migrations`)).map((r) => r.name),
  );
  return MIGRATIONS.map((m) => m.name).filter((name) => !done.has(name));
}

export type { MikroORM };
