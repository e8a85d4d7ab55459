import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { LOG_LEVELS } from '../shared/log';

/** The repository root, where `.data/` lives. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const port = z.coerce.number().int().min(1).max(65535);
const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL');
const positive = z.coerce.number().int().min(1);
const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** The API's own login: the restricted role (spindeln_api or a member of it). */
    DATABASE_URL: postgresUrl.optional(),
    /** The owner role, for migrations (at start when set, and the db and audit CLIs). */
    MIGRATION_DATABASE_URL: postgresUrl.optional(),
    EMBEDDED_PG_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data/postgres')),
    EMBEDDED_PG_PORT: port.default(54329),
    API_HOST: z.string().min(1).default('127.0.0.1'),
    API_PORT: port.default(4000),
    SEED_DEMO_WHEN_EMPTY: bool.default('true'),
    DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data')),
    AUTH_ISSUER: z.string().min(1).default('spindeln-dev'),
    AUTH_AUDIENCE: z.string().min(1).default('spindeln-api'),
    AUTH_JWKS_URL: z.string().url().optional(),
    AUTH_PUBLIC_JWKS: z
      .string()
      .transform((text, ctx) => {
        try {
          const parsed = JSON.parse(text) as { keys?: unknown };
          if (Array.isArray(parsed.keys)) return parsed as { keys: Record<string, unknown>[] };
        } catch {}
        ctx.addIssue({ code: 'custom', message: 'must be a JSON Web Key Set: {"keys":[...]}' });
        return z.NEVER;
      })
      .optional(),
    /** Adds an x-sql-statements header to GraphQL responses (tests and the benchmark). */
    REPORT_SQL_STATEMENTS: bool.default('false'),
    /**
     * Express's `trust proxy`: which hops may set X-Forwarded-For (e.g. `loopback`, an address, or
     * a hop count). Unset: the client address is the socket's, so a proxy counts as one client.
     */
    TRUST_PROXY: z.string().min(1).optional(),
    /** Requests per fixed window (RATE_LIMIT_WINDOW_SECONDS) per person and per client address. */
    RATE_LIMIT_WINDOW_SECONDS: positive.default(10),
    RATE_LIMIT_PER_PERSON: positive.default(100),
    RATE_LIMIT_PER_ADDRESS: positive.default(1000),
    /** Slow clients: the whole header, the whole request, and an idle kept-alive connection. */
    HTTP_HEADERS_TIMEOUT_MS: positive.default(10_000),
    HTTP_REQUEST_TIMEOUT_MS: positive.default(15_000),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: positive.default(5_000),
    /** A new database connection, or a free one from the pool, within this; else a 503. */
    DB_CONNECT_TIMEOUT_MS: positive.default(2_000),
    /** A statement within this (the server cancels it; the client gives up a second later). */
    DB_QUERY_TIMEOUT_MS: positive.default(5_000),
    /** /health answers within this even when the database does not. */
    HEALTH_TIMEOUT_MS: positive.default(800),
    /** Read by shared/log.ts; checked here so a typo stops the start instead of being ignored. */
    LOG_LEVEL: z.enum(LOG_LEVELS).optional(),
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
  })
  .refine((env) => env.HTTP_HEADERS_TIMEOUT_MS <= env.HTTP_REQUEST_TIMEOUT_MS, {
    message: 'must not be longer than HTTP_REQUEST_TIMEOUT_MS',
    path: ['HTTP_HEADERS_TIMEOUT_MS'],
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.DATABASE_URL, {
    message: 'DATABASE_URL is required when NODE_ENV=production (the embedded server is for development)',
    path: ['DATABASE_URL'],
  })
  .refine((env) => !env.MIGRATION_DATABASE_URL || env.DATABASE_URL, {
    message: 'MIGRATION_DATABASE_URL needs DATABASE_URL too (the API never connects as the owner)',
    path: ['MIGRATION_DATABASE_URL'],
  })
  .refine((env) => !env.MIGRATION_DATABASE_URL || env.MIGRATION_DATABASE_URL !== env.DATABASE_URL, {
    message: 'MIGRATION_DATABASE_URL must be another role than DATABASE_URL (the owner, not the API role)',
    path: ['MIGRATION_DATABASE_URL'],
  })
  .refine((env) => env.NODE_ENV !== 'production' || env.AUTH_JWKS_URL || env.AUTH_PUBLIC_JWKS, {
    message:
      'AUTH_JWKS_URL or AUTH_PUBLIC_JWKS is required when NODE_ENV=production (the development key is not for production)',
    path: ['AUTH_JWKS_URL'],
  });

export type Env = z.infer<typeof schema>;

/** Reads and checks the environment once; a missing or wrong variable stops start-up with its name. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // Empty strings count as unset, as in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}
