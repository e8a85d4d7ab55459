import type { AddressInfo } from 'node:net';
import { createApiTokenIssuer, createTokenVerifier, generateSigningKey, keysFromPublicJwks } from '@spindeln/api-token';
import { BankIdClient, type BankIdConfig, BankIdError, CLAIM_PRESETS, type ClaimPreset } from '@spindeln/bankid';
import { PERSONAS } from '@spindeln/demo-personas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../apps/api/src/seed/demo';
import { createApi } from '../../apps/api/src/server';
import { freshDatabase, type TestDatabase } from '../../apps/api/test/support/database';
import { loadSimulatorConfig } from '../../apps/bankid-sim/src/config';
import { createSimulator } from '../../apps/bankid-sim/src/simulator';
import { LoginDriver } from '../support/browser-less';

const CALLBACK = 'http://127.0.0.1:3999/auth/callback';
const SECRET = 'spindeln-portal-e2e-secret-0123456789';

async function startSimulator(claim: ClaimPreset) {
  const config = loadSimulatorConfig({
    NODE_ENV: 'test',
    BANKID_SIM_PORT: '0',
    BANKID_SIM_CLAIM: claim,
    BANKID_SIM_CLIENT_SECRET: SECRET,
    BANKID_SIM_REDIRECT_URIS: CALLBACK,
    BANKID_SIM_POST_LOGOUT_URIS: 'http://127.0.0.1:3999/',
    BANKID_SIM_WAIT_MS: '0',
  });
  // The issuer must name the port the server gets; listen first on a free one.
  const probe = await createSimulator(config);
  const server = await probe.listen(0, '127.0.0.1');
  const port = (server.address() as AddressInfo).port;
  await probe.stop();
  const sim = await createSimulator({ ...config, issuer: `http://127.0.0.1:${port}` });
  await sim.listen(port, '127.0.0.1');
  return { sim, issuer: `http://127.0.0.1:${port}` };
}

function clientConfig(issuer: string, claim: string): BankIdConfig {
  return {
    issuer: new URL(issuer),
    clientId: 'spindeln-portal',
    clientSecret: SECRET,
    redirectUri: CALLBACK,
    acrValues: ['urn:grn:authn:se:bankid:same-device', 'urn:grn:authn:se:bankid:another-device'],
    personnummerClaim: claim,
    allowInsecureRequests: true,
  };
}

async function refusedWith(promise: Promise<unknown>): Promise<string> {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(BankIdError);
  return (e as BankIdError).code;
}

describe('BankID login through the simulator, into the API', () => {
  let db: TestDatabase;
  let sim: Awaited<ReturnType<typeof startSimulator>>;
  let bankid: BankIdClient;
  let apiUrl: string;
  let stopApi: () => Promise<void>;
  let portal: ReturnType<typeof createApiTokenIssuer>;

  beforeAll(async () => {
    db = await freshDatabase();
    await db.orm.em.fork().transactional((em) => seedDemo(em));
    sim = await startSimulator('ssn');
    bankid = await BankIdClient.create(clientConfig(sim.issuer, CLAIM_PRESETS.ssn));
    // The portal's key signs tokens for the API; the API trusts exactly its public half.
    portal = createApiTokenIssuer({
      key: await generateSigningKey('portal-e2e'),
      issuer: 'spindeln-portal',
      audience: 'spindeln-api',
    });
    const api = await createApi({
      orm: db.orm,
      embedded: true,
      production: false,
      verifier: createTokenVerifier({
        issuer: 'spindeln-portal',
        audience: 'spindeln-api',
        keys: keysFromPublicJwks(portal.jwks()),
      }),
    });
    const server = await api.listen(0, '127.0.0.1');
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    stopApi = api.stop;
  });
  afterAll(async () => {
    await stopApi?.();
    await sim?.sim.stop();
    await db?.drop();
  });

  const viewer = async (token: string) => {
    const res = await fetch(`${apiUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ viewer { givenName isClient isStaff clients { totalCount } } }' }),
    });
    return { status: res.status, body: (await res.json()) as { data?: { viewer: Record<string, unknown> } } };
  };

  it('logs a relative in and makes an authenticated API call', async () => {
    const { url, pending } = await bankid.startLogin();
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    const callback = await new LoginDriver(CALLBACK).login(url, { personnummer: PERSONAS.maria.personnummer });
    const identity = await bankid.finishLogin(callback, pending);
    expect(identity).toMatchObject({
      personnummer: PERSONAS.maria.personnummer,
      givenName: 'Maria',
      acr: 'urn:grn:authn:se:bankid:same-device',
    });
    const res = await viewer(await portal.issue(identity.personnummer));
    expect(res.body.data?.viewer).toEqual({
      givenName: 'Maria',
      isClient: false,
      isStaff: false,
      clients: { totalCount: 1 },
    });
  });

  it('logs staff in the same way; roles come from the database, not the token', async () => {
    const { url, pending } = await bankid.startLogin();
    const callback = await new LoginDriver(CALLBACK).login(url, {
      personnummer: PERSONAS.anna.personnummer,
      method: 'other-device',
    });
    const identity = await bankid.finishLogin(callback, pending);
    expect(identity.acr).toBe('urn:grn:authn:se:bankid:another-device');
    const res = await viewer(await portal.issue(identity.personnummer));
    expect(res.body.data?.viewer).toMatchObject({ givenName: 'Anna', isStaff: true });
  });

  it('refuses a wrong or missing state, and starts no session', async () => {
    const { url, pending } = await bankid.startLogin();
    const callback = await new LoginDriver(CALLBACK).login(url, { personnummer: PERSONAS.maria.personnummer });
    const tampered = new URL(callback);
    tampered.searchParams.set('state', 'not-the-state');
    expect(await refusedWith(bankid.finishLogin(tampered, pending))).toBe('wrong_state');
    const missing = new URL(callback);
    missing.searchParams.delete('state');
    expect(await refusedWith(bankid.finishLogin(missing, pending))).toBe('wrong_state');
    expect(await refusedWith(bankid.finishLogin(callback, null))).toBe('wrong_state');
  });

  it('refuses a replayed authorization code', async () => {
    const { url, pending } = await bankid.startLogin();
    const callback = await new LoginDriver(CALLBACK).login(url, { personnummer: PERSONAS.maria.personnummer });
    await bankid.finishLogin(callback, pending);
    expect(await refusedWith(bankid.finishLogin(callback, pending))).toBe('rejected');
  });

  it('refuses a wrong nonce and a wrong PKCE verifier', async () => {
    const first = await bankid.startLogin();
    const cb1 = await new LoginDriver(CALLBACK).login(first.url, { personnummer: PERSONAS.maria.personnummer });
    expect(await refusedWith(bankid.finishLogin(cb1, { ...first.pending, nonce: 'another-nonce' }))).toBe(
      'wrong_nonce',
    );
    const second = await bankid.startLogin();
    const cb2 = await new LoginDriver(CALLBACK).login(second.url, { personnummer: PERSONAS.maria.personnummer });
    expect(await refusedWith(bankid.finishLogin(cb2, { ...second.pending, codeVerifier: 'x'.repeat(43) }))).toBe(
      'rejected',
    );
  });

  it('refuses an authorization request without PKCE at the simulator', async () => {
    const { url } = await bankid.startLogin();
    url.searchParams.delete('code_challenge');
    url.searchParams.delete('code_challenge_method');
    const result = await new LoginDriver(CALLBACK).go(url.toString());
    const location = new URL(result.url);
    expect(location.toString().startsWith(CALLBACK)).toBe(true);
    expect(location.searchParams.get('error')).toBe('invalid_request');
    expect(location.searchParams.get('error_description')).toMatch(/code_challenge|PKCE/i);
  });

  it('refuses an acr weaker than asked, and an invalid personnummer in the claim', async () => {
    const weak = await bankid.startLogin();
    const cbWeak = await new LoginDriver(CALLBACK).login(weak.url, {
      personnummer: PERSONAS.maria.personnummer,
      outcome: 'weak',
    });
    expect(await refusedWith(bankid.finishLogin(cbWeak, weak.pending))).toBe('wrong_acr');
    // Asking for the other-device method only: a same-device login is not enough.
    const strict = await bankid.startLogin({ acrValues: ['urn:grn:authn:se:bankid:another-device'] });
    const cbStrict = await new LoginDriver(CALLBACK).login(strict.url, {
      personnummer: PERSONAS.maria.personnummer,
      method: 'same-device',
    });
    expect(await refusedWith(bankid.finishLogin(cbStrict, strict.pending))).toBe('wrong_acr');
    const bad = await bankid.startLogin();
    const cbBad = await new LoginDriver(CALLBACK).login(bad.url, {
      personnummer: PERSONAS.maria.personnummer,
      outcome: 'bad-number',
    });
    expect(await refusedWith(bankid.finishLogin(cbBad, bad.pending))).toBe('invalid_personnummer');
  });

  it('reports a cancelled and a timed-out BankID order as such', async () => {
    const cancel = await bankid.startLogin();
    const cbCancel = await new LoginDriver(CALLBACK).login(cancel.url, {
      personnummer: PERSONAS.maria.personnummer,
      cancel: true,
    });
    expect(await refusedWith(bankid.finishLogin(cbCancel, cancel.pending))).toBe('cancelled');
    const timeout = await bankid.startLogin();
    const cbTimeout = await new LoginDriver(CALLBACK).login(timeout.url, {
      personnummer: PERSONAS.maria.personnummer,
      outcome: 'timeout',
    });
    expect(await refusedWith(bankid.finishLogin(cbTimeout, timeout.pending))).toBe('expired');
    // A login left pending too long is refused too.
    const stale = await bankid.startLogin();
    const cbStale = await new LoginDriver(CALLBACK).login(stale.url, { personnummer: PERSONAS.maria.personnummer });
    expect(
      await refusedWith(bankid.finishLogin(cbStale, { ...stale.pending, startedAt: Date.now() - 11 * 60_000 })),
    ).toBe('expired');
  });

  it('logs out at the broker with the ID token as hint', async () => {
    const { url, pending } = await bankid.startLogin();
    const callback = await new LoginDriver(CALLBACK).login(url, { personnummer: PERSONAS.elsa.personnummer });
    const identity = await bankid.finishLogin(callback, pending);
    const logout = bankid.logoutUrl(identity.idToken, 'http://127.0.0.1:3999/');
    expect(logout?.origin).toBe(new URL(sim.issuer).origin);
    expect(logout?.searchParams.get('id_token_hint')).toBe(identity.idToken);
    // The broker knows the session and answers with its sign-out confirmation.
    const page = await fetch(logout!);
    expect(page.status).toBe(200);
  });

  it('refuses a tampered or expired token at the API', async () => {
    const good = await portal.issue(PERSONAS.maria.personnummer);
    const [h, p, s] = good.split('.') as [string, string, string];
    const payload = JSON.parse(Buffer.from(p, 'base64url').toString());
    const tampered = `${h}.${Buffer.from(JSON.stringify({ ...payload, personnummer: PERSONAS.elsa.personnummer })).toString('base64url')}.${s}`;
    expect((await viewer(tampered)).status).toBe(401);
    const expiredKey = await generateSigningKey('portal-e2e');
    const expired = await createApiTokenIssuer({
      key: expiredKey,
      issuer: 'spindeln-portal',
      audience: 'spindeln-api',
    }).issue(PERSONAS.maria.personnummer);
    // Signed by a key the API does not trust (same kid, other key): refused like an expired one.
    expect((await viewer(expired)).status).toBe(401);
    expect((await viewer(good)).status).toBe(200);
  });
});

describe('claim presets', () => {
  for (const preset of Object.keys(CLAIM_PRESETS) as ClaimPreset[]) {
    it(`reads the personnummer from the ${preset} claim when the simulator sends it there`, async () => {
      const { sim, issuer } = await startSimulator(preset);
      try {
        const client = await BankIdClient.create(clientConfig(issuer, CLAIM_PRESETS[preset]));
        const { url, pending } = await client.startLogin();
        const callback = await new LoginDriver(CALLBACK).login(url, { personnummer: PERSONAS.elsa.personnummer });
        expect((await client.finishLogin(callback, pending)).personnummer).toBe(PERSONAS.elsa.personnummer);
        // The same simulator, read with another preset's claim: no personnummer.
        const other = preset === 'ssn' ? CLAIM_PRESETS.nin : CLAIM_PRESETS.ssn;
        const mismatched = await BankIdClient.create(clientConfig(issuer, other));
        const second = await mismatched.startLogin();
        const cb2 = await new LoginDriver(CALLBACK).login(second.url, { personnummer: PERSONAS.elsa.personnummer });
        expect(await refusedWith(mismatched.finishLogin(cb2, second.pending))).toBe('no_personnummer');
      } finally {
        await sim.stop();
      }
    });
  }
});
