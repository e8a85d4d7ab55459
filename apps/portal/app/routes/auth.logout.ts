import type { ActionFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { bankidClient } from '../lib/auth.server';
import { env } from '../lib/env.server';
import { requireForm } from '../lib/guard.server';
import { endSession } from '../lib/session.server';

/** Ends the session here (the row is deleted: a copied cookie is worthless), then at the broker. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { session } = await requireForm(request, context);
  const idToken = session.get('idToken');
  const headers = { 'set-cookie': await endSession(session, context) };
  // The broker knows this exact address (registered as the post-logout address).
  const atBroker = idToken
    ? await bankidClient()
        .then((b) => b.logoutUrl(idToken, `${env().origin}/`))
        .catch(() => null)
    : null;
  return redirect(atBroker?.toString() ?? '/?utloggad=ja', { headers });
}

export const loader = () => redirect('/');
