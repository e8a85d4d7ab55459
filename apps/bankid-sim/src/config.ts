import { CLAIM_PRESETS, type ClaimPreset } from '@spindeln/bankid';
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  BANKID_SIM_HOST: z.string().min(1).default('127.0.0.1'),
  BANKID_SIM_PORT: z.coerce.number().int().min(0).max(65535).default(4100),
  /** The issuer as clients reach it; defaults to http://host:port. */
  BANKID_SIM_ISSUER: z.string().url().optional(),
  BANKID_SIM_CLAIM: z.enum(Object.keys(CLAIM_PRESETS) as [ClaimPreset, ...ClaimPreset[]]).default('ssn'),
  BANKID_SIM_CLIENT_ID: z.string().min(1).default('spindeln-portal'),
  BANKID_SIM_CLIENT_SECRET: z.string().min(16).default('spindeln-portal-development-secret'),
  BANKID_SIM_REDIRECT_URIS: z.string().min(1).default('http://127.0.0.1:3000/auth/callback'),
  BANKID_SIM_POST_LOGOUT_URIS: z.string().default('http://127.0.0.1:3000/'),
  /** The simulated wait before BankID "answers", in milliseconds. */
  BANKID_SIM_WAIT_MS: z.coerce.number().int().min(0).max(60_000).default(1500),
});

export type SimulatorConfig = z.infer<typeof schema> & { issuer: string; claim: string };

export class SimulatorConfigError extends Error {
  override name = 'SimulatorConfigError';
}

/** Checked once at start; the simulator never runs in production. */
export function loadSimulatorConfig(source: NodeJS.ProcessEnv = process.env): SimulatorConfig {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== ''));
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new SimulatorConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const env = result.data;
  if (env.NODE_ENV === 'production') {
    throw new SimulatorConfigError(
      'The BankID simulator is for development and tests; it refuses to start with NODE_ENV=production.',
    );
  }
  return {
    ...env,
    issuer: env.BANKID_SIM_ISSUER ?? `http://${env.BANKID_SIM_HOST}:${env.BANKID_SIM_PORT}`,
    claim: CLAIM_PRESETS[env.BANKID_SIM_CLAIM],
  };
}
