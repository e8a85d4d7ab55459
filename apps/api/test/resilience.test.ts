import { type ChildProcess, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PERSONAS } from '@spindeln/demo-personas';
import { type EmbeddedServer, freePort, startEmbeddedPostgres } from '@spindeln/dev-postgres';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { AUDIENCE, ISSUER, testKey, tokenFor } from './support/api';

/**
 * The fault test (issue 9): the API as a real process on a PostgreSQL of its own, a stream of sends
 * from several clients that retry with the same idempotency key until they get an answer, and in
 * the middle PostgreSQL stopped and restarted, frozen, crashed, and the API killed and restarted.
 * Then the database and the clients' log are compared: nothing acknowledged is lost, nothing is
 * stored twice, nothing is half-written.
 */
const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const TSX = pathToFileURL(require.resolve('tsx')).href;
const WITH_PARENT = pathToFileURL(path.resolve(API_DIR, '../../scripts/exit-with-parent.mjs')).href;

/** Under the rate limit of 20 per person in 10 minutes: only faults may refuse a send here. */
const MESSAGES_PER_SENDER = 16;
const PACE_MS = 450;
const REQUEST_TIMEOUT_MS = 2_000;
const RETRY_MS = 150;

const SENDERS = [
  { who: PERSONAS.elsa, to: 'elsa' },
  { who: PERSONAS.gunnar, to: 'gunnar' },
  { who: PERSONAS.britt, to: 'britt' },
  { who: PERSONAS.ingrid, to: 'ingrid' },
  { who: PERSONAS.maria, to: 'elsa' },
  { who: PERSONAS.anna, to: 'elsa' },
  { who: PERSONAS.mohammed, to: 'elsa' },
  { who: PERSONAS.peter, to: 'gunnar' },
  { who: PERSONAS.fatima, to: 'ingrid' },
] as const;

const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { messageId error { code rule } } }`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function childrenOf(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) out.push(Number(entry));
    } catch {}
  }
  return out;
}

describe('sends through PostgreSQL and API faults', () => {
  let root: string;
  let server: EmbeddedServer | undefined;
  let api: ChildProcess | undefined;
  let expectExit = false;
  let unexpectedExits = 0;
  const apiLog: string[] = [];

  afterAll(async () => {
    expectExit = true;
    api?.kill('SIGKILL');
    await server?.stop();
    if (root) await rm(root, { recursive: true, force: true });
  });

  it('loses nothing acknowledged, stores nothing twice, leaves nothing half-written', async () => {
    root = await mkdtemp(path.join(tmpdir(), 'spindeln-resilience-'));
    const dataDir = path.join(root, 'data');
    const pgPort = await freePort();
    const apiPort = await freePort();
    // fsync off: these faults crash processes, not the machine, so the kernel keeps every write.
    const startPostgres = () =>
      startEmbeddedPostgres({ dataDir, port: pgPort, persistent: true, settings: { fsync: 'off' } });
    server = await startPostgres();
    await server.createDatabase('resilience');
    const url = server.url('resilience', 'api');
    const postmaster = () => Number(readFileSync(path.join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);

    const env = {
      PATH: process.env.PATH,
      NODE_ENV: 'development',
      // The API as its own role, migrating at start as the owner: as deployed.
      DATABASE_URL: url,
      MIGRATION_DATABASE_URL: server.url('resilience', 'owner'),
      API_PORT: String(apiPort),
      DATA_DIR: root,
      SEED_DEMO_WHEN_EMPTY: 'true',
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      AUTH_PUBLIC_JWKS: JSON.stringify({ keys: [(await testKey()).publicJwk] }),
    };
    const base = `http://127.0.0.1:${apiPort}`;
    const startApi = async () => {
      const child = spawn(process.execPath, ['--import', TSX, '--import', WITH_PARENT, 'src/main.ts'], {
        cwd: API_DIR,
        env,
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      });
      child.stdout!.on('data', (c) => apiLog.push(String(c)));
      child.stderr!.on('data', (c) => apiLog.push(String(c)));
      child.on('exit', (code, signal) => {
        if (expectExit || child !== api) return;
        // Not one of ours: count it, and bring the API back so the test can see the rest.
        unexpectedExits++;
        apiLog.push(`API exited on its own (${signal ?? code})\n`);
        void startApi();
      });
      api = child;
      const deadline = Date.now() + 60_000;
      while ((await fetch(`${base}/health`).catch(() => null))?.status !== 200) {
        if (Date.now() > deadline) throw new Error(`API not up:\n${apiLog.join('')}`);
        await sleep(100);
      }
    };
    await startApi();

    const db = new pg.Client({ connectionString: url });
    await db.connect();
    const clients = Object.fromEntries(
      (
        await db.query<{ id: string; personnummer: string }>(
          'SELECT c.id, p.personnummer FROM client c JOIN person p ON p.id = c.person_id',
        )
      ).rows.map((r) => [r.personnummer, r.id]),
    );
    await db.end();

    // The clients' log: what each send got, and what came back while it could not get through.
    const acked = new Map<string, { messageId: string; clientId: string; body: string }>();
    const whileDown: Record<string, number> = {};
    const refused: string[] = [];
    const note = (answer: string) => {
      whileDown[answer] = (whileDown[answer] ?? 0) + 1;
    };

    async function sendUntilAnswered(token: string, input: { clientId: string; body: string; idempotencyKey: string }) {
      for (;;) {
        let answer: string;
        try {
          const res = await fetch(`${base}/graphql`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
            body: JSON.stringify({ query: SEND, variables: { input } }),
            signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
          });
          const json = (await res.json().catch(() => ({}))) as {
            data?: { sendMessage?: { messageId: string | null; error: { code: string } | null } };
            errors?: { extensions?: { code?: string } }[];
          };
          const payload = json.data?.sendMessage;
          if (res.status === 200 && payload?.messageId) {
            acked.set(input.idempotencyKey, {
              messageId: payload.messageId,
              clientId: input.clientId,
              body: input.body,
            });
            return;
          }
          if (res.status === 200 && payload?.error) {
            // A refusal is final: a retry of a send must never be refused.
            refused.push(`${input.idempotencyKey}: ${payload.error.code}`);
            return;
          }
          answer = `HTTP ${res.status} ${json.errors?.[0]?.extensions?.code ?? ''}`.trim();
        } catch (error) {
          const e = error as { name?: string; cause?: { code?: string } };
          answer = e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.name ?? 'error');
        }
        note(answer);
        await sleep(RETRY_MS);
      }
    }

    const senders = SENDERS.map(async ({ who, to }, s) => {
      const token = await tokenFor(who.personnummer, { lifetime: 600 });
      const clientId = clients[PERSONAS[to].personnummer]!;
      await sleep(s * 40);
      for (let i = 0; i < MESSAGES_PER_SENDER; i++) {
        const key = `resilience-${s}-${i}`;
        await sendUntilAnswered(token, { clientId, body: `resilience ${who.givenName} ${i}`, idempotencyKey: key });
        await sleep(PACE_MS);
      }
    });

    const faults: string[] = [];
    const fault = async (name: string, work: () => Promise<void>) => {
      const started = Date.now();
      await work();
      faults.push(`${name} (${Date.now() - started} ms)`);
    };
    const schedule = (async () => {
      await sleep(1_000);
      await fault('PostgreSQL stopped (fast shutdown) and restarted', async () => {
        await server!.stop();
        await sleep(1_200);
        server = await startPostgres();
      });
      await sleep(1_000);
      await fault('PostgreSQL frozen (SIGSTOP) and thawed (SIGCONT)', async () => {
        const pids = [postmaster(), ...childrenOf(postmaster())];
        for (const pid of pids) process.kill(pid, 'SIGSTOP');
        await sleep(2_500);
        for (const pid of pids) process.kill(pid, 'SIGCONT');
      });
      await sleep(1_000);
      await fault('API killed (SIGKILL) and started again', async () => {
        const killed = api!;
        const gone = new Promise((r) => killed.once('exit', r));
        expectExit = true;
        killed.kill('SIGKILL');
        await gone;
        expectExit = false;
        await startApi();
      });
      await sleep(1_000);
      await fault('PostgreSQL crashed (immediate shutdown) and restarted', async () => {
        const old = server!;
        process.kill(postmaster(), 'SIGQUIT');
        // Waits for the postmaster, which exits after its backends (a SIGINT on top changes nothing).
        await old.stop();
        await sleep(800);
        server = await startPostgres();
      });
    })();

    await Promise.all([schedule, ...senders]);

    const check = new pg.Client({ connectionString: url });
    await check.connect();
    const stored = (
      await check.query<{ id: string; body: string; idempotency_key: string; client_id: string }>(
        `SELECT m.id, m.body, m.idempotency_key, c.client_id
           FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE m.body LIKE 'resilience %'`,
      )
    ).rows;
    const withoutAudit = (
      await check.query(
        `SELECT m.id FROM message m WHERE m.body LIKE 'resilience %' AND NOT EXISTS (
           SELECT 1 FROM audit_event a WHERE a.action = 'message.post' AND a.outcome = 'ALLOWED'
              AND a.detail->>'messageId' = m.id::text AND a.detail->>'resend' IS NULL)`,
      )
    ).rowCount;
    const auditWithoutMessage = (
      await check.query(
        `SELECT a.id FROM audit_event a WHERE a.action = 'message.post' AND a.outcome = 'ALLOWED'
            AND NOT EXISTS (SELECT 1 FROM message m WHERE m.id::text = a.detail->>'messageId')`,
      )
    ).rowCount;
    await check.end();

    const byBody = new Map<string, number>();
    for (const m of stored) byBody.set(m.body, (byBody.get(m.body) ?? 0) + 1);
    const duplicates = [...byBody.values()].filter((n) => n > 1).length;
    const storedById = new Map(stored.map((m) => [m.id, m]));
    const lost = [...acked.values()].filter((a) => {
      const m = storedById.get(a.messageId);
      return !m || m.body !== a.body || m.client_id !== a.clientId;
    }).length;
    const wrongConversation = stored.filter((m) => {
      const a = acked.get(m.idempotency_key);
      return a && a.clientId !== m.client_id;
    }).length;
    const halfWritten = (withoutAudit ?? 0) + (auditWithoutMessage ?? 0) + wrongConversation;
    const expected = SENDERS.length * MESSAGES_PER_SENDER;

    console.log(`resilience faults: ${faults.join('; ')}`);
    console.log(
      `resilience: acked ${acked.size}, stored ${stored.length}, duplicates ${duplicates}, lost ${lost}, ` +
        `half-written ${halfWritten}; while down: ${JSON.stringify(whileDown)}; refused ${refused.length}; ` +
        `API exits on its own ${unexpectedExits}`,
    );
    expect(refused).toEqual([]);
    expect(acked.size).toBe(expected);
    expect(stored.length).toBe(expected);
    expect({ duplicates, lost, halfWritten, unexpectedExits }).toEqual({
      duplicates: 0,
      lost: 0,
      halfWritten: 0,
      unexpectedExits: 0,
    });
    // The faults were felt: clients had to retry.
    expect(Object.values(whileDown).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  }, 180_000);
});
