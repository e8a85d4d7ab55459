import { describe, expect, it } from 'vitest';
import { PortalConfigError, parseEnv } from '../app/lib/env.server';
import { contentSecurityPolicy, securityHeaders } from '../app/lib/security.server';
import { sessionCookieFor } from '../app/lib/session.server';

const PRODUCTION = {
  NODE_ENV: 'production',
  PORTAL_DATABASE_URL: 'postgres://portal@db/portal',
  PORTAL_ORIGIN: 'https://portal.example.se',
  PORTAL_SIGNING_KEY: '{"privateJwk":{},"publicJwk":{}}',
  SESSION_SECRET: 'a-production-secret-of-more-than-32-characters',
  BANKID_ISSUER: 'https://broker.example.se',
  BANKID_CLIENT_SECRET: 'secret',
};

function headersOf(production: boolean) {
  const headers: Record<string, string> = {};
  const res = {
    locals: {} as Record<string, unknown>,
    setHeader: (k: string, v: string) => (headers[k.toLowerCase()] = v),
  };
  securityHeaders(production, ['https://broker.example.se'])({} as never, res as never, () => {});
  return { headers, nonce: res.locals.nonce as string };
}

describe('security settings', () => {
  it('in production: HSTS, and the session cookie is __Host-, Secure, HttpOnly, SameSite=Lax, path /, no Domain', async () => {
    const env = parseEnv(PRODUCTION);
    expect(env.production).toBe(true);
    const cookie = sessionCookieFor(env);
    expect(cookie.name).toBe('__Host-spindeln');
    const header = await cookie.serialize('some-id');
    expect(header).toMatch(/^__Host-spindeln=/);
    for (const part of ['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']) expect(header).toContain(part);
    expect(header).not.toMatch(/Domain=/i);
    expect(headersOf(true).headers['strict-transport-security']).toMatch(/max-age=\d{8,}/);
    expect(headersOf(false).headers['strict-transport-security']).toBeUndefined();
  });

  it('the CSP allows scripts only with this response’s nonce, never inline; no framing', () => {
    const a = headersOf(true);
    const b = headersOf(true);
    expect(a.nonce).not.toBe(b.nonce);
    const csp = a.headers['content-security-policy']!;
    expect(csp).toContain(`script-src 'self' 'nonce-${a.nonce}'`);
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("form-action 'self' https://broker.example.se");
    expect(a.headers['x-content-type-options']).toBe('nosniff');
    expect(a.headers['referrer-policy']).toBe('same-origin');
    expect(contentSecurityPolicy('n', true, [])).not.toContain('ws:');
  });

  it('refuses to start in production without its own secrets, database and origin', () => {
    for (const missing of ['PORTAL_DATABASE_URL', 'PORTAL_ORIGIN', 'PORTAL_SIGNING_KEY', 'SESSION_SECRET'] as const) {
      const env = { ...PRODUCTION, [missing]: undefined };
      expect(() => parseEnv(env), missing).toThrow(PortalConfigError);
      expect(() => parseEnv(env)).toThrow(missing);
    }
    expect(() => parseEnv({ ...PRODUCTION, BANKID_ALLOW_INSECURE: 'true' })).toThrow('BANKID_ALLOW_INSECURE');
    // Development needs nothing: the simulator, the embedded server and the development key.
    const dev = parseEnv({ EMBEDDED_PG_PORT: '54379' });
    expect(dev.databaseUrl).toBe('postgres://postgres:spindeln-dev@127.0.0.1:54379/spindeln_portal');
    expect(dev.bankid.redirectUri).toBe('http://127.0.0.1:3000/auth/callback');
  });
});
