import { describe, expect, it } from 'vitest';
import { loadSimulatorConfig } from '../src/config';
import { createSimulator } from '../src/simulator';

describe('BankID simulator configuration', () => {
  it('refuses to start in production', () => {
    expect(() => loadSimulatorConfig({ NODE_ENV: 'production' })).toThrow(/refuses to start with NODE_ENV=production/);
  });

  it('names a wrong setting', () => {
    expect(() => loadSimulatorConfig({ BANKID_SIM_CLAIM: 'personnummer' })).toThrow(/BANKID_SIM_CLAIM/);
    expect(() => loadSimulatorConfig({ BANKID_SIM_CLIENT_SECRET: 'short' })).toThrow(/BANKID_SIM_CLIENT_SECRET/);
  });

  it('maps the claim preset to the broker’s claim name', () => {
    expect(loadSimulatorConfig({ BANKID_SIM_CLAIM: 'oidc-se' }).claim).toBe(
      'https://id.oidc.se/claim/personalIdentityNumber',
    );
    expect(loadSimulatorConfig({}).issuer).toBe('http://127.0.0.1:4100');
  });

  it('publishes discovery with PKCE S256 and the BankID acr values', async () => {
    const sim = await createSimulator({
      ...loadSimulatorConfig({ BANKID_SIM_PORT: '0' }),
      issuer: 'http://127.0.0.1:4199',
    });
    const server = await sim.listen(4199, '127.0.0.1');
    try {
      const discovery = (await (
        await fetch('http://127.0.0.1:4199/.well-known/openid-configuration')
      ).json()) as Record<string, string[]>;
      expect(discovery.code_challenge_methods_supported).toEqual(['S256']);
      expect(discovery.acr_values_supported).toContain('urn:grn:authn:se:bankid:same-device');
      expect(discovery.claims_supported).toContain('ssn');
      expect(server.listening).toBe(true);
    } finally {
      await sim.stop();
    }
  });
});
