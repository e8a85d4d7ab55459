import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOrCreateDevSigningKey, type SigningKey } from '@spindeln/api-token';
import { type BankIdConfig, configFromEnv } from '@spindeln/bankid';
import { z } from 'zod';

/** The repository root, where `.data/` lives (this file is apps/portal/app/lib, or the build's folder). */
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');

const port = z.coerce.number().int().min(1).max(65535);
const DEV_SESSION_SECRET = 'spindeln-portal-development-session-secret';

const schema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORTAL_HOST: z.string().min(1).default('127.0.0.1'),
    PORTAL_PORT: port.default(3000),
    /** The address people use; the callback and logout addresses are built from it. */
    PORTAL_ORIGIN: z.string().url().optional(),
    API_URL: z.string().url().default('http://127.0.0.1:4000'),
    /** The portal's own tables (sessions). Development: the embedded server's superuser, see README. */
    PORTAL_DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
    EMBEDDED_PG_PORT: port.default(54329),
    SESSION_SECRET: z.string().min(32, 'at least 32 characters').default(DEV_SESSION_SECRET),
    AUTH_ISSUER: z.string().min(1).default('spindeln-dev'),
    AUTH_AUDIENCE: z.string().min(1).default('spindeln-api'),
    /** The private and public JWK the portal signs API tokens with ({"privateJwk":…,"publicJwk":…}). */
    PORTAL_SIGNING_KEY: z.string().optional(),
    DATA_DIR: z.string().min(1).default(path.join(REPO_ROOT, '.data')),
    BANKID_ISSUER: z.string().url().default('http://127.0.0.1:4100'),
    BANKID_CLIENT_ID: z.string().min(1).default('spindeln-portal'),
    BANKID_CLIENT_SECRET: z.string().optional(),
    BANKID_PRIVATE_KEY_JWK: z.string().optional(),
    BANKID_REDIRECT_URI: z.string().url().optional(),
    BANKID_ACR_VALUES: z.string().optional(),
    BANKID_CLAIM: z.string().optional(),
    BANKID_ALLOW_INSECURE: z.enum(['true', 'false']).optional(),
    /** Minutes without activity before the session ends. */
    SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(120).default(20),
    SESSION_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(12),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    const need = (key: keyof typeof env, why: string) => {
      if (!env[key])
        ctx.addIssue({ code: 'custom', path: [key], message: `required when NODE_ENV=production: ${why}` });
    };
    need('PORTAL_DATABASE_URL', 'the portal’s own database');
    need('PORTAL_ORIGIN', 'the public https address');
    need('PORTAL_SIGNING_KEY', 'the development key is not for production');
    if (env.SESSION_SECRET === DEV_SESSION_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['SESSION_SECRET'], message: 'set a secret of your own in production' });
    }
    if (env.BANKID_ALLOW_INSECURE === 'true') {
      ctx.addIssue({ code: 'custom', path: ['BANKID_ALLOW_INSECURE'], message: 'not allowed in production' });
    }
  });

export interface PortalEnv {
  production: boolean;
  host: string;
  port: number;
  origin: string;
  apiUrl: string;
  databaseUrl: string;
  /** True when the database URL is the development default (the database may be created). */
  databaseIsDevDefault: boolean;
  sessionSecret: string;
  sessionIdleMs: number;
  sessionMaxMs: number;
  tokenIssuer: string;
  tokenAudience: string;
  signingKey: () => Promise<SigningKey>;
  bankid: BankIdConfig;
}

export class PortalConfigError extends Error {
  override name = 'PortalConfigError';
}

/** Reads and checks the environment; a missing or wrong variable stops start-up with its name. */
export function parseEnv(source: Record<string, string | undefined> = process.env): PortalEnv {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.') || '(env)'}: ${i.message}`);
    throw new PortalConfigError(`Invalid portal configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  const production = env.NODE_ENV === 'production';
  const origin = (env.PORTAL_ORIGIN ?? `http://${env.PORTAL_HOST}:${env.PORTAL_PORT}`).replace(/\/$/, '');
  let bankid: BankIdConfig;
  try {
    bankid = configFromEnv({
      BANKID_ISSUER: env.BANKID_ISSUER,
      BANKID_CLIENT_ID: env.BANKID_CLIENT_ID,
      // The simulator's development secret; a real broker's secret or key comes from the environment.
      BANKID_CLIENT_SECRET: env.BANKID_CLIENT_SECRET ?? (production ? undefined : 'spindeln-portal-development-secret'),
      BANKID_PRIVATE_KEY_JWK: env.BANKID_PRIVATE_KEY_JWK,
      BANKID_REDIRECT_URI: env.BANKID_REDIRECT_URI ?? `${origin}/auth/callback`,
      BANKID_ACR_VALUES: env.BANKID_ACR_VALUES,
      BANKID_CLAIM: env.BANKID_CLAIM,
      BANKID_ALLOW_INSECURE: env.BANKID_ALLOW_INSECURE ?? (production ? 'false' : 'true'),
      NODE_ENV: env.NODE_ENV,
    } as NodeJS.ProcessEnv);
  } catch (error) {
    throw new PortalConfigError(`Invalid portal configuration:\n  BANKID: ${(error as Error).message}`);
  }
  const devDatabase = `postgres://postgres:spindeln-dev@127.0.0.1:${env.EMBEDDED_PG_PORT}/spindeln_portal`;
  const signingKeyJson = env.PORTAL_SIGNING_KEY;
  return {
    production,
    host: env.PORTAL_HOST,
    port: env.PORTAL_PORT,
    origin,
    apiUrl: env.API_URL.replace(/\/$/, ''),
    databaseUrl: env.PORTAL_DATABASE_URL ?? devDatabase,
    databaseIsDevDefault: !env.PORTAL_DATABASE_URL,
    sessionSecret: env.SESSION_SECRET,
    sessionIdleMs: env.SESSION_IDLE_MINUTES * 60_000,
    sessionMaxMs: env.SESSION_MAX_HOURS * 3_600_000,
    tokenIssuer: env.AUTH_ISSUER,
    tokenAudience: env.AUTH_AUDIENCE,
    signingKey: signingKeyJson
      ? async () => JSON.parse(signingKeyJson) as SigningKey
      : () => loadOrCreateDevSigningKey(env.DATA_DIR),
    bankid,
  };
}

let cached: PortalEnv | undefined;
/** The environment, checked once per process. */
export function env(): PortalEnv {
  cached ??= parseEnv();
  return cached;
}
