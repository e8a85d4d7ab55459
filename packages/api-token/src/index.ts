import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parsePersonnummer } from '@spindeln/personnummer';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTVerifyGetKey,
  jwtVerify,
  SignJWT,
} from 'jose';

/**
 * The API accepts only bearer tokens it verifies itself: signature (ES256) against configured keys
 * or a JWKS, issuer, audience, expiry and a short maximum age. The token carries a personnummer and,
 * when the login gave them, the person's verified names (OIDC `given_name`/`family_name`); roles and
 * consent always come from the database.
 */

export const TOKEN_ALGORITHM = 'ES256';
/** The claim that carries the personnummer in tokens for this API. */
export const PERSONNUMMER_CLAIM = 'personnummer';
/** The OIDC standard claims for the verified names a login gave. */
export const GIVEN_NAME_CLAIM = 'given_name';
export const FAMILY_NAME_CLAIM = 'family_name';
/** Longest name accepted from a token (the database allows 100 characters). */
export const MAX_NAME_LENGTH = 100;
/** Tokens for the API are short-lived; anything older is refused whatever its `exp` says. */
export const MAX_TOKEN_AGE_SECONDS = 15 * 60;

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
}

export type TokenFailure = 'malformed' | 'invalid' | 'expired' | 'no_personnummer';

export class TokenError extends Error {
  override name = 'TokenError';
  constructor(readonly reason: TokenFailure) {
    super(`access token refused: ${reason}`);
  }
}

/** A person's names as a verified login (BankID) gave them. */
export interface VerifiedName {
  givenName: string;
  familyName: string;
}

export interface VerifiedIdentity {
  personnummer: string;
  /** Both names from the login, or null when the token carries none (or not both, or unusable ones). */
  name: VerifiedName | null;
  tokenId: string | null;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A usable name: a trimmed, non-empty string of at most MAX_NAME_LENGTH, without control characters. */
function usableName(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME_LENGTH) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is refused
  if (/[\u0000-\u001f\u007f-\u009f]/.test(trimmed) || LONE_SURROGATE.test(trimmed)) return null;
  return trimmed;
}

/** Both names or none: half a name is not a verified name. */
export function verifiedNameOf(name: { givenName?: unknown; familyName?: unknown } | null | undefined) {
  const givenName = usableName(name?.givenName);
  const familyName = usableName(name?.familyName);
  return givenName && familyName ? { givenName, familyName } : null;
}

export type TokenVerifier = (token: string) => Promise<VerifiedIdentity>;

/** How long a verified token is taken again without a new signature check, at most. */
export const REMEMBER_VERIFIED_MS = 60_000;
/** Verified tokens a verifier keeps; the oldest goes first. */
const MAX_REMEMBERED = 10_000;

/**
 * Verifies a token, and remembers one that passed for up to a minute (never past its expiry or its
 * maximum age): the portal reuses a token for a minute, so most requests bring one seen before, and
 * the signature check is the dearest part. A refused token is not remembered. A token already
 * checked is taken for up to a minute after its key left the trusted set (see decision 0003).
 */
export function createTokenVerifier(options: TokenVerifierOptions): TokenVerifier {
  const remembered = new Map<string, { identity: VerifiedIdentity; until: number }>();
  return async (token) => {
    const now = Date.now();
    const hit = remembered.get(token);
    if (hit) {
      if (hit.until > now) return hit.identity;
      remembered.delete(token);
    }
    const { identity, exp, iat } = await verifyToken(options, token);
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string);
    remembered.set(token, {
      identity,
      until: Math.min(now + REMEMBER_VERIFIED_MS, exp * 1000, (iat + MAX_TOKEN_AGE_SECONDS) * 1000),
    });
    return identity;
  };
}

async function verifyToken(
  options: TokenVerifierOptions,
  token: string,
): Promise<{ identity: VerifiedIdentity; exp: number; iat: number }> {
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token) || token.length > 4096) throw new TokenError('malformed');
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, options.keys, {
      issuer: options.issuer,
      audience: options.audience,
      algorithms: [TOKEN_ALGORITHM],
      // Only tokens minted for this API: an ID token for the same audience is not one.
      typ: 'at+jwt',
      maxTokenAge: MAX_TOKEN_AGE_SECONDS,
      requiredClaims: ['exp', 'iat'],
      clockTolerance: 5,
    }));
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new TokenError(code === 'ERR_JWT_EXPIRED' ? 'expired' : 'invalid');
  }
  const claim = payload[PERSONNUMMER_CLAIM];
  const parsed = typeof claim === 'string' ? parsePersonnummer(claim) : null;
  if (!parsed?.ok) throw new TokenError('no_personnummer');
  const name = verifiedNameOf({ givenName: payload[GIVEN_NAME_CLAIM], familyName: payload[FAMILY_NAME_CLAIM] });
  return {
    // Shared by every request that brings this token while it is remembered: nobody may change it.
    identity: Object.freeze({
      personnummer: parsed.value,
      name: name && Object.freeze(name),
      tokenId: typeof payload.jti === 'string' ? payload.jti : null,
    }),
    // Both required and checked as numbers by jwtVerify.
    exp: payload.exp as number,
    iat: payload.iat as number,
  };
}

export function keysFromJwks(url: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(url));
}

export function keysFromPublicJwks(jwks: { keys: JWK[] }): JWTVerifyGetKey {
  return createLocalJWKSet(jwks);
}

export interface SigningKey {
  privateJwk: JWK;
  publicJwk: JWK;
}

export async function generateSigningKey(kid: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair(TOKEN_ALGORITHM, { extractable: true });
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: TOKEN_ALGORITHM, use: 'sig' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: TOKEN_ALGORITHM, use: 'sig' };
  return { privateJwk, publicJwk };
}

/**
 * The development signing key, made on first use and kept in the git-ignored data folder. Only for
 * development and the demo: production verifies against AUTH_JWKS_URL or AUTH_PUBLIC_JWKS.
 */
export async function loadOrCreateDevSigningKey(dataDir: string): Promise<SigningKey> {
  const file = path.join(dataDir, 'dev-signing-key.json');
  try {
    return JSON.parse(await readFile(file, 'utf8')) as SigningKey;
  } catch {
    const key = await generateSigningKey(`dev-${Date.now().toString(36)}`);
    await mkdir(dataDir, { recursive: true });
    await writeFile(file, JSON.stringify(key, null, 2), { mode: 0o600 });
    return key;
  }
}

export interface MintOptions {
  issuer: string;
  audience: string;
  personnummer: string;
  /** The verified names from the login; left out of the token unless both are usable. */
  givenName?: string | null;
  familyName?: string | null;
  /** Seconds; at most MAX_TOKEN_AGE_SECONDS. */
  lifetime?: number;
  /** For tests of refusal: issue in the past. */
  issuedAt?: number;
}

type ImportedKey = Awaited<ReturnType<typeof importJWK>>;

/**
 * Signs a short-lived token for the API's audience after a verified login. `imported`: the same key
 * already imported, for a caller that signs many.
 */
export async function mintAccessToken(key: JWK, options: MintOptions, imported?: ImportedKey): Promise<string> {
  const now = options.issuedAt ?? Math.floor(Date.now() / 1000);
  const lifetime = Math.min(options.lifetime ?? 5 * 60, MAX_TOKEN_AGE_SECONDS);
  const name = verifiedNameOf(options);
  const claims: Record<string, string> = { [PERSONNUMMER_CLAIM]: options.personnummer };
  if (name) Object.assign(claims, { [GIVEN_NAME_CLAIM]: name.givenName, [FAMILY_NAME_CLAIM]: name.familyName });
  return new SignJWT(claims)
    .setProtectedHeader({ alg: TOKEN_ALGORITHM, kid: key.kid, typ: 'at+jwt' })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setIssuedAt(now)
    .setExpirationTime(now + lifetime)
    .setJti(crypto.randomUUID())
    .sign(imported ?? (await importJWK(key, TOKEN_ALGORITHM)));
}

/**
 * The portal's half of the trust: after a verified BankID login, sign a short-lived token for the
 * API's audience. The API verifies it with the portal's public key (its JWKS).
 */
export function createApiTokenIssuer(options: { key: SigningKey; issuer: string; audience: string }) {
  // Imported once: a key import costs about as much as the signature.
  let privateKey: Promise<ImportedKey> | undefined;
  const signingKey = () => (privateKey ??= importJWK(options.key.privateJwk, TOKEN_ALGORITHM));
  return {
    /** `name`: the login's verified names (`BankIdIdentity.givenName/familyName`), when it gave them. */
    issue: (
      personnummer: string,
      name?: { givenName?: string | null; familyName?: string | null } | null,
      lifetime?: number,
    ) =>
      signingKey().then((imported) =>
        mintAccessToken(
          options.key.privateJwk,
          {
            issuer: options.issuer,
            audience: options.audience,
            personnummer,
            givenName: name?.givenName,
            familyName: name?.familyName,
            lifetime,
          },
          imported,
        ),
      ),
    /** What the API is configured with (AUTH_PUBLIC_JWKS) or fetches (AUTH_JWKS_URL). */
    jwks: () => ({ keys: [options.key.publicJwk] }),
  };
}
