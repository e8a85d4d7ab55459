import { createCookie, redirect } from '@remix-run/node';
import { isLang, type Lang, translator } from './i18n';
import { csrfMatches, getSession, type PortalSession, type SessionData } from './session.server';

/** The chosen language: a plain cookie, so the start page can be in English too. */
export const langCookie = createCookie('spindeln_lang', { path: '/', sameSite: 'lax', maxAge: 365 * 86_400 });

export async function langOf(request: Request): Promise<Lang> {
  const value = await langCookie.parse(request.headers.get('cookie'));
  return isLang(value) ? value : 'sv';
}

export interface Login {
  session: PortalSession;
  user: Pick<SessionData, 'personnummer' | 'givenName' | 'familyName'>;
  csrf: string;
  lang: Lang;
  t: ReturnType<typeof translator>;
}

/**
 * The guard on the first line of every loader: who is logged in. No session: to the start page
 * (telling the person when the session ran out). Every request counts as activity (the read does it).
 */
export async function requireLogin(request: Request, context: object): Promise<Login> {
  const session = await getSession(request, context);
  const personnummer = session.get('personnummer');
  if (!personnummer) throw redirect(session.id ? '/?utloggad=tid' : '/');
  const lang = await langOf(request);
  return {
    session,
    user: { personnummer, givenName: session.get('givenName') ?? null, familyName: session.get('familyName') ?? null },
    csrf: session.get('csrf') ?? '',
    lang,
    t: translator(lang),
  };
}

/**
 * The guard of every action: a login, then the session's CSRF token in the form. The one place the
 * token is checked; a missing or wrong token is refused before anything is done.
 */
export async function requireForm(request: Request, context: object): Promise<Login & { form: FormData }> {
  const login = await requireLogin(request, context);
  const form = await request.formData();
  if (!csrfMatches(login.csrf, form.get('_csrf'))) {
    throw new Response(login.t('error.forbidden'), {
      status: 403,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    });
  }
  return { ...login, form };
}

/** A same-site path to go back to, never another site. */
export function safeBack(value: unknown, fallback = '/oversikt'): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\')
    ? value
    : fallback;
}
