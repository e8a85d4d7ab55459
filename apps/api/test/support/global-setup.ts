import { startThrowawayPostgres } from '@spindeln/dev-postgres';
import type { TestProject } from 'vitest/node';
import { migrate, openOrm } from '../../src/db/orm';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
  }
}

const TEMPLATE = 'spindeln_template';

/**
 * One throw-away PostgreSQL per test run, never the development data. The schema is migrated once
 * into a template; each test file gets its own copy.
 */
export default async function setup(project: TestProject) {
  const server = await startThrowawayPostgres();
  await server.createDatabase(TEMPLATE);
  const orm = await openOrm(server.url(TEMPLATE), { logger: () => {} });
  await migrate(orm);
  await orm.close(true);
  project.provide('pgAdminUrl', server.url('postgres'));
  project.provide('pgTemplate', TEMPLATE);
  return async () => {
    await server.stop();
  };
}
