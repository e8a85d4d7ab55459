import {
  createTokenVerifier,
  keysFromJwks,
  keysFromPublicJwks,
  loadOrCreateDevSigningKey,
  type TokenVerifier,
} from '@spindeln/api-token';
import type { Env } from '../config/env';

/** The API's token verifier from configuration: a JWKS URL, a JWKS, or (development) the dev key. */
export async function verifierFromEnv(env: Env): Promise<TokenVerifier> {
  const options = { issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE };
  if (env.AUTH_JWKS_URL) return createTokenVerifier({ ...options, keys: keysFromJwks(env.AUTH_JWKS_URL) });
  if (env.AUTH_PUBLIC_JWKS) {
    return createTokenVerifier({ ...options, keys: keysFromPublicJwks(env.AUTH_PUBLIC_JWKS as never) });
  }
  const dev = await loadOrCreateDevSigningKey(env.DATA_DIR);
  return createTokenVerifier({ ...options, keys: keysFromPublicJwks({ keys: [dev.publicJwk] }) });
}
