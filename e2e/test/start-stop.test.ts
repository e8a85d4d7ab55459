import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@spindeln/dev-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * `npm start` (scripts/start.mjs) stopped the way a terminal, a process manager or `kill` stops
 * it: every part goes, the embedded PostgreSQL with a clean shutdown, whichever signal, and even
 * when start.mjs itself is killed outright (issue 9, item 19).
 */
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const STOP_WITHIN_MS = 8_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every process below `pid`, from /proc (the tree is gone once they are orphaned). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {}
  }
  const out: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      out.push(c);
      walk(c);
    }
  };
  walk(pid);
  return out;
}

/** Alive and not a zombie (an exited orphan may wait for init to reap it). */
function alive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

const portTaken = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });

/** PostgreSQL's control file says how the cluster was left: 1 is DB_SHUTDOWNED, a clean shutdown. */
function clusterState(dataDir: string): number {
  // ControlFileData: system_identifier (8 bytes), pg_control_version (4), catalog_version_no (4), state.
  return readFileSync(path.join(dataDir, 'global/pg_control')).readUInt32LE(16);
}

describe('npm start, stopped', () => {
  let dir: string;
  let ports: { api: number; sim: number; pg: number };
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'spindeln-start-'));
    ports = { api: await freePort(), sim: await freePort(), pg: await freePort() };
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function start(): Promise<{ child: ChildProcess; output: () => string }> {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/start.mjs')], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NODE_ENV: 'development',
        API_PORT: String(ports.api),
        BANKID_SIM_PORT: String(ports.sim),
        EMBEDDED_PG_PORT: String(ports.pg),
        EMBEDDED_PG_DIR: path.join(dir, 'postgres'),
        DATA_DIR: dir,
      },
    });
    let output = '';
    child.stdout!.on('data', (c) => (output += c));
    child.stderr!.on('data', (c) => (output += c));
    const deadline = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`start.mjs exited early:\n${output}`);
      if (Date.now() > deadline) throw new Error(`not up in time:\n${output}`);
      const health = await fetch(`http://127.0.0.1:${ports.api}/health`).catch(() => null);
      const sim = await fetch(`http://127.0.0.1:${ports.sim}/.well-known/openid-configuration`).catch(() => null);
      if (health?.status === 200 && sim?.status === 200) break;
      await sleep(250);
    }
    return { child, output: () => output };
  }

  const WAYS = {
    SIGTERM: 'SIGTERM to start.mjs',
    SIGINT: 'SIGINT to start.mjs',
    SIGHUP: 'SIGHUP to start.mjs',
    SIGKILL: 'SIGKILL to start.mjs itself',
    'SIGKILL-api': 'SIGKILL to the API, which started PostgreSQL',
  } as const;
  for (const [way, description] of Object.entries(WAYS)) {
    it(`stops every part, PostgreSQL cleanly, on ${description}`, async () => {
      const { child, output } = await start();
      const parts = [child.pid!, ...descendants(child.pid!)];
      const postmaster = Number(readFileSync(path.join(dir, 'postgres/postmaster.pid'), 'utf8').split('\n')[0]);
      expect(parts).toContain(postmaster);
      const started = Date.now();
      if (way === 'SIGKILL-api') {
        const stat = readFileSync(`/proc/${postmaster}/stat`, 'utf8');
        process.kill(Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]), 'SIGKILL');
      } else child.kill(way as NodeJS.Signals);
      for (;;) {
        const left = parts.filter(alive);
        const taken = (await Promise.all(Object.values(ports).map(portTaken))).some(Boolean);
        if (left.length === 0 && !taken) break;
        if (Date.now() - started > STOP_WITHIN_MS) {
          throw new Error(`after ${way}: still running ${left.join(', ')}; ports taken: ${taken}\n${output()}`);
        }
        await sleep(100);
      }
      const stoppedIn = Date.now() - started;
      console.log(`start-stop: ${description}: ${parts.length} processes and 3 ports gone in ${stoppedIn} ms`);
      expect(existsSync(path.join(dir, 'postgres/postmaster.pid'))).toBe(false);
      expect(clusterState(path.join(dir, 'postgres'))).toBe(1);
    }, 120_000);
  }
});
