import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { BankIdError, type PendingLogin } from '@spindeln/bankid';
import { callApi } from '../../lib/api.server';
import { bankidClient, pendingLoginCookie } from '../../lib/auth.server';
import { startSession } from '../../lib/session.server';
import { LoginCallback_Viewer } from './operations.server';

/** The broker sends the person back here: every check of the login, then a new session. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const cookie = pendingLoginCookie();
  const pending = ((await cookie.parse(request.headers.get('cookie'))) ?? null) as PendingLogin | null;
  const clear = await cookie.serialize('', { maxAge: 0 });
  let identity: Awaited<ReturnType<Awaited<ReturnType<typeof bankidClient>>['finishLogin']>>;
  try {
    identity = await (await bankidClient()).finishLogin(new URL(request.url), pending);
  } catch (error) {
    const code = error instanceof BankIdError ? error.code : 'failed';
    if (!(error instanceof BankIdError)) console.error(error);
    return redirect(`/?inloggning=${encodeURIComponent(code)}`, { headers: { 'set-cookie': clear } });
  }
  const login = { personnummer: identity.personnummer, givenName: identity.givenName, familyName: identity.familyName };
  // Roles for the menu, and the name as the API knows it.
  const { data } = await callApi(login, LoginCallback_Viewer);
  const viewer = data.viewer;
  const response = await startSession(
    request,
    context,
    {
      ...login,
      givenName: identity.givenName ?? viewer?.givenName ?? null,
      familyName: identity.familyName ?? viewer?.familyName ?? null,
      idToken: identity.idToken,
      isStaff: viewer?.isStaff ?? false,
      isClient: viewer?.isClient ?? false,
      isCoordinator: viewer?.isCoordinator ?? false,
    },
    viewer?.isStaff && !viewer.isClient ? '/inkorg' : '/oversikt',
  );
  response.headers.append('set-cookie', clear);
  return response;
}
