import { importJWK, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createApiTokenIssuer,
  createTokenVerifier,
  generateSigningKey,
  keysFromPublicJwks,
  MAX_TOKEN_AGE_SECONDS,
  mintAccessToken,
  REMEMBER_VERIFIED_MS,
  type TokenError,
} from '../src/index';

const reason = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: TokenError) => e.reason,
  );

describe('tokens for the API', () => {
  it('verify when signed by the trusted key for the right issuer and audience', async () => {
    const issuer = createApiTokenIssuer({ key: await generateSigningKey('k1'), issuer: 'portal', audience: 'api' });
    const verify = createTokenVerifier({ issuer: 'portal', audience: 'api', keys: keysFromPublicJwks(issuer.jwks()) });
    expect(await verify(await issuer.issue('19121212-1212'))).toMatchObject({ personnummer: '191212121212' });
  });

  it('are refused otherwise, with the reason', async () => {
    const trusted = createApiTokenIssuer({ key: await generateSigningKey('k1'), issuer: 'portal', audience: 'api' });
    const verify = createTokenVerifier({ issuer: 'portal', audience: 'api', keys: keysFromPublicJwks(trusted.jwks()) });
    const stranger = createApiTokenIssuer({ key: await generateSigningKey('k1'), issuer: 'portal', audience: 'api' });
    expect(await reason(verify(await stranger.issue('191212121212')))).toBe('invalid');
    expect(await reason(verify('a.b'))).toBe('malformed');
    const key = await generateSigningKey('k1');
    const verifyKey = createTokenVerifier({
      issuer: 'portal',
      audience: 'api',
      keys: keysFromPublicJwks({ keys: [key.publicJwk] }),
    });
    const past = Math.floor(Date.now() / 1000) - 600;
    const expired = await mintAccessToken(key.privateJwk, {
      issuer: 'portal',
      audience: 'api',
      personnummer: '191212121212',
      issuedAt: past,
      lifetime: 60,
    });
    expect(await reason(verifyKey(expired))).toBe('expired');
  });

  it("carry the login's verified names when it gave both, and the verifier returns them", async () => {
    const issuer = createApiTokenIssuer({ key: await generateSigningKey('k1'), issuer: 'portal', audience: 'api' });
    const verify = createTokenVerifier({ issuer: 'portal', audience: 'api', keys: keysFromPublicJwks(issuer.jwks()) });
    const named = await issuer.issue('19121212-1212', { givenName: 'Tolvan', familyName: 'Tolvansson' });
    const [, payload] = named.split('.');
    expect(JSON.parse(Buffer.from(payload!, 'base64url').toString())).toMatchObject({
      given_name: 'Tolvan',
      family_name: 'Tolvansson',
    });
    expect(await verify(named)).toMatchObject({ name: { givenName: 'Tolvan', familyName: 'Tolvansson' } });
    expect((await verify(await issuer.issue('19121212-1212'))).name).toBeNull();
    // Half a name, or an unusable one, is no verified name.
    expect(
      (await verify(await issuer.issue('19121212-1212', { givenName: 'Tolvan', familyName: null }))).name,
    ).toBeNull();
    expect(
      (await verify(await issuer.issue('19121212-1212', { givenName: 'To\u0000lvan', familyName: 'T' }))).name,
    ).toBeNull();
  });

  describe('a verified token is remembered', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    /** A verifier whose key lookups (one per signature check) are counted. */
    async function counted(jwks: Parameters<typeof keysFromPublicJwks>[0]) {
      const keys = keysFromPublicJwks(jwks);
      const checks = { n: 0 };
      const verify = createTokenVerifier({
        issuer: 'portal',
        audience: 'api',
        keys: (...args) => {
          checks.n++;
          return keys(...args);
        },
      });
      return { verify, checks };
    }

    it('for a minute at most: the same token is taken again without a new signature check', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const issuer = createApiTokenIssuer({ key: await generateSigningKey('k1'), issuer: 'portal', audience: 'api' });
      const { verify, checks } = await counted(issuer.jwks());
      const token = await issuer.issue('191212121212', { givenName: 'Tolvan', familyName: 'Tolvansson' });
      const first = await verify(token);
      const again = await verify(token);
      expect(again).toEqual(first);
      expect(checks.n).toBe(1);
      expect(Object.isFrozen(again) && Object.isFrozen(again.name)).toBe(true);
      // Another token for the same person is checked on its own.
      await verify(await issuer.issue('191212121212'));
      expect(checks.n).toBe(2);
      vi.setSystemTime(Date.now() + REMEMBER_VERIFIED_MS + 1);
      expect(await verify(token)).toEqual(first);
      expect(checks.n).toBe(3);
    });

    it('never past its expiry', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const issuer = createApiTokenIssuer({ key: await generateSigningKey('k1'), issuer: 'portal', audience: 'api' });
      const { verify, checks } = await counted(issuer.jwks());
      const token = await issuer.issue('191212121212', null, 10);
      expect(await reason(verify(token))).toBe('accepted');
      vi.setSystemTime(Date.now() + 10_000);
      // Checked again, and refused once past the 5 s of clock tolerance.
      expect(await reason(verify(token))).toBe('accepted');
      expect(checks.n).toBe(2);
      vi.setSystemTime(Date.now() + 6_000);
      expect(await reason(verify(token))).toBe('expired');
      expect(await reason(verify(token))).toBe('expired');
    });

    it('never past its maximum age, whatever its expiry says', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      const key = await generateSigningKey('k1');
      const { verify } = await counted({ keys: [key.publicJwk] });
      const now = Math.floor(Date.now() / 1000);
      // Not one the portal makes (it caps the lifetime), but one a verifier must judge by its age.
      const token = await new SignJWT({ personnummer: '191212121212' })
        .setProtectedHeader({ alg: 'ES256', kid: 'k1', typ: 'at+jwt' })
        .setIssuer('portal')
        .setAudience('api')
        .setIssuedAt(now - MAX_TOKEN_AGE_SECONDS + 10)
        .setExpirationTime(now + 3600)
        .sign(await importJWK(key.privateJwk, 'ES256'));
      expect(await reason(verify(token))).toBe('accepted');
      // Past the maximum age and the 5 s of clock tolerance, well within the minute.
      vi.setSystemTime(Date.now() + 20_000);
      expect(await reason(verify(token))).toBe('expired');
    });

    it('but a refused one is not', async () => {
      const trusted = createApiTokenIssuer({ key: await generateSigningKey('k1'), issuer: 'portal', audience: 'api' });
      const stranger = createApiTokenIssuer({ key: await generateSigningKey('k1'), issuer: 'portal', audience: 'api' });
      const { verify, checks } = await counted(trusted.jwks());
      const token = await stranger.issue('191212121212');
      expect(await reason(verify(token))).toBe('invalid');
      expect(await reason(verify(token))).toBe('invalid');
      expect(checks.n).toBe(2);
    });
  });
});
