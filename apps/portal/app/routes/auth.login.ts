import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { bankidClient, pendingLoginCookie } from '../lib/auth.server';

/** Starts a BankID login at the broker; PKCE verifier, state and nonce wait in a signed cookie. */
export async function loader(_args: LoaderFunctionArgs) {
  const bankid = await bankidClient();
  const { url, pending } = await bankid.startLogin();
  return redirect(url.toString(), {
    headers: { 'set-cookie': await pendingLoginCookie().serialize(pending), 'cache-control': 'no-store' },
  });
}
