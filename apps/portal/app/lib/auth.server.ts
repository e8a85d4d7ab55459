import { createCookie } from '@remix-run/node';
import { createApiTokenIssuer } from '@spindeln/api-token';
import { BankIdClient, type PendingLogin } from '@spindeln/bankid';
import { env } from './env.server';

let bankid: Promise<BankIdClient> | undefined;
/** The broker is discovered on first use; a failed discovery is tried again next time. */
export function bankidClient(): Promise<BankIdClient> {
  bankid ??= BankIdClient.create(env().bankid).catch((error: unknown) => {
    bankid = undefined;
    throw error;
  });
  return bankid;
}

let pending: ReturnType<typeof createCookie> | undefined;
/** PKCE verifier, state and nonce between the start and the callback: signed, ten minutes. */
export function pendingLoginCookie() {
  const e = env();
  pending ??= createCookie(e.production ? '__Host-spindeln-login' : 'spindeln_login', {
    httpOnly: true,
    sameSite: 'lax',
    secure: e.production,
    path: '/',
    maxAge: 600,
    secrets: [e.sessionSecret],
  });
  return pending;
}

export type { PendingLogin };

let issuer: Promise<ReturnType<typeof createApiTokenIssuer>> | undefined;

/**
 * A short-lived token for the API, signed for each call from the login kept in the session.
 * The login's verified names go with it: the API takes a person's own name only from them.
 */
export async function apiToken(login: {
  personnummer: string;
  givenName: string | null;
  familyName: string | null;
}): Promise<string> {
  const e = env();
  issuer ??= e
    .signingKey()
    .then((key) => createApiTokenIssuer({ key, issuer: e.tokenIssuer, audience: e.tokenAudience }));
  return (await issuer).issue(login.personnummer, { givenName: login.givenName, familyName: login.familyName });
}
