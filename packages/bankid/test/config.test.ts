import { describe, expect, it } from 'vitest';
import { BankIdError, CLAIM_PRESETS, configFromEnv } from '../src/index';

const base = {
  BANKID_ISSUER: 'https://example.idura.broker',
  BANKID_CLIENT_ID: 'urn:my:client',
  BANKID_CLIENT_SECRET: 'secret',
  BANKID_REDIRECT_URI: 'https://portal.example/auth/callback',
};

describe('configFromEnv', () => {
  it('maps each preset to its broker’s claim, and takes any other claim name as is', () => {
    expect(configFromEnv({ ...base, BANKID_CLAIM: 'ssn' }).personnummerClaim).toBe('ssn');
    expect(configFromEnv({ ...base, BANKID_CLAIM: 'nin' }).personnummerClaim).toBe('nin');
    expect(configFromEnv({ ...base, BANKID_CLAIM: 'oidc-se' }).personnummerClaim).toBe(CLAIM_PRESETS['oidc-se']);
    expect(configFromEnv({ ...base, BANKID_CLAIM: 'custom_pnr' }).personnummerClaim).toBe('custom_pnr');
  });

  it('asks for BankID’s two methods by default', () => {
    expect(configFromEnv(base).acrValues).toEqual([
      'urn:grn:authn:se:bankid:same-device',
      'urn:grn:authn:se:bankid:another-device',
    ]);
  });

  it('names what is missing', () => {
    expect(() => configFromEnv({ BANKID_ISSUER: 'https://x' })).toThrow(BankIdError);
    try {
      configFromEnv({ ...base, BANKID_CLIENT_SECRET: undefined });
    } catch (e) {
      expect((e as BankIdError).detail).toMatch(/BANKID_CLIENT_SECRET or BANKID_PRIVATE_KEY_JWK/);
    }
  });
});
