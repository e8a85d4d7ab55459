import { startThrowawayPostgres } from '@spindeln/dev-postgres';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/db/orm';
import { openOrm } from '../../src/orm';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The superuser, on the `postgres` database: creates and drops the test databases only. */
    pgAdminUrl: string;
    /** The owner role (migrations, outside observers), on the `postgres` database. */
    pgOwnerUrl: string;
    /** The API's restricted role, on the `postgres` database. */
    pgApiUrl: string;
    pgTemplate: string;
  }
}

const TEMPLATE = 'spindeln_template';

/**
 * One throw-away PostgreSQL per test run, never the development data. The schema is migrated once,
 * as the owner role, into a template; each test file gets its own copy (grants come with it).
 */
export default async function setup(project: TestProject) {
  const server = await startThrowawayPostgres();
  await server.createDatabase(TEMPLATE);
  const orm = await openOrm(server.url(TEMPLATE, 'owner'), { logger: () => {} });
  await migrate(orm);
  await orm.close(true);
  project.provide('pgAdminUrl', server.url('postgres'));
  project.provide('pgOwnerUrl', server.url('postgres', 'owner'));
  project.provide('pgApiUrl', server.url('postgres', 'api'));
  project.provide('pgTemplate', TEMPLATE);
  return async () => {
    await server.stop();
  };
}
