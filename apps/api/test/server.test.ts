import type { MikroORM } from '@mikro-orm/postgresql';
import { describe, expect, it } from 'vitest';
import { loadEnv } from '../src/config/env';
import { MIGRATIONS } from '../src/db/orm';
import { openOrm } from '../src/orm';
import { seedDemoIfAbsent } from '../src/seed/demo-if-absent';
import { startApi } from './support/api';
import { useDatabase } from './support/database';

const db = useDatabase();

async function get(orm: MikroORM, path: string) {
  const api = await startApi(orm);
  try {
    const res = await fetch(`${api.url}${path}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  } finally {
    await api.stop();
  }
}

describe('health endpoint', () => {
  it('reports the database as reachable and migrated, over real HTTP', async () => {
    const res = await get(db.orm, '/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'ok',
      database: { reachable: true, embedded: true, migrations: { applied: MIGRATIONS.length, pending: 0 } },
    });
    expect((res.body.database as { serverVersion: string }).serverVersion).toMatch(/^\d+/);
    expect((await get(db.orm, '/nothing')).status).toBe(404);
  });

  it('answers 503 without leaking details when the database is unreachable', async () => {
    const orm = await openOrm('postgres://nobody:wrong@127.0.0.1:1/none', { connect: false, logger: () => {} });
    const res = await get(orm, '/health');
    expect(res.status).toBe(503);
    expect(res.body).toMatchObject({
      status: 'unavailable',
      database: { reachable: false, error: 'database unreachable' },
    });
    expect(JSON.stringify(res.body)).not.toMatch(/nobody|wrong|ECONNREFUSED/);
    await orm.close(true);
  });
});

describe('demo seed', () => {
  it('loads once and is idempotent', async () => {
    expect(await seedDemoIfAbsent(db.orm)).toBe(true);
    expect(await seedDemoIfAbsent(db.orm)).toBe(false);
    expect(await db.sql(`SELECT count(*)::int n FROM client`)).toEqual([{ n: 5 }]);
  });
});

describe('configuration', () => {
  it('has working defaults for development', () => {
    const env = loadEnv({});
    expect(env).toMatchObject({ NODE_ENV: 'development', API_PORT: 4000, SEED_DEMO_WHEN_EMPTY: true });
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it('names a wrong or missing variable', () => {
    expect(() => loadEnv({ API_PORT: 'eighty' })).toThrow(/API_PORT/);
    expect(() => loadEnv({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL: must be a postgres/);
    expect(() => loadEnv({ NODE_ENV: 'production' })).toThrow(/DATABASE_URL is required when NODE_ENV=production/);
    expect(() => loadEnv({ SEED_DEMO_WHEN_EMPTY: 'yes' })).toThrow(/SEED_DEMO_WHEN_EMPTY/);
  });

  it('takes the owner URL for migrations beside the API role URL, never instead of it', () => {
    const api = 'postgres://spindeln_api:x@db:5432/spindeln';
    const owner = 'postgres://spindeln_owner:y@db:5432/spindeln';
    expect(loadEnv({ DATABASE_URL: api, MIGRATION_DATABASE_URL: owner })).toMatchObject({
      DATABASE_URL: api,
      MIGRATION_DATABASE_URL: owner,
    });
    expect(() => loadEnv({ MIGRATION_DATABASE_URL: owner })).toThrow(/MIGRATION_DATABASE_URL needs DATABASE_URL/);
    expect(() => loadEnv({ DATABASE_URL: api, MIGRATION_DATABASE_URL: api })).toThrow(/another role/);
    expect(() => loadEnv({ DATABASE_URL: api, MIGRATION_DATABASE_URL: 'mysql://x' })).toThrow(
      /MIGRATION_DATABASE_URL: must be a postgres/,
    );
  });
});
