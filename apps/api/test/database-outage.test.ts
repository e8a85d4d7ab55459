import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PERSONAS } from '@spindeln/demo-personas';
import { type EmbeddedServer, freePort, startEmbeddedPostgres } from '@spindeln/dev-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MikroORM, migrate, servingOptions } from '../src/db/orm';
import { openOrm } from '../src/orm';
import { seedDemoIfAbsent } from '../src/seed/demo-if-absent';
import { startApi, type TestApi, tokenFor } from './support/api';

/**
 * A PostgreSQL of this test's own, stopped, frozen (SIGSTOP) and started again under a running API:
 * every answer meanwhile is a quick, retryable 503, and the API recovers by itself.
 */
let root: string;
let dataDir: string;
let port: number;
let pg: EmbeddedServer;
let orm: MikroORM;
let api: TestApi;
let token: string;

const start = () => startEmbeddedPostgres({ dataDir, port, persistent: true, fast: true });
/** The postmaster and every backend it forked: what "the database process is frozen" means. */
function postgresPids(): number[] {
  const postmaster = Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const children = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .filter((d) => {
      try {
        // Field 4 of /proc/<pid>/stat is the parent's pid (after the command in parentheses).
        const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
        return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === postmaster;
      } catch {
        return false;
      }
    })
    .map(Number);
  return [postmaster, ...children];
}
const signal = (pids: number[], sig: NodeJS.Signals) => {
  for (const pid of pids) {
    try {
      process.kill(pid, sig);
    } catch {}
  }
};

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'spindeln-outage-'));
  dataDir = path.join(root, 'data');
  port = await freePort();
  pg = await start();
  await pg.createDatabase('outage');
  // Migrated as the owner, seeded and served as the API's role, as in production.
  const owner = await openOrm(pg.url('outage', 'owner'), { logger: () => {} });
  await migrate(owner);
  await owner.close(true);
  const setup = await openOrm(pg.url('outage', 'api'), { logger: () => {} });
  await seedDemoIfAbsent(setup);
  await setup.close(true);
  orm = await openOrm(pg.url('outage', 'api'), {
    ...servingOptions({ connectMs: 500, queryMs: 1000 }),
    logger: () => {},
  });
  api = await startApi(orm, { healthTimeoutMs: 800 });
  token = await tokenFor(PERSONAS.maria.personnummer);
}, 120_000);

afterAll(async () => {
  await api?.stop();
  await orm?.close(true);
  await pg?.stop().catch(() => undefined);
  await rm(root, { recursive: true, force: true });
});

const OVERVIEW = `{ viewer { givenName clients { edges { node { givenName contactNow { reason } } } } } }`;

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await work();
  return { ms: Math.round(performance.now() - started), value };
}
const health = () =>
  timed(async () => {
    const res = await fetch(`${api.url}/health`);
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.text() };
  });
const read = () => timed(() => api.gql(OVERVIEW, {}, { token }));

async function until(ok: () => Promise<boolean>, ms: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await ok()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('did not recover in time');
}

function expectUnavailable(r: Awaited<ReturnType<typeof read>>['value']) {
  expect(r.status, r.raw).toBe(503);
  expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
  expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  expect(r.raw).not.toMatch(/ECONN|postgres|timeout|SQL/i);
}

describe('while PostgreSQL is unavailable', () => {
  it('answers a quick, retryable 503 when it is frozen, and recovers when it thaws', async () => {
    expect((await read()).value.status).toBe(200);
    expect((await health()).value.status).toBe(200);
    const pids = postgresPids();
    signal(pids, 'SIGSTOP');
    try {
      const h = await health();
      const r = await read();
      const r2 = await read();
      console.log(
        `frozen (${pids.length} processes): /health ${h.value.status} in ${h.ms} ms; reads ${r.value.status} in ${r.ms} ms, ${r2.value.status} in ${r2.ms} ms`,
      );
      expect(h.value.status).toBe(503);
      expect(h.value.retryAfter).not.toBeNull();
      expect(h.ms).toBeLessThan(1000);
      expectUnavailable(r.value);
      expectUnavailable(r2.value);
      // The query timeout (1 s here) plus the client's second of grace, with room for a busy machine.
      expect(r.ms).toBeLessThan(4000);
    } finally {
      signal(pids, 'SIGCONT');
    }
    const recovered = await until(async () => (await read()).value.status === 200, 15_000);
    console.log(`thawed: reads answer 200 again after ${recovered} ms`);
    expect((await health()).value.status).toBe(200);
  });

  it('answers a quick, retryable 503 when it is stopped, and recovers when it starts again', async () => {
    await pg.stop();
    const h = await health();
    const r = await read();
    console.log(`stopped: /health ${h.value.status} in ${h.ms} ms; read ${r.value.status} in ${r.ms} ms`);
    expect(h.value.status).toBe(503);
    expect(h.ms).toBeLessThan(1000);
    expectUnavailable(r.value);
    expect(r.ms).toBeLessThan(2000);
    // An anonymous request and a mutation meet the outage the same way.
    const anonymous = await api.gql(`{ viewer { givenName } }`);
    expectUnavailable(anonymous);
    pg = await start();
    const recovered = await until(async () => (await read()).value.status === 200, 15_000);
    console.log(`restarted: reads answer 200 again after ${recovered} ms`);
    expect((await health()).value.status).toBe(200);
  });
});
