/**
 * The portal as in production for the benchmark: the built app with NODE_ENV=production, its own
 * database, and the BankID simulator over HTTPS (a production portal refuses a broker over plain
 * HTTP). The simulator's certificate is made here and trusted by the portal (NODE_EXTRA_CA_CERTS).
 * People log in once, through the simulator's pages, before the timed rounds.
 */
import { type ChildProcess, execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import path from 'node:path';
import { promisify } from 'node:util';
import type { SigningKey } from '@spindeln/api-token';
import { freePort } from '@spindeln/dev-postgres';
import { loadSimulatorConfig } from '../../apps/bankid-sim/src/config';
import { createSimulator } from '../../apps/bankid-sim/src/simulator';
import buildPortal from '../../e2e/support/build-portal';

const run = promisify(execFile);
const CLIENT_SECRET = 'spindeln-bench-broker-secret-0123456789';

export interface BenchPortal {
  /** The portal as in production. */
  url: string;
  pid: number;
  /** The same portal with its Server-Timing hook on: the time each page waited for the API. */
  timedUrl: string;
  timedPid: number;
  /** Logs each person in through the simulator; the `Cookie` header of each session, in order. */
  login(personnummers: string[]): Promise<string[]>;
  stop(): Promise<void>;
}

export async function startPortal(options: {
  root: string;
  out: string;
  apiUrl: string;
  databaseUrl: string;
  issuer: string;
  audience: string;
  signingKey: SigningKey;
  /** A V8 CPU profile of the portal without the hook, written to `out` when it stops. */
  profile?: boolean;
}): Promise<BenchPortal> {
  buildPortal();

  // A certificate for 127.0.0.1, valid for a day, for the simulator's HTTPS.
  const tls = path.join(options.out, 'tls');
  mkdirSync(tls, { recursive: true });
  const [keyFile, certFile] = [path.join(tls, 'key.pem'), path.join(tls, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );

  const portalPort = await freePort();
  const url = `http://127.0.0.1:${portalPort}`;
  const simPort = await freePort();
  const simUrl = `https://127.0.0.1:${simPort}`;
  const config = loadSimulatorConfig({
    NODE_ENV: 'test',
    BANKID_SIM_CLAIM: 'ssn',
    BANKID_SIM_CLIENT_SECRET: CLIENT_SECRET,
    BANKID_SIM_REDIRECT_URIS: `${url}/auth/callback`,
    BANKID_SIM_POST_LOGOUT_URIS: `${url}/`,
    BANKID_SIM_WAIT_MS: '0',
  });
  const sim = await createSimulator({ ...config, issuer: simUrl });
  const simServer: Server = createServer({ key: readFileSync(keyFile), cert: readFileSync(certFile) }, sim.app);
  await new Promise<void>((resolve) => simServer.listen(simPort, '127.0.0.1', resolve));

  // Two portals on the same sessions and secret, so one login serves both: the one measured as in
  // production, and one with the Server-Timing hook (PORTAL_SERVER_TIMING) for the portal's share.
  const sessionSecret = randomBytes(32).toString('base64url');
  let output = '';
  const children: ChildProcess[] = [];
  const spawnPortal = async (port: number, serverTiming: boolean) => {
    const origin = `http://127.0.0.1:${port}`;
    const profile = options.profile && !serverTiming ? ['--cpu-prof', '--cpu-prof-dir', options.out] : [];
    // The young generation as `npm run start:prod -w @spindeln/portal` sizes it.
    const child = spawn(process.execPath, [...profile, '--max-semi-space-size=32', '--import', 'tsx', 'server.ts'], {
      cwd: path.join(options.root, 'apps/portal'),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'production',
        NODE_EXTRA_CA_CERTS: certFile,
        PORTAL_HOST: '127.0.0.1',
        PORTAL_PORT: String(port),
        PORTAL_ORIGIN: origin,
        API_URL: options.apiUrl,
        PORTAL_DATABASE_URL: options.databaseUrl,
        SESSION_SECRET: sessionSecret,
        AUTH_ISSUER: options.issuer,
        AUTH_AUDIENCE: options.audience,
        PORTAL_SIGNING_KEY: JSON.stringify(options.signingKey),
        BANKID_ISSUER: simUrl,
        BANKID_CLIENT_SECRET: CLIENT_SECRET,
        PORTAL_SERVER_TIMING: String(serverTiming),
      },
    });
    children.push(child);
    child.stdout?.on('data', (c) => (output += c));
    child.stderr?.on('data', (c) => (output += c));
    const until = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the portal exited (${child.exitCode}):\n${output}`);
      try {
        if ((await fetch(`${origin}/healthz`)).ok) break;
      } catch {}
      if (Date.now() > until) throw new Error(`the portal did not come up:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    return { origin, pid: child.pid! };
  };
  const stop = async () => {
    for (const child of children) {
      if (child.exitCode !== null) continue;
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await new Promise<void>((resolve) => {
      simServer.closeAllConnections();
      simServer.close(() => resolve());
    });
  };
  let plain: Awaited<ReturnType<typeof spawnPortal>>;
  let timed: typeof plain;
  try {
    plain = await spawnPortal(portalPort, false);
    timed = await spawnPortal(await freePort(), true);
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    pid: plain.pid,
    timedUrl: timed.origin,
    timedPid: timed.pid,
    login: async (personnummers) => {
      // In a child process: only it trusts the simulator's certificate.
      // Asynchronously: the portal's output must keep flowing into `output` meanwhile.
      let out: string;
      try {
        ({ stdout: out } = await run(
          process.execPath,
          ['--import', 'tsx', path.join(options.root, 'bench/src/portal-login.ts'), url, ...personnummers],
          { env: { ...process.env, NODE_EXTRA_CA_CERTS: certFile }, encoding: 'utf8', maxBuffer: 64 << 20 },
        ));
      } catch (error) {
        throw new Error(`the login failed: ${(error as { stderr?: string }).stderr}\nthe portal said:\n${output}`);
      }
      const cookies = out.trim().split('\n').filter(Boolean);
      if (cookies.length !== personnummers.length)
        throw new Error(`${cookies.length} of ${personnummers.length} logins worked:\n${out}\n${output}`);
      return cookies;
    },
    stop,
  };
}
