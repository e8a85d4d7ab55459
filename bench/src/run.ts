/**
 * npm run bench [-- --national] [-- --rounds N] [-- --seconds S] [-- --clients N] [-- --portal-logins N] [-- --hold]
 *
 * Starts its own PostgreSQL, seeds a city (or the nation), builds and starts the API as in
 * production, starts the hand-written floor, and drives both with wrk in short alternating rounds.
 * Then the built portal in production mode: people log in once through the BankID simulator, and
 * wrk fetches their pages as rendered HTML.
 * Writes bench-results/results.json, results.md and latency.png.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApiTokenIssuer, generateSigningKey } from '@spindeln/api-token';
import { freePort, startThrowawayPostgres } from '@spindeln/dev-postgres';
import pg from 'pg';
import { migrate } from '../../apps/api/src/db/orm';
import { raw, sqlText } from '../../apps/api/src/db/query';
import { currentConsent } from '../../apps/api/src/modules/access/predicates';
import { openOrm } from '../../apps/api/src/orm';
import { generateMunicipality } from '../../apps/api/src/seed/generate';
import { drawLatencyChart } from './chart';
import { type CpuParts, cpuMeter, postmasterOf } from './cpu';
import { startFloor } from './floor';
import { type BenchPortal, startPortal } from './portal';
import { CLIENT_PAGE, INBOX, OVERVIEW, SEND } from './queries';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = path.join(ROOT, 'bench-results');
const args = process.argv.slice(2);
const national = args.includes('--national');
const arg = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const ROUNDS = arg('--rounds', 3);
const SECONDS = arg('--seconds', 3);
const CONNECTIONS = 8;
const CLIENTS = arg('--clients', national ? 250_000 : 20_000);
const CHECK_ONLY = args.includes('--check-only');
/** Sets everything up, then keeps it running for measuring by hand until Ctrl-C. */
const HOLD = args.includes('--hold');
/** How many relatives and how many clients log in to the portal (each once, before its rounds). */
const PORTAL_LOGINS = arg('--portal-logins', 10);
/** Writes V8 CPU profiles of the API and the portal to bench-results/ (open them in Chrome DevTools). */
const PROFILE = args.includes('--profile');
const ISSUER = 'spindeln-bench-portal';
const AUDIENCE = 'spindeln-api';
const t0 = performance.now();
const log = (s: string) => console.log(`[bench ${((performance.now() - t0) / 1000).toFixed(1)}s] ${s}`);

function ensureWrk() {
  if (spawnSync('wrk', ['--version']).error === undefined) return;
  if (process.getuid?.() === 0) {
    log('installing wrk from Debian’s packages');
    execFileSync('sh', [
      '-c',
      'apt-get install -y wrk >/dev/null 2>&1 || (apt-get update >/dev/null && apt-get install -y wrk >/dev/null)',
    ]);
    return;
  }
  throw new Error('wrk is needed: sudo apt-get install -y wrk');
}

interface WrkResult {
  requests: number;
  durationUs: number;
  errors: number;
  socketErrors: number;
  p50Us: number;
  p90Us: number;
  p99Us: number;
  p999Us: number;
  maxUs: number;
  statements: number;
  counted: number;
  /** Mode "page": the mean latency, and the portal's wait for the API summed over `timed` pages. */
  meanUs: number;
  apiMs: number;
  timed: number;
  curve: [number, number][];
  rps: number;
}

function wrk(
  url: string,
  tokens: string,
  mode: string,
  seconds: number,
  /** The mean of each connection's random think time between requests (0: none). */
  thinkMs = 0,
  connections = CONNECTIONS,
): Promise<WrkResult> {
  const script = readFileSync(path.join(ROOT, 'bench/src/load.lua'), 'utf8')
    .replace('__OVERVIEW__', OVERVIEW.replace(/"/g, '\\"'))
    .replace('__CLIENT__', CLIENT_PAGE.replace(/"/g, '\\"'))
    .replace('__INBOX__', INBOX.replace(/"/g, '\\"'))
    .replace('__SEND__', SEND.replace(/"/g, '\\"'));
  const scriptFile = path.join(OUT, 'load.lua');
  writeFileSync(scriptFile, script);
  return new Promise((resolve, reject) => {
    const child = spawn('wrk', [
      '-t1',
      `-c${connections}`,
      `-d${seconds}s`,
      '--timeout',
      '5s',
      '-s',
      scriptFile,
      url,
      '--',
      tokens,
      mode,
      String(thinkMs),
    ]);
    let out = '';
    child.stdout.on('data', (c) => (out += c));
    child.stderr.on('data', (c) => (out += c));
    child.on('exit', () => {
      const line = out.split('\n').find((l) => l.startsWith('WRK_RESULT '));
      if (!line) return reject(new Error(`wrk gave no result:\n${out}`));
      const r = JSON.parse(line.slice('WRK_RESULT '.length)) as WrkResult;
      r.rps = r.requests / (r.durationUs / 1e6);
      resolve(r);
    });
  });
}

/** Generous: on a busy machine the API can take more than half a minute to start. */
async function waitFor(url: string, ms = 120_000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not come up`);
}

/**
 * A round at `rps` requests a second: each connection waits a random think time between its
 * requests (exponential, as independent people do; a fixed pause kept the connections in lockstep,
 * and every round began with all of them at once). The mean think time leaves room for the
 * expected latency, so the round reaches the rate asked for, and the round is long enough for
 * about 1,000 requests (5 to 30 s), so p99 is not the second slowest of a few hundred.
 */
function pacedRound(url: string, tokens: string, mode: string, rps: number, expectedLatencyMs: number) {
  const think = Math.max(0, Math.round((CONNECTIONS * 1000) / Math.max(1, rps) - expectedLatencyMs));
  const seconds = Math.min(30, Math.max(SECONDS + 2, Math.ceil(1000 / Math.max(1, rps))));
  return wrk(url, tokens, mode, seconds, think);
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function main() {
  mkdirSync(OUT, { recursive: true });
  ensureWrk();
  log('building the API');
  execFileSync('node', [path.join(ROOT, 'apps/api/build.mjs')], { stdio: 'inherit' });

  // pg_stat_statements shows where the database's time goes, per statement.
  const server = await startThrowawayPostgres({
    shared_preload_libraries: 'pg_stat_statements',
    // Room for the national data set's hot pages, as a production server would have.
    shared_buffers: '1GB',
    'pg_stat_statements.track_planning': 'on',
  });
  let apiProcess: ReturnType<typeof spawn> | undefined;
  let floor: ReturnType<typeof startFloor> | undefined;
  let portalApp: BenchPortal | undefined;
  try {
    await server.createDatabase('bench');
    // As in production: the schema and the bulk load as the owner, the API as its restricted role;
    // the superuser only for the statistics extension and the samples below.
    const url = server.url('bench');
    const ownerUrl = server.url('bench', 'owner');
    const apiDatabaseUrl = server.url('bench', 'api');
    const orm = await openOrm(ownerUrl, { logger: () => {} });
    await migrate(orm);
    await orm.close(true);
    log(`seeding ${CLIENTS.toLocaleString('en-US')} clients`);
    const seeded = await generateMunicipality(ownerUrl, {
      clients: CLIENTS,
      relativesPerClient: national ? 4 : undefined,
      log: () => {},
    });
    log(`seeded in ${(seeded.ms / 1000).toFixed(1)} s: ${JSON.stringify(seeded.counts)}`);

    // Relatives drawn at random from the whole population: those whose every current consent
    // lets them see the contact and the numbers, as the overview asks for both.
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    db.on('error', () => {});
    const postmaster = postmasterOf((await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]!.pid);
    const sample = async (sql: string) =>
      (await db.query<{ pnr: string; client: string | null; send: string | null }>(sql)).rows;
    const consentOk = (alias: string) => sqlText(currentConsent(alias, raw('now()')));
    const relatives = await sample(`
      SELECT p.personnummer AS pnr, '' AS client,
             (SELECT l2.client_id FROM relative_link l2 JOIN consent c2 ON c2.relative_link_id = l2.id
               WHERE l2.person_id = p.id AND ${consentOk('c2')} AND 'SEND_MESSAGES' = ANY(c2.scopes) LIMIT 1) AS send
        FROM person p
       WHERE EXISTS (SELECT 1 FROM relative_link l JOIN consent cs ON cs.relative_link_id = l.id WHERE l.person_id = p.id AND ${consentOk('cs')})
         AND NOT EXISTS (SELECT 1 FROM relative_link l JOIN consent cs ON cs.relative_link_id = l.id
                          WHERE l.person_id = p.id AND ${consentOk('cs')}
                            AND NOT (cs.scopes @> '{VIEW_CONTACT,VIEW_CONTACT_DETAILS}'))
       ORDER BY random() LIMIT 4000`);
    const clients = await sample(
      `SELECT p.personnummer AS pnr, c.id AS client, '' AS send FROM client c JOIN person p ON p.id = c.person_id ORDER BY random() LIMIT 4000`,
    );
    const staff =
      await sample(`SELECT p.personnummer AS pnr, '' AS client, '' AS send FROM staff_member s JOIN person p ON p.id = s.person_id
      WHERE 'CARE_STAFF' = ANY(s.roles) AND EXISTS (SELECT 1 FROM team_membership m WHERE m.staff_id = s.id) ORDER BY random() LIMIT 2000`);
    log(`sampled ${relatives.length} relatives, ${clients.length} clients, ${staff.length} staff`);

    const signingKey = await generateSigningKey('bench');
    const portal = createApiTokenIssuer({ key: signingKey, issuer: ISSUER, audience: AUDIENCE });
    const tokenFile = async (name: string, rows: typeof relatives) => {
      const lines = await Promise.all(
        rows.map(async (r) => `${await portal.issue(r.pnr, null, 900)}\t${r.client ?? ''}\t${r.send ?? ''}`),
      );
      const file = path.join(OUT, `${name}.tokens`);
      writeFileSync(file, `${lines.join('\n')}\n`);
      return file;
    };
    const files = {
      overview: await tokenFile('relatives', relatives),
      client: await tokenFile('clients', clients),
      inbox: await tokenFile('staff', staff),
    };

    const startApi = async (reportSql: boolean) => {
      const port = await freePort();
      const profileFlags = PROFILE && !reportSql ? ['--cpu-prof', '--cpu-prof-dir', OUT] : [];
      // The same V8 limits as `npm run start:prod -w @spindeln/api`.
      const v8Flags = ['--max-semi-space-size=8', '--max-old-space-size=192'];
      const child = spawn('node', [...v8Flags, ...profileFlags, path.join(ROOT, 'apps/api/dist/main.mjs')], {
        env: {
          ...process.env,
          NODE_ENV: 'production',
          DATABASE_URL: apiDatabaseUrl,
          API_PORT: String(port),
          AUTH_ISSUER: ISSUER,
          AUTH_AUDIENCE: AUDIENCE,
          AUTH_PUBLIC_JWKS: JSON.stringify(portal.jwks()),
          // Counting statements tracks every promise of a request (AsyncLocalStorage): it gets
          // its own short pass, so the timed rounds run the API exactly as in production.
          REPORT_SQL_STATEMENTS: String(reportSql),
          // wrk sends many people's tokens from one address, far faster than anyone clicks: the
          // limits stay on (each request still pays for its counter) but are out of reach.
          RATE_LIMIT_PER_PERSON: '1000000000',
          RATE_LIMIT_PER_ADDRESS: '1000000000',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      try {
        await waitFor(`http://127.0.0.1:${port}/health`);
      } catch (error) {
        child.kill('SIGTERM');
        throw error;
      }
      return { child, url: `http://127.0.0.1:${port}` };
    };
    const stopProcess = async (child: ReturnType<typeof spawn>) => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.on('exit', r));
      child.kill('SIGTERM');
      await exited;
    };

    // SQL statements per request, from the API's own count.
    const counting = await startApi(true);
    const statementsPerRequest: Record<string, number> = {};
    const countPass = async (key: string, file: string, body: (line: string[]) => unknown) => {
      let total = 0;
      const lines = readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split('\t'))
        .slice(0, 100);
      for (const line of lines) {
        const res = await fetch(`${counting.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${line[0]}` },
          body: JSON.stringify(body(line)),
        });
        await res.text();
        total += Number(res.headers.get('x-sql-statements'));
      }
      statementsPerRequest[key] = total / lines.length;
    };
    await countPass('overview', files.overview, () => ({ query: OVERVIEW }));
    await countPass('client', files.client, (l) => ({ query: CLIENT_PAGE, variables: { id: l[1] } }));
    await countPass('inbox', files.inbox, () => ({ query: INBOX }));
    await countPass('send', files.overview, (l) => ({
      query: SEND,
      variables: {
        input: { clientId: l[2] || l[1], body: 'Hej från räknepasset', idempotencyKey: `count-${randomUUID()}` },
      },
    }));
    statementsPerRequest.mix = 0.9 * statementsPerRequest.overview! + 0.1 * statementsPerRequest.send!;
    await stopProcess(counting.child);
    log(`SQL statements per request: ${JSON.stringify(statementsPerRequest)}`);

    const api = await startApi(false);
    apiProcess = api.child;
    const apiUrl = api.url;
    const floorPort = await freePort();
    floor = startFloor({
      databaseUrl: apiDatabaseUrl,
      port: floorPort,
      issuer: ISSUER,
      audience: AUDIENCE,
      publicJwks: portal.jwks(),
    });
    await floor.listen();
    const floorUrl = `http://127.0.0.1:${floorPort}`;
    log(`API (production build) on ${apiUrl}, floor on ${floorUrl}`);

    // The same answers from both, or the comparison means nothing.
    const post = async (base: string, token: string, body: unknown) =>
      (
        await fetch(`${base}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify(body),
        })
      ).text();
    const tokensOf = (file: string) =>
      readFileSync(file, 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split('\t'));
    const mismatches: string[] = [];
    for (const [name, file, body] of [
      ['overview', files.overview, (_: string[]) => ({ query: OVERVIEW })],
      ['client page', files.client, (l: string[]) => ({ query: CLIENT_PAGE, variables: { id: l[1] } })],
      ['staff inbox', files.inbox, (_: string[]) => ({ query: INBOX })],
    ] as const) {
      for (const line of tokensOf(file).slice(0, 5)) {
        const [a, f] = [await post(apiUrl, line[0]!, body(line)), await post(floorUrl, line[0]!, body(line))];
        // Compared as JSON, key order included (Apollo ends its body with a newline).
        if (JSON.stringify(JSON.parse(a)) !== JSON.stringify(JSON.parse(f)))
          mismatches.push(`${name}:\n  api:   ${a}\n  floor: ${f}`);
      }
    }
    writeFileSync(path.join(OUT, 'floor-check.txt'), mismatches.join('\n') || 'all equal\n');
    if (mismatches.length)
      log(`WARNING: ${mismatches.length} of the floor's answers differ from the API's (bench-results/floor-check.txt)`);
    else log('the floor answers exactly as the API does (15 sampled requests)');

    // The portal, built and in production mode, on its own database; each person logs in once.
    await server.createDatabase('portal');
    portalApp = await startPortal({
      root: ROOT,
      out: OUT,
      apiUrl,
      databaseUrl: server.url('portal', 'owner'),
      issuer: ISSUER,
      audience: AUDIENCE,
      signingKey,
      profile: PROFILE,
    });
    const loginStarted = performance.now();
    const pageFile = async (name: string, rows: typeof relatives, page: (r: (typeof relatives)[number]) => string) => {
      const people = rows.slice(0, PORTAL_LOGINS);
      const cookies = await portalApp!.login(people.map((r) => r.pnr));
      const file = path.join(OUT, `${name}.pages`);
      writeFileSync(file, `${people.map((r, i) => `${cookies[i]}\t${page(r)}\t`).join('\n')}\n`);
      return file;
    };
    const pages = {
      overview: await pageFile('portal-relatives', relatives, () => '/oversikt'),
      client: await pageFile('portal-clients', clients, (r) => `/klient/${r.client}`),
    };
    log(
      `portal (built, NODE_ENV=production) on ${portalApp.url}: ${2 * PORTAL_LOGINS} logins through the simulator in ${((performance.now() - loginStarted) / 1000).toFixed(1)} s`,
    );
    // Every page answers as a whole page with a number to call (the sampled people may see the
    // numbers), and only the timed portal sends Server-Timing; the first of each is kept to look at.
    for (const [name, file] of [
      ['overview', pages.overview],
      ['client', pages.client],
    ] as const) {
      for (const [i, [cookie, page]] of tokensOf(file).slice(0, 3).entries()) {
        for (const base of [portalApp.url, portalApp.timedUrl]) {
          const res = await fetch(`${base}${page}`, { headers: { cookie: cookie! }, redirect: 'manual' });
          const html = await res.text();
          const timing = res.headers.get('server-timing') ?? '';
          if (res.status !== 200 || !html.includes('</html>') || !html.includes('href="tel:'))
            throw new Error(`the portal's ${page} answered ${res.status}: ${html.slice(0, 300)}`);
          if (/api;dur=/.test(timing) !== (base === portalApp.timedUrl))
            throw new Error(`Server-Timing from ${base}: "${timing}"`);
          if (i === 0 && base === portalApp.url) writeFileSync(path.join(OUT, `portal-${name}.html`), html);
        }
      }
    }
    log('the portal answers whole pages (6 sampled, bench-results/portal-*.html)');
    if (CHECK_ONLY) return;
    if (HOLD) {
      log(
        `holding: API ${apiUrl} (pid ${apiProcess.pid}), floor ${floorUrl}, portal ${portalApp.url} (pid ${portalApp.pid}), timed portal ${portalApp.timedUrl}, PostgreSQL ${url}; pages in ${pages.overview} and ${pages.client}; Ctrl-C stops`,
      );
      await new Promise<void>((resolve) => process.once('SIGINT', () => resolve()));
      return;
    }

    const scenarios = [
      { key: 'overview', title: 'Relative’s overview', file: files.overview, mode: 'overview' },
      { key: 'client', title: 'Client’s page', file: files.client, mode: 'client' },
      { key: 'inbox', title: 'Staff inbox', file: files.inbox, mode: 'inbox' },
      { key: 'mix', title: '90/10 reads and message sends', file: files.overview, mode: 'mix' },
    ];
    const results: Record<string, unknown> = {};
    const panels: Parameters<typeof drawLatencyChart>[1] = [];
    for (const s of scenarios) {
      await wrk(apiUrl, s.file, s.mode, 2);
      await wrk(floorUrl, s.file, s.mode, 2);
      const api: WrkResult[] = [];
      const fl: WrkResult[] = [];
      for (let r = 0; r < ROUNDS; r++) {
        // Alternate who goes first, so drift in the machine hits both alike.
        if (r % 2 === 0) {
          api.push(await wrk(apiUrl, s.file, s.mode, SECONDS));
          fl.push(await wrk(floorUrl, s.file, s.mode, SECONDS));
        } else {
          fl.push(await wrk(floorUrl, s.file, s.mode, SECONDS));
          api.push(await wrk(apiUrl, s.file, s.mode, SECONDS));
        }
      }
      const ratios = api.map((a, i) => a.rps / fl[i]!.rps);
      const summarise = (rs: WrkResult[]) => ({
        rps: median(rs.map((r) => r.rps)),
        p50Ms: median(rs.map((r) => r.p50Us)) / 1000,
        p99Ms: median(rs.map((r) => r.p99Us)) / 1000,
        errors: rs.reduce((n, r) => n + r.errors + r.socketErrors, 0),
        requests: rs.reduce((n, r) => n + r.requests, 0),
        sqlPerRequest:
          rs.reduce((n, r) => n + r.statements, 0) /
          Math.max(
            1,
            rs.reduce((n, r) => n + r.counted, 0),
          ),
      });
      results[s.key] = {
        title: s.title,
        api: { ...summarise(api), sqlPerRequest: statementsPerRequest[s.key] },
        floor: summarise(fl),
        ratio: { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) },
      };
      const best = (rs: WrkResult[]) => rs.reduce((a, b) => (a.rps > b.rps ? a : b));
      panels.push({
        title: s.title,
        api: { label: 'API', points: best(api).curve },
        floor: { label: 'floor', points: best(fl).curve },
      });
      log(
        `${s.title}: API ${summarise(api).rps.toFixed(0)} req/s, floor ${summarise(fl).rps.toFixed(0)} req/s, ratio ${median(ratios).toFixed(2)}`,
      );
    }

    // The write rounds leave autovacuum and a checkpoint to run for a while, on the same two cores:
    // done now, so the paced rounds below meet a database at rest, as the rounds above did.
    const settled = performance.now();
    await db.query('VACUUM (ANALYZE)');
    await db.query('CHECKPOINT');
    log(`vacuumed and checkpointed after the write rounds in ${((performance.now() - settled) / 1000).toFixed(1)} s`);

    // p99 of the overview at half of the API's own maximum rate, for both.
    const target = (results.overview as { api: { rps: number } }).api.rps / 2;
    // The latency to leave room for: the API's mean one request at a time.
    const apiAlone = await wrk(apiUrl, files.overview, 'overview', SECONDS + 2, 0, 1);
    const paced = {
      api: await pacedRound(apiUrl, files.overview, 'overview', target, apiAlone.meanUs / 1000),
      floor: await pacedRound(floorUrl, files.overview, 'overview', target, apiAlone.meanUs / 1000),
    };
    results.overviewAtHalfRate = {
      targetRps: target,
      api: { rps: paced.api.rps, p50Ms: paced.api.p50Us / 1000, p99Ms: paced.api.p99Us / 1000 },
      floor: { rps: paced.floor.rps, p50Ms: paced.floor.p50Us / 1000, p99Ms: paced.floor.p99Us / 1000 },
    };

    // The portal's pages, as rendered HTML: no floor, so plain rounds; its share from Server-Timing.
    const portalScenarios = [
      { key: 'overview', title: 'Relative’s overview', file: pages.overview },
      { key: 'client', title: 'Client’s page', file: pages.client },
    ];
    const portalResults: Record<string, unknown> = {};
    const apiWaitMs = (r: WrkResult) => r.apiMs / Math.max(1, r.timed);
    const portalShare = (r: WrkResult) => 1 - apiWaitMs(r) / (r.meanUs / 1000);
    // Both pages on both portals before any round: a fresh process compiles its hot code over its
    // first few hundred pages, which 2 s of warm-up left to the first page's rounds.
    for (const s of portalScenarios) {
      await wrk(portalApp.url, s.file, 'page', 5);
      await wrk(portalApp.timedUrl, s.file, 'page', 5);
    }
    for (const s of portalScenarios) {
      const plain: WrkResult[] = [];
      const timed: WrkResult[] = [];
      const cpu = cpuMeter({ portal: portalApp.pid, api: apiProcess.pid!, postmaster });
      const plainRound = () => cpu.measure(() => wrk(portalApp!.url, s.file, 'page', SECONDS));
      for (let r = 0; r < ROUNDS; r++) {
        // Alternating, as the API and the floor; the one with the hook only for the share.
        if (r % 2 === 0) {
          plain.push(await plainRound());
          timed.push(await wrk(portalApp.timedUrl, s.file, 'page', SECONDS));
        } else {
          timed.push(await wrk(portalApp.timedUrl, s.file, 'page', SECONDS));
          plain.push(await plainRound());
        }
      }
      const rps = median(plain.map((r) => r.rps));
      const pages = plain.reduce((n, r) => n + r.requests, 0);
      const cpuMsPerPage = cpu.per(pages);
      // One at a time first: its mean is the latency the paced rounds leave room for.
      const alone = await wrk(portalApp.url, s.file, 'page', SECONDS + 2, 0, 1);
      const half = await pacedRound(portalApp.url, s.file, 'page', rps / 2, alone.meanUs / 1000);
      const halfTimed = await pacedRound(portalApp.timedUrl, s.file, 'page', rps / 2, alone.meanUs / 1000);
      // What this machine allows: the floor (one statement, no page) at the same pace.
      const halfFloor = await pacedRound(floorUrl, files.overview, 'overview', rps / 2, alone.meanUs / 1000);
      const errors = (rs: WrkResult[]) => rs.reduce((n, r) => n + r.errors, 0);
      const socketErrors = (rs: WrkResult[]) => rs.reduce((n, r) => n + r.socketErrors, 0);
      portalResults[s.key] = {
        title: s.title,
        rps,
        p50Ms: median(plain.map((r) => r.p50Us)) / 1000,
        p99Ms: median(plain.map((r) => r.p99Us)) / 1000,
        meanMs: median(plain.map((r) => r.meanUs)) / 1000,
        /** Not a whole page with 200; and connections that failed or timed out (wrk's --timeout 5s). */
        errors: errors([...plain, ...timed, half, halfTimed, alone]),
        socketErrors: socketErrors([...plain, ...timed, half, halfTimed, alone]),
        requests: pages,
        /** CPU ms per page over the plain rounds, by process. */
        cpuMsPerPage,
        timed: {
          rps: median(timed.map((r) => r.rps)),
          meanMs: median(timed.map((r) => r.meanUs)) / 1000,
          apiWaitMs: median(timed.map(apiWaitMs)),
          portalShare: median(timed.map(portalShare)),
        },
        atHalfRate: {
          targetRps: rps / 2,
          rps: half.rps,
          requests: half.requests,
          p50Ms: half.p50Us / 1000,
          p90Ms: half.p90Us / 1000,
          p99Ms: half.p99Us / 1000,
          p999Ms: half.p999Us / 1000,
          timed: {
            p99Ms: halfTimed.p99Us / 1000,
            apiWaitMs: apiWaitMs(halfTimed),
            portalShare: portalShare(halfTimed),
          },
          floor: { rps: halfFloor.rps, p50Ms: halfFloor.p50Us / 1000, p99Ms: halfFloor.p99Us / 1000 },
        },
        alone: { rps: alone.rps, p50Ms: alone.p50Us / 1000, p99Ms: alone.p99Us / 1000 },
      };
      log(`portal, ${s.title}: CPU ms per page ${cpuText(cpuMsPerPage)}`);
      log(
        `portal, ${s.title}: ${rps.toFixed(0)} req/s (with the timing hook ${median(timed.map((r) => r.rps)).toFixed(0)}), portal's share ${(median(timed.map(portalShare)) * 100).toFixed(0)} %, p99 at half rate ${(half.p99Us / 1000).toFixed(1)} ms (${half.requests} pages at ${half.rps.toFixed(0)} req/s; p50 / p90 / p99.9 ${[half.p50Us, half.p90Us, half.p999Us].map((us) => (us / 1000).toFixed(1)).join(' / ')} ms; the floor at that pace ${(halfFloor.p99Us / 1000).toFixed(1)} ms; one at a time p50 / p99 ${(alone.p50Us / 1000).toFixed(1)} / ${(alone.p99Us / 1000).toFixed(1)} ms)`,
      );
    }
    results.portal = portalResults;

    const memory = (pid: number) => {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
      return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
    };
    results.apiMemory = memory(apiProcess.pid!);
    results.portalMemory = memory(portalApp.pid);
    results.timedPortalMemory = memory(portalApp.timedPid);
    results.setup = {
      national,
      clients: CLIENTS,
      seedSeconds: seeded.ms / 1000,
      counts: seeded.counts,
      rounds: ROUNDS,
      secondsPerRound: SECONDS,
      connections: CONNECTIONS,
      floorMatchesApi: mismatches.length === 0,
      portalLogins: 2 * PORTAL_LOGINS,
    };
    results.totalSeconds = (performance.now() - t0) / 1000;
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const top = await db.query<{ query: string; calls: string; plan_ms: number; exec_ms: number }>(
      `SELECT left(regexp_replace(query, '\\s+', ' ', 'g'), 120) AS query, calls,
              round((total_plan_time / calls)::numeric, 3)::float AS plan_ms, round((total_exec_time / calls)::numeric, 3)::float AS exec_ms
         FROM pg_stat_statements WHERE calls > 100 ORDER BY total_plan_time + total_exec_time DESC LIMIT 12`,
    );
    results.database = top.rows;
    await db.end();

    const name = national ? 'national' : 'city';
    writeFileSync(path.join(OUT, `results-${name}.json`), `${JSON.stringify(results, null, 2)}\n`);
    const md = markdown(results);
    writeFileSync(path.join(OUT, `results-${name}.md`), md);
    await drawLatencyChart(path.join(OUT, `latency-${name}.png`), panels);
    console.log(`\n${md}`);
    log(`wrote bench-results/results-${name}.{json,md} and latency-${name}.png`);
  } finally {
    if (apiProcess && apiProcess.exitCode === null) {
      const exited = new Promise((r) => apiProcess!.on('exit', r));
      apiProcess.kill('SIGTERM');
      await exited;
    }
    await floor?.stop();
    await portalApp?.stop();
    await server.stop();
  }
}

const cpuText = (c: CpuParts) =>
  `portal ${c.portal.toFixed(1)}, API ${c.api.toFixed(1)}, PostgreSQL ${c.postgres.toFixed(1)}, rest ${c.rest.toFixed(1)} (sum ${(c.portal + c.api + c.postgres + c.rest).toFixed(1)})`;

function markdown(r: Record<string, any>): string {
  const rows = ['overview', 'client', 'inbox', 'mix'].map((k) => {
    const s = r[k];
    return `| ${s.title} | ${s.api.rps.toFixed(0)} | ${s.floor.rps.toFixed(0)} | ${s.ratio.median.toFixed(2)} (${s.ratio.min.toFixed(2)}–${s.ratio.max.toFixed(2)}) | ${s.api.p50Ms.toFixed(1)} / ${s.api.p99Ms.toFixed(1)} | ${s.floor.p50Ms.toFixed(1)} / ${s.floor.p99Ms.toFixed(1)} | ${s.api.errors} / ${s.floor.errors} | ${s.api.sqlPerRequest.toFixed(1)} / ${s.floor.sqlPerRequest.toFixed(1)} |`;
  });
  const h = r.overviewAtHalfRate;
  const portalRows = ['overview', 'client'].map((k) => {
    const p = r.portal[k];
    const half = p.atHalfRate;
    return `| ${p.title} | ${p.rps.toFixed(0)} | ${p.p50Ms.toFixed(1)} / ${p.p99Ms.toFixed(1)} | ${p.meanMs.toFixed(1)} | ${p.timed.rps.toFixed(0)} | ${p.timed.apiWaitMs.toFixed(1)} of ${p.timed.meanMs.toFixed(1)} | ${(p.timed.portalShare * 100).toFixed(0)} % | ${half.targetRps.toFixed(0)} / ${half.rps.toFixed(0)} | ${half.p50Ms.toFixed(1)} / ${half.p99Ms.toFixed(1)} | ${half.floor.p50Ms.toFixed(1)} / ${half.floor.p99Ms.toFixed(1)} | ${p.alone.p50Ms.toFixed(1)} / ${p.alone.p99Ms.toFixed(1)} | ${(half.timed.portalShare * 100).toFixed(0)} % | ${p.errors} / ${p.socketErrors} |`;
  });
  const portalTargets = ['overview', 'client'].map((k) => {
    const p = r.portal[k];
    const half = p.atHalfRate;
    // wrk reports 0 when nothing completed in the paced round (possible only on a starved machine).
    const result =
      half.rps > 0
        ? `${half.p99Ms.toFixed(1)} ms (${half.p99Ms < 60 ? 'met' : 'MISSED'})`
        : 'no page completed (MISSED)';
    return `| ${p.title}: portal p99 < 60 ms at half the portal's maximum | ${result} |`;
  });
  return [
    `## Benchmark (${r.setup.national ? 'national' : 'city'}: ${r.setup.clients.toLocaleString('en-US')} clients)`,
    '',
    '| scenario | API req/s | floor req/s | API/floor per round: median (range) | API p50 / p99 ms | floor p50 / p99 ms | errors API / floor | SQL per request API / floor |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
    `Overview at half the API's maximum (${h.targetRps.toFixed(0)} req/s asked): API ${h.api.rps.toFixed(0)} req/s, p50 ${h.api.p50Ms.toFixed(1)} ms, p99 ${h.api.p99Ms.toFixed(1)} ms; floor at the same pace p99 ${h.floor.p99Ms.toFixed(1)} ms.`,
    '',
    `### Through the portal (rendered HTML, ${r.setup.portalLogins} people each logged in once)`,
    '',
    "| page | portal req/s | p50 / p99 ms | mean ms | with the timing hook: req/s | API wait of the mean ms | portal's share | at half rate: asked / reached req/s | at half rate: p50 / p99 ms | the floor at that pace: p50 / p99 ms | one at a time: p50 / p99 ms | portal's share at half rate | errors: pages / sockets |",
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    ...portalRows,
    '',
    'The portal\'s share is 1 − (mean time a page waited for the API, from the Server-Timing header of a second portal process with PORTAL_SERVER_TIMING=true, driven in alternating rounds) / (mean latency wrk saw there). req/s and latencies are the portal without the hook, as in production. "The floor at that pace": the API\'s floor (one statement, no page) asked for the overview at the same pace, for how much tail this machine adds by itself; "one at a time": one connection, no pause. The paced rounds ("at half rate") give each connection random think times between its requests (exponential, with a mean that leaves room for the one-at-a-time latency), for about 1,000 requests (5 to 30 s).',
    '',
    'CPU time per page over the plain rounds (ms, from /proc; "rest" is the rest of the machine\'s busy time: wrk, the benchmark, the kernel):',
    '',
    ...['overview', 'client'].map((k) => `- ${r.portal[k].title}: ${cpuText(r.portal[k].cpuMsPerPage)}`),
    '',
    '| target | result |',
    '| --- | --- |',
    ...portalTargets,
    '',
    `API resident memory after the run: ${r.apiMemory.rssMb.toFixed(0)} MB (peak ${r.apiMemory.peakRssMb.toFixed(0)} MB); portal ${r.portalMemory.rssMb.toFixed(0)} MB (peak ${r.portalMemory.peakRssMb.toFixed(0)} MB; with the hook ${r.timedPortalMemory.rssMb.toFixed(0)} MB). Seed: ${r.setup.seedSeconds.toFixed(1)} s. Whole run: ${r.totalSeconds.toFixed(0)} s. ${r.setup.rounds} rounds of ${r.setup.secondsPerRound} s, ${r.setup.connections} connections. Floor answers equal the API's: ${r.setup.floorMatchesApi ? 'yes' : 'NO'}.`,
    '',
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
