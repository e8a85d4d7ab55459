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

/** A token lives five minutes (the issuer's default); one is reused for a minute at most. */
const REUSE_MS = 60_000;
/** Logins whose token this process keeps; the oldest goes first. */
const MAX_KEPT = 10_000;
const kept = new Map<string, { token: Promise<string>; until: number }>();

/**
 * A short-lived token for the API from the login kept in the session, reused for up to a minute:
 * a page's requests, and a person's next pages, need no new signature. The login's verified names
 * go with it: the API takes a person's own name only from them. Kept in this process only; another
 * process signs its own.
 */
export function apiToken(login: {
  personnummer: string;
  givenName: string | null;
  familyName: string | null;
}): Promise<string> {
  const key = JSON.stringify([login.personnummer, login.givenName, login.familyName]);
  const now = Date.now();
  const hit = kept.get(key);
  if (hit && hit.until > now) return hit.token;
  const e = env();
  issuer ??= e
    .signingKey()
    .then((key) => createApiTokenIssuer({ key, issuer: e.tokenIssuer, audience: e.tokenAudience }));
  const token = issuer.then((i) =>
    i.issue(login.personnummer, { givenName: login.givenName, familyName: login.familyName }),
  );
  kept.delete(key);
  if (kept.size >= MAX_KEPT) kept.delete(kept.keys().next().value as string);
  kept.set(key, { token, until: now + REUSE_MS });
  // A failed signature is not kept.
  token.catch(() => kept.get(key)?.token === token && kept.delete(key));
  return token;
}
