/**
 * node --import tsx portal-login.ts <portal url> <personnummer>…
 *
 * The portal's real login for each person, as a browser does it: the portal's /auth/login, the
 * simulator's pages (e2e's LoginDriver), the portal's callback. Prints one `Cookie` header per
 * person. Run by the benchmark with NODE_EXTRA_CA_CERTS set to the simulator's certificate.
 */
import { LoginDriver } from '../../e2e/support/browser-less';

const [portal, ...personnummers] = process.argv.slice(2);
if (!portal) throw new Error('usage: portal-login.ts <portal url> <personnummer>…');

/** One request to the portal with the given cookies; returns the redirect and the cookies it set. */
async function portalGet(url: string, cookies: Map<string, string>) {
  const res = await fetch(url, {
    redirect: 'manual',
    headers: { cookie: [...cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
  });
  const body = await res.text();
  for (const c of res.headers.getSetCookie()) {
    const [pair] = c.split(';');
    const eq = pair!.indexOf('=');
    cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
  }
  return { status: res.status, location: res.headers.get('location'), body };
}

for (const personnummer of personnummers) {
  const cookies = new Map<string, string>();
  const start = await portalGet(`${portal}/auth/login`, cookies);
  if (start.status !== 302 || !start.location)
    throw new Error(`/auth/login answered ${start.status}: ${start.body.slice(0, 500)}`);
  const callback = await new LoginDriver(`${portal}/auth/callback`).login(new URL(start.location), { personnummer });
  const done = await portalGet(callback, cookies);
  if (done.status !== 302 || done.location?.includes('inloggning='))
    throw new Error(`the callback answered ${done.status} → ${done.location}`);
  const session = [...cookies].find(([name]) => name === '__Host-spindeln');
  if (!session) throw new Error(`no session cookie after the login of ${personnummer}`);
  console.log(`${session[0]}=${session[1]}`);
}
