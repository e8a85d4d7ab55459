import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { langCookie, safeBack } from '../lib/guard.server';
import { isLang } from '../lib/i18n';

/** The language switch: a plain link, so it works without JavaScript. */
export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const to = url.searchParams.get('to');
  const back = safeBack(url.searchParams.get('back'), '/');
  return redirect(back, { headers: isLang(to) ? { 'set-cookie': await langCookie.serialize(to) } : {} });
}
