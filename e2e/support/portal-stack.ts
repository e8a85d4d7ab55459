/**
 * The whole product on free ports for browser tests: a fresh seeded database on the run's throw-away
 * PostgreSQL, the API, the BankID simulator and the built portal as its own process, and Chromium.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiTokenIssuer, createTokenVerifier, generateSigningKey, keysFromPublicJwks } from '@spindeln/api-token';
import { PERSONAS, type PersonaKey } from '@spindeln/demo-personas';
import { freePort } from '@spindeln/dev-postgres';
import pg from 'pg';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';
import { seedDemo } from '../../apps/api/src/seed/demo';
import { createApi } from '../../apps/api/src/server';
import { freshDatabase, type TestDatabase } from '../../apps/api/test/support/database';
import { loadSimulatorConfig } from '../../apps/bankid-sim/src/config';
import { createSimulator } from '../../apps/bankid-sim/src/simulator';

const here = path.dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = path.resolve(here, '../..');
const PORTAL_DIR = path.join(REPO_ROOT, 'apps/portal');
export const SCREENSHOTS = path.join(REPO_ROOT, 'e2e/screenshots');

const SECRET = 'spindeln-portal-e2e-secret-0123456789';
const ISSUER = 'spindeln-portal';
const AUDIENCE = 'spindeln-api';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

export interface PortalStack {
  url: string;
  apiUrl: string;
  simUrl: string;
  db: TestDatabase;
  browser: Browser;
  /** Client ids by persona (from the API, as a client sees themself). */
  clientId: (persona: 'elsa' | 'gunnar' | 'britt') => string;
  /** A token for the API, as the portal would sign it (for setting up and checking state). */
  apiAs: (persona: PersonaKey, query: string, variables?: Record<string, unknown>) => Promise<Record<string, unknown>>;
  portalLog: () => string;
  /** SQL on the portal's own database (its session table). */
  portalSql: (query: string, params?: unknown[]) => Promise<Record<string, unknown>[]>;
  stop(): Promise<void>;
}

async function startSimulator(callbackOrigin: string) {
  const config = loadSimulatorConfig({
    NODE_ENV: 'test',
    BANKID_SIM_PORT: '0',
    BANKID_SIM_CLAIM: 'ssn',
    BANKID_SIM_CLIENT_SECRET: SECRET,
    BANKID_SIM_REDIRECT_URIS: `${callbackOrigin}/auth/callback`,
    BANKID_SIM_POST_LOGOUT_URIS: `${callbackOrigin}/`,
    BANKID_SIM_WAIT_MS: '0',
  });
  const port = await freePort();
  const sim = await createSimulator({ ...config, issuer: `http://127.0.0.1:${port}` });
  await sim.listen(port, '127.0.0.1');
  return { sim, url: `http://127.0.0.1:${port}` };
}

async function waitFor(url: string, child: ChildProcess, log: () => string, ms = 60_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`the portal exited (${child.exitCode}):\n${log()}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the portal did not answer at ${url}:\n${log()}`);
}

export async function startPortalStack(options: { env?: Record<string, string> } = {}): Promise<PortalStack> {
  const db = await freshDatabase();
  await db.orm.em.fork().transactional((em) => seedDemo(em));
  const key = await generateSigningKey('portal-e2e');
  const issuer = createApiTokenIssuer({ key, issuer: ISSUER, audience: AUDIENCE });
  const api = await createApi({
    orm: db.orm,
    embedded: true,
    production: false,
    verifier: createTokenVerifier({ issuer: ISSUER, audience: AUDIENCE, keys: keysFromPublicJwks(issuer.jwks()) }),
  });
  const apiServer = await api.listen(0, '127.0.0.1');
  const apiUrl = `http://127.0.0.1:${(apiServer.address() as AddressInfo).port}`;

  const portalPort = await freePort();
  const url = `http://127.0.0.1:${portalPort}`;
  const sim = await startSimulator(url);

  // The portal's own database on the same server, as in development.
  const adminUrl = inject('pgAdminUrl');
  const portalDb = `portal_${process.pid}_${Date.now().toString(36)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${portalDb}`);
  await admin.end();

  let output = '';
  const child = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: PORTAL_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      PORTAL_HOST: '127.0.0.1',
      PORTAL_PORT: String(portalPort),
      API_URL: apiUrl,
      PORTAL_DATABASE_URL: adminUrl.replace(/\/postgres$/, `/${portalDb}`),
      SESSION_SECRET: 'e2e-session-secret-that-is-long-enough-0123',
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      PORTAL_SIGNING_KEY: JSON.stringify(key),
      BANKID_ISSUER: sim.url,
      BANKID_CLIENT_SECRET: SECRET,
      BANKID_ALLOW_INSECURE: 'true',
      ...options.env,
    },
  });
  child.stdout?.on('data', (c) => {
    output += c;
  });
  child.stderr?.on('data', (c) => {
    output += c;
  });
  const portalLog = () => output;
  const portalDbUrl = adminUrl.replace(/\/postgres$/, `/${portalDb}`);
  const portalSql: PortalStack['portalSql'] = async (query, params = []) => {
    const c = new pg.Client({ connectionString: portalDbUrl });
    await c.connect();
    try {
      return (await c.query(query, params)).rows;
    } finally {
      await c.end();
    }
  };
  await waitFor(`${url}/healthz`, child, portalLog);

  const apiAs: PortalStack['apiAs'] = async (persona, query, variables) => {
    const res = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await issuer.issue(PERSONAS[persona].personnummer)}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    if (!body.data) throw new Error(`API: ${JSON.stringify(body.errors)}`);
    return body.data;
  };
  const ids: Record<string, string> = {};
  for (const persona of ['elsa', 'gunnar', 'britt'] as const) {
    const data = (await apiAs(persona, '{ viewer { clients { edges { node { id } } } } }')) as {
      viewer: { clients: { edges: { node: { id: string } }[] } };
    };
    ids[persona] = data.viewer.clients.edges[0]!.node.id;
  }

  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url,
    apiUrl,
    simUrl: sim.url,
    db,
    browser,
    clientId: (p) => ids[p]!,
    apiAs,
    portalLog,
    portalSql,
    stop: async () => {
      await browser.close().catch(() => undefined);
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode === null ? child.on('exit', r) : r(null)));
      await sim.sim.stop();
      await api.stop();
      await db.drop();
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${portalDb} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** Everything a page did that the tests must see: CSP refusals and script errors. */
export interface PageWatch {
  cspViolations: string[];
  errors: string[];
}

export async function newPage(
  stack: PortalStack,
  options: { width?: number; javaScript?: boolean; lang?: 'sv' | 'en' } = {},
): Promise<{ context: BrowserContext; page: Page; watch: PageWatch }> {
  const context = await stack.browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    javaScriptEnabled: options.javaScript ?? true,
    locale: 'sv-SE',
  });
  const page = await context.newPage();
  // The language switch, as a person uses it.
  if (options.lang === 'en') await page.goto(`${stack.url}/lang?to=en&back=/`);
  const watch: PageWatch = { cspViolations: [], errors: [] };
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) watch.cspViolations.push(m.text());
  });
  page.on('pageerror', (e) => watch.errors.push(e.message));
  return { context, page, watch };
}

/** Logs a persona in through the simulator's pages, as a person would. */
export async function login(stack: PortalStack, page: Page, persona: PersonaKey) {
  await page.goto(`${stack.url}/`);
  await page.getByRole('link', { name: /Logga in med BankID|Log in with BankID/ }).click();
  await page.waitForURL((u) => u.toString().startsWith(stack.simUrl));
  await page.fill('#personnummer', PERSONAS[persona].personnummer);
  await page.click('button[value=same-device]');
  await page.waitForURL((u) => u.toString().startsWith(stack.url) && !u.pathname.startsWith('/auth/'));
}

export interface AxeTally {
  pages: number;
  violations: { page: string; id: string; impact: string | null; nodes: string[] }[];
}

export const axeTally: AxeTally = { pages: 0, violations: [] };

/** axe-core on the page as it is now; every WCAG 2.2 A/AA violation is collected and returned. */
export async function axe(page: Page, label: string) {
  await page.evaluate(AXE_SOURCE);
  const result = (await page.evaluate(
    `axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} } })`,
  )) as { violations: { id: string; impact: string | null; nodes: { target: string[] }[] }[] };
  axeTally.pages++;
  const found = result.violations.map((v) => ({
    page: `${label} ${page.url()}`,
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.map((n) => n.target.join(' ')),
  }));
  axeTally.violations.push(...found);
  return found;
}

/** Checks the page with axe and writes a screenshot. */
export async function inspect(page: Page, name: string) {
  const width = page.viewportSize()?.width ?? 0;
  const violations = await axe(page, `${name}@${width}`);
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  expect(violations, `axe on ${name} at ${width} px`).toEqual([]);
}
