import { describe, expect, it } from 'vitest';
import {
  createApiTokenIssuer,
  createTokenVerifier,
  generateSigningKey,
  keysFromPublicJwks,
  mintAccessToken,
  type TokenError,
} from '../src/index';

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
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => 'accepted',
        (e: TokenError) => e.reason,
      );
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
});
