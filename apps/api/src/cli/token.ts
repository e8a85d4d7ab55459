import { loadOrCreateDevSigningKey, MAX_TOKEN_AGE_SECONDS, mintAccessToken } from '@spindeln/api-token';
import { PERSONAS } from '@spindeln/demo-personas';
import { parsePersonnummer } from '@spindeln/personnummer';
import { ConfigError, loadEnv } from '../config/env';
import { complain, say } from '../shared/terminal';

/**
 * Development only: prints a bearer token for a personnummer, signed with the development key the
 * API trusts when no AUTH_JWKS_URL or AUTH_PUBLIC_JWKS is set. Usage: npm run token -- 19380412-9827
 * A demo persona's token carries the persona's names, as a BankID login's would.
 */
async function main() {
  const env = loadEnv();
  if (env.NODE_ENV === 'production' || env.AUTH_JWKS_URL || env.AUTH_PUBLIC_JWKS) {
    throw new ConfigError(
      'development tokens are only for the development key (no AUTH_JWKS_URL/AUTH_PUBLIC_JWKS, not production)',
    );
  }
  const parsed = parsePersonnummer(process.argv[2] ?? '');
  if (!parsed.ok) throw new ConfigError(`usage: npm run token -- <personnummer> (${parsed.message})`);
  const key = await loadOrCreateDevSigningKey(env.DATA_DIR);
  const persona = Object.values(PERSONAS).find((p) => p.personnummer === parsed.value);
  const token = await mintAccessToken(key.privateJwk, {
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    personnummer: parsed.value,
    givenName: persona?.givenName,
    familyName: persona?.familyName,
    lifetime: MAX_TOKEN_AGE_SECONDS,
  });
  say(token);
}

main().catch((error: unknown) => {
  complain(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
