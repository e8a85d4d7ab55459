import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ROLES } from '@spindeln/dev-postgres';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, inject } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/modules/audit/actions';
import { openOrm } from '../../src/orm';

let counter = 0;

/** The URL of a database on the test server as one of the roles (the provided URLs name `postgres`). */
export function testDatabaseUrl(role: 'superuser' | 'owner' | 'api', database: string): string {
  const base = inject(role === 'superuser' ? 'pgAdminUrl' : role === 'owner' ? 'pgOwnerUrl' : 'pgApiUrl');
  return base.replace(/\/postgres$/, `/${database}`);
}

export interface TestDatabase {
  name: string;
  /** As the API's restricted role: what the API under test connects with. */
  url: string;
  /** As the owner role: for outside observers, the generator, and what only the owner may do. */
  ownerUrl: string;
  /** The API's connection (the restricted role). */
  orm: MikroORM;
  /** An owner connection, opened on first use. */
  ownerOrm(): Promise<MikroORM>;
  drop(): Promise<void>;
}

/** A fresh, migrated database of its own, copied from the run's template, owned by the owner role. */
export async function freshDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const name = `test_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} OWNER ${ROLES.owner.name} TEMPLATE ${inject('pgTemplate')}`);
  // Database-level rights are not copied from the template.
  await admin.query(
    `REVOKE ALL ON DATABASE ${name} FROM PUBLIC; GRANT CONNECT ON DATABASE ${name} TO ${ROLES.api.name}`,
  );
  await admin.end();
  const url = testDatabaseUrl('api', name);
  const ownerUrl = testDatabaseUrl('owner', name);
  const orm = await openOrm(url);
  let owner: Promise<MikroORM> | undefined;
  return {
    name,
    url,
    ownerUrl,
    orm,
    ownerOrm: () => {
      owner ??= openOrm(ownerUrl);
      return owner;
    },
    drop: async () => {
      await orm.close(true);
      if (owner) await (await owner).close(true);
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/**
 * Action names in a database's audit log that the one list (modules/audit/actions.ts) does not hold.
 * Tests that write the log by hand name their rows `test.*`; those are not the code's.
 */
export async function unlistedAuditActions(orm: MikroORM): Promise<string[]> {
  const rows = await orm.em
    .fork()
    .getConnection()
    .execute<{ action: string }[]>('SELECT DISTINCT action FROM audit_event ORDER BY action');
  return rows
    .map((r) => r.action)
    .filter((a) => !a.startsWith('test.') && !(AUDIT_ACTIONS as readonly string[]).includes(a));
}

/**
 * Gives each test its own fresh database (a template copy takes a few tens of milliseconds), or with
 * `shared` one database for all tests of the file, for tests that only read.
 */
export function useDatabase(options: { shared?: boolean } = {}) {
  let db: TestDatabase | undefined;
  (options.shared ? beforeAll : beforeEach)(async () => {
    db = await freshDatabase();
  });
  (options.shared ? afterAll : afterEach)(async () => {
    // Every action any test made the code write must be in the one list of audit actions.
    const unlisted = db ? await unlistedAuditActions(db.orm).catch(() => []) : [];
    await db?.drop();
    db = undefined;
    if (unlisted.length > 0) throw new Error(`audit actions missing from AUDIT_ACTIONS: ${unlisted.join(', ')}`);
  });
  const get = () => {
    if (!db) throw new Error('database not ready');
    return db;
  };
  return {
    get url() {
      return get().url;
    },
    get ownerUrl() {
      return get().ownerUrl;
    },
    /** The API's connection, as its restricted role. */
    get orm() {
      return get().orm;
    },
    em: (): EntityManager => get().orm.em.fork(),
    /** Plain SQL as the owner role: an outside observer of what the services wrote. */
    sql: async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> =>
      (await get().ownerOrm()).em.fork().getConnection().execute<T[]>(query, params),
    /** Plain SQL as the API's role. */
    apiSql: async <T = Record<string, unknown>>(query: string, params: unknown[] = []): Promise<T[]> =>
      get().orm.em.fork().getConnection().execute<T[]>(query, params),
  };
}

/** Row counts of the tables a refused command must leave untouched. */
export async function tableCounts(em: EntityManager): Promise<Record<string, number>> {
  const rows = await em.execute<{ t: string; n: string }[]>(
    `SELECT 'person' t, count(*) n FROM person UNION ALL SELECT 'contact_assignment', count(*) FROM contact_assignment
     UNION ALL SELECT 'staff_absence', count(*) FROM staff_absence UNION ALL SELECT 'relative_link', count(*) FROM relative_link
     UNION ALL SELECT 'consent', count(*) FROM consent UNION ALL SELECT 'message', count(*) FROM message
     UNION ALL SELECT 'conversation', count(*) FROM conversation UNION ALL SELECT 'fixed_contact_offer', count(*) FROM fixed_contact_offer
     UNION ALL SELECT 'audit_allowed', count(*) FROM audit_event WHERE outcome = 'ALLOWED'`,
  );
  return Object.fromEntries(rows.map((r) => [r.t, Number(r.n)]));
}

export type { EntityManager };
