/**
 * BankID login through an OpenID Connect broker: the one small API the portal uses, over
 * openid-client. Start a login (Authorization Code with PKCE S256, state and nonce), finish it (every
 * check, then the personnummer from the broker's claim), log out. People are keyed on the
 * personnummer, never on `sub`, which differs per broker.
 */
import { parsePersonnummer } from '@spindeln/personnummer';
import * as oidc from 'openid-client';

/** Where each broker puts the personnummer. */
export const CLAIM_PRESETS = {
  /** Idura (formerly Criipto). */
  ssn: 'ssn',
  /** Signicat. */
  nin: 'nin',
  /** The Swedish OIDC profile (Sweden Connect). */
  'oidc-se': 'https://id.oidc.se/claim/personalIdentityNumber',
} as const;
export type ClaimPreset = keyof typeof CLAIM_PRESETS;

/** BankID's authentication methods as brokers name them (acr values). */
export const BANKID_ACR = {
  sameDevice: 'urn:grn:authn:se:bankid:same-device',
  otherDevice: 'urn:grn:authn:se:bankid:another-device',
} as const;

export interface BankIdConfig {
  issuer: URL;
  clientId: string;
  /** client_secret_post, or a private key for private_key_jwt. */
  clientSecret?: string;
  privateKeyJwk?: oidc.JWK;
  redirectUri: string;
  /** Accepted `acr` values; the returned `acr` must be one of them. */
  acrValues: string[];
  /** The claim that carries the personnummer (a preset's claim, or any claim name). */
  personnummerClaim: string;
  scope?: string;
  /** Only for the local simulator over plain http. */
  allowInsecureRequests?: boolean;
}

export type BankIdErrorCode =
  | 'cancelled'
  | 'expired'
  | 'wrong_state'
  | 'wrong_nonce'
  | 'wrong_acr'
  | 'no_personnummer'
  | 'invalid_personnummer'
  | 'rejected'
  | 'provider_error'
  | 'config';

const MESSAGES: Record<BankIdErrorCode, string> = {
  cancelled: 'The login was cancelled',
  expired: 'The login took too long and expired',
  wrong_state: 'The login response does not belong to this login (state)',
  wrong_nonce: 'The identity token does not belong to this login (nonce)',
  wrong_acr: 'The login method is weaker than the one asked for',
  no_personnummer: 'The identity provider gave no personnummer',
  invalid_personnummer: 'The identity provider gave an invalid personnummer',
  rejected: 'The identity provider refused the login response (code, PKCE or token)',
  provider_error: 'The identity provider reported an error',
  config: 'BankID login is not configured correctly',
};

export class BankIdError extends Error {
  override name = 'BankIdError';
  constructor(
    readonly code: BankIdErrorCode,
    readonly detail?: string,
  ) {
    super(MESSAGES[code]);
  }
}

/** What must survive between start and finish: keep it server-side or in a short-lived signed cookie. */
export interface PendingLogin {
  codeVerifier: string;
  state: string;
  nonce: string;
  acrValues: string[];
  startedAt: number;
}

export interface BankIdIdentity {
  personnummer: string;
  givenName: string | null;
  familyName: string | null;
  acr: string;
  /** Kept for logout (id_token_hint), never as the key of a person. */
  idToken: string;
}

/** A pending login older than this is refused: a BankID order itself lives for minutes. */
export const LOGIN_MAX_AGE_MS = 10 * 60 * 1000;

/** Reads the configuration from environment variables (BANKID_*). */
export function configFromEnv(env: NodeJS.ProcessEnv = process.env): BankIdConfig {
  const missing = ['BANKID_ISSUER', 'BANKID_CLIENT_ID', 'BANKID_REDIRECT_URI'].filter((k) => !env[k]);
  if (missing.length) throw new BankIdError('config', `missing ${missing.join(', ')}`);
  if (!env.BANKID_CLIENT_SECRET && !env.BANKID_PRIVATE_KEY_JWK) {
    throw new BankIdError('config', 'set BANKID_CLIENT_SECRET or BANKID_PRIVATE_KEY_JWK');
  }
  const preset = env.BANKID_CLAIM ?? 'ssn';
  const claim = preset in CLAIM_PRESETS ? CLAIM_PRESETS[preset as ClaimPreset] : preset;
  return {
    issuer: new URL(env.BANKID_ISSUER!),
    clientId: env.BANKID_CLIENT_ID!,
    clientSecret: env.BANKID_CLIENT_SECRET,
    privateKeyJwk: env.BANKID_PRIVATE_KEY_JWK ? (JSON.parse(env.BANKID_PRIVATE_KEY_JWK) as oidc.JWK) : undefined,
    redirectUri: env.BANKID_REDIRECT_URI!,
    acrValues: (env.BANKID_ACR_VALUES ?? `${BANKID_ACR.sameDevice} ${BANKID_ACR.otherDevice}`)
      .split(/\s+/)
      .filter(Boolean),
    personnummerClaim: claim,
    allowInsecureRequests: env.BANKID_ALLOW_INSECURE === 'true',
  };
}

export class BankIdClient {
  private constructor(
    private readonly oidcConfig: oidc.Configuration,
    readonly config: BankIdConfig,
  ) {}

  /** Discovers the broker's endpoints and keys. */
  static async create(config: BankIdConfig): Promise<BankIdClient> {
    let auth: oidc.ClientAuth;
    if (config.privateKeyJwk) {
      const key = await crypto.subtle.importKey(
        'jwk',
        config.privateKeyJwk as never,
        { name: 'ECDSA', namedCurve: 'P-256' },
        false,
        ['sign'],
      );
      auth = oidc.PrivateKeyJwt({ key, kid: config.privateKeyJwk.kid } as oidc.PrivateKey);
    } else {
      auth = oidc.ClientSecretPost(config.clientSecret);
    }
    const oidcConfig = await oidc.discovery(
      config.issuer,
      config.clientId,
      { redirect_uris: [config.redirectUri], response_types: ['code'] },
      auth,
      config.allowInsecureRequests ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    return new BankIdClient(oidcConfig, config);
  }

  /** Begins a login: the URL to send the browser to, and what to keep until the callback. */
  async startLogin(
    options: { acrValues?: string[]; loginHint?: string } = {},
  ): Promise<{ url: URL; pending: PendingLogin }> {
    const acrValues = options.acrValues ?? this.config.acrValues;
    const codeVerifier = oidc.randomPKCECodeVerifier();
    const pending: PendingLogin = {
      codeVerifier,
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      acrValues,
      startedAt: Date.now(),
    };
    const params: Record<string, string> = {
      redirect_uri: this.config.redirectUri,
      scope: this.config.scope ?? 'openid profile',
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
      acr_values: acrValues.join(' '),
      // Always a fresh BankID identification: never a silent login from an earlier session on a
      // shared computer.
      prompt: 'login',
    };
    if (options.loginHint) params.login_hint = options.loginHint;
    return { url: oidc.buildAuthorizationUrl(this.oidcConfig, params), pending };
  }

  /**
   * Finishes a login from the callback URL: state, then the broker's own errors (cancel, timeout),
   * then the code exchange with the PKCE verifier, the ID token's issuer, audience, expiry and nonce,
   * the returned acr, and the personnummer.
   */
  async finishLogin(callbackUrl: URL | string, pending: PendingLogin | null | undefined): Promise<BankIdIdentity> {
    const url = new URL(callbackUrl);
    if (!pending || url.searchParams.get('state') !== pending.state) throw new BankIdError('wrong_state');
    if (Date.now() - pending.startedAt > LOGIN_MAX_AGE_MS) throw new BankIdError('expired');
    const error = url.searchParams.get('error');
    if (error) throw brokerError(error, url.searchParams.get('error_description'));

    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      tokens = await oidc.authorizationCodeGrant(this.oidcConfig, url, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
    } catch (e) {
      throw grantError(e);
    }
    const claims = tokens.claims();
    if (!claims || !tokens.id_token) throw new BankIdError('rejected', 'no ID token');
    const acr = typeof claims.acr === 'string' ? claims.acr : '';
    if (!pending.acrValues.includes(acr)) throw new BankIdError('wrong_acr', acr || 'none');
    const raw = claims[this.config.personnummerClaim];
    if (raw === undefined || raw === null || raw === '') throw new BankIdError('no_personnummer');
    const parsed = typeof raw === 'string' ? parsePersonnummer(raw) : null;
    if (!parsed?.ok) throw new BankIdError('invalid_personnummer');
    return {
      personnummer: parsed.value,
      givenName: typeof claims.given_name === 'string' ? claims.given_name : null,
      familyName: typeof claims.family_name === 'string' ? claims.family_name : null,
      acr,
      idToken: tokens.id_token,
    };
  }

  /** Where to send the browser to log out at the broker, if it supports it. */
  logoutUrl(idToken: string, postLogoutRedirectUri: string): URL | null {
    try {
      return oidc.buildEndSessionUrl(this.oidcConfig, {
        id_token_hint: idToken,
        post_logout_redirect_uri: postLogoutRedirectUri,
      });
    } catch {
      return null;
    }
  }
}

/** Brokers report a cancelled or timed-out BankID order as access_denied with a description. */
function brokerError(error: string, description: string | null): BankIdError {
  const text = `${error} ${description ?? ''}`.toLowerCase();
  if (/cancel/.test(text)) return new BankIdError('cancelled', description ?? error);
  if (/expire|timeout|timed out/.test(text)) return new BankIdError('expired', description ?? error);
  return new BankIdError('provider_error', description ?? error);
}

/** The claim a failed ID token comparison was about, wherever openid-client nested it. */
function failedClaim(e: unknown): string | null {
  for (let cause = e, depth = 0; cause && depth < 5; depth++) {
    const claim = (cause as { claim?: unknown }).claim;
    if (typeof claim === 'string') return claim;
    cause = (cause as { cause?: unknown }).cause;
  }
  return null;
}

function grantError(e: unknown): BankIdError {
  if (e instanceof BankIdError) return e;
  const message = e instanceof Error ? e.message : String(e);
  const claim = failedClaim(e);
  if (claim === 'nonce') return new BankIdError('wrong_nonce', message);
  if (claim === 'state' || /"state"/.test(message)) return new BankIdError('wrong_state', message);
  // invalid_grant (a replayed code, a wrong PKCE verifier) and any other refusal of the response.
  return new BankIdError('rejected', message);
}
