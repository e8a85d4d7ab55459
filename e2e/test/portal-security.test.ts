import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, newPage, type PortalStack, startPortalStack } from '../support/portal-stack';

/** Sessions, CSRF and headers, through the real browser and over plain HTTP. */
describe('portal security', () => {
  let stack: PortalStack;
  beforeAll(async () => {
    stack = await startPortalStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  const sessionCookie = async (context: import('playwright-core').BrowserContext) =>
    (await context.cookies()).find((c) => c.name === 'spindeln_session');
  const get = (path: string, cookie?: string) =>
    fetch(`${stack.url}${path}`, { redirect: 'manual', headers: cookie ? { cookie } : {} });

  it('sets the headers on every response: a CSP nonce on every script and no inline scripts, no framing', async () => {
    const page = await get('/');
    const html = await page.text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1] ?? /href="(\/assets\/[^"]+)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    const responses = {
      page,
      again: await get('/'),
      redirect: await get('/auth/login'),
      asset: await get(asset!),
      missing: await get('/finns-inte'),
      health: await get('/healthz'),
    };
    expect(responses.redirect.status).toBe(302);
    expect(responses.missing.status).toBe(404);
    const nonces = new Set<string>();
    for (const [name, res] of Object.entries(responses)) {
      const csp = res.headers.get('content-security-policy') ?? '';
      const scriptSrc = /script-src ([^;]+)/.exec(csp)?.[1] ?? '';
      expect(scriptSrc, name).toMatch(/^'self' 'nonce-[A-Za-z0-9+/=]{16,}'$/);
      expect(csp, name).toContain("frame-ancestors 'none'");
      expect(csp, name).toContain("object-src 'none'");
      expect(res.headers.get('referrer-policy'), name).toBe('same-origin');
      expect(res.headers.get('x-content-type-options'), name).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), name).toBe('DENY');
      // HSTS only in production (asserted in the portal's own tests); this run is plain http.
      expect(res.headers.get('strict-transport-security'), name).toBeNull();
      nonces.add(/'nonce-([^']+)'/.exec(csp)![1]!);
    }
    expect(nonces.size).toBe(Object.keys(responses).length);
    // Every script in the page carries this response's nonce.
    const nonce = /'nonce-([^']+)'/.exec(page.headers.get('content-security-policy')!)![1];
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
    expect(html).not.toMatch(/\son[a-z]+="/);
  });

  it('a session cookie copied before logout is refused after it; logout also ends the login at the broker', async () => {
    const maria = await newPage(stack);
    await login(stack, maria.page, 'maria');
    const copied = await sessionCookie(maria.context);
    expect(copied?.httpOnly).toBe(true);
    expect(copied?.sameSite).toBe('Lax');
    const cookie = `${copied!.name}=${copied!.value}`;
    expect((await get('/oversikt', cookie)).status).toBe(200);
    const before = Number((await stack.portalSql('SELECT count(*) AS n FROM portal_session'))[0]!.n);

    await maria.page.getByRole('button', { name: 'Logga ut' }).click();
    await maria.page.waitForURL((u) => u.toString().startsWith(stack.simUrl));
    expect(Number((await stack.portalSql('SELECT count(*) AS n FROM portal_session'))[0]!.n)).toBe(before - 1);
    expect(await sessionCookie(maria.context)).toBeUndefined();

    const replay = await get('/oversikt', cookie);
    expect(replay.status).toBe(302);
    expect(replay.headers.get('location')).toMatch(/^\/(\?|$)/);
    const post = await fetch(`${stack.url}/auth/logout`, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', origin: stack.url },
      body: '_csrf=x',
    });
    expect(post.status).toBe(302);
    expect(post.headers.get('location')).toMatch(/^\/(\?|$)/);
    await maria.context.close();
  });

  it('refuses an action without the CSRF token, with a wrong one, or from another site; nothing is stored', async () => {
    const maria = await newPage(stack);
    await login(stack, maria.page, 'maria');
    const target = `${stack.url}/klient/${stack.clientId('elsa')}/meddelanden`;
    await maria.page.goto(target);
    const csrf = await maria.page.locator('form.message-form [name=_csrf]').inputValue();
    const base = { body: 'Förfalskad begäran', idempotencyKey: crypto.randomUUID(), intent: 'send' };
    const post = (form: Record<string, string>, origin = stack.url) =>
      maria.page.request.post(target, { form, headers: { origin }, maxRedirects: 0 });
    expect((await post(base)).status()).toBe(403);
    expect((await post({ ...base, _csrf: 'not-the-token' })).status()).toBe(403);
    expect((await post({ ...base, _csrf: csrf }, 'https://evil.example')).status()).toBe(403);
    const data = (await stack.apiAs(
      'anna',
      'query($id: ID!) { client(id: $id) { conversation(first: 50) { edges { node { body } } } } }',
      { id: stack.clientId('elsa') },
    )) as { client: { conversation: { edges: { node: { body: string } }[] } } };
    expect(data.client.conversation.edges.some((e) => e.node.body === base.body)).toBe(false);
    // The same form with its token goes through.
    expect((await post({ ...base, _csrf: csrf })).status()).toBe(302);
    await maria.context.close();
  });

  it('gives a new session id at every login; the idle limit and the absolute lifetime end the session', async () => {
    const maria = await newPage(stack);
    await login(stack, maria.page, 'maria');
    const first = await sessionCookie(maria.context);
    await maria.page.goto(`${stack.url}/auth/login`);
    await maria.page.fill('#personnummer', '19660214-9889');
    await maria.page.click('button[value=same-device]');
    await maria.page.waitForURL(/\/oversikt$/);
    const second = await sessionCookie(maria.context);
    expect(second?.value).not.toBe(first?.value);
    expect((await get('/oversikt', `${first!.name}=${first!.value}`)).status).toBe(302);

    // Twenty-one minutes without activity.
    await stack.portalSql(`UPDATE portal_session SET last_seen_at = now() - interval '21 minutes'`);
    await maria.page.goto(`${stack.url}/oversikt`);
    expect(new URL(maria.page.url()).pathname).toBe('/');
    expect(await maria.page.textContent('main')).toContain(
      'Du har loggats ut eftersom du inte har gjort något på 20 minuter',
    );

    // Active all the time, but past the absolute lifetime.
    await login(stack, maria.page, 'maria');
    await stack.portalSql(`UPDATE portal_session SET expires_at = now() - interval '1 second'`);
    await maria.page.goto(`${stack.url}/oversikt`);
    expect(new URL(maria.page.url()).pathname).toBe('/');
    await maria.context.close();
  });

  it('writes activity at most every 15 seconds, and ends a session only after the whole idle time', async () => {
    const maria = await newPage(stack);
    await login(stack, maria.page, 'maria');
    const idle = async () =>
      Number(
        (
          await stack.portalSql(
            `SELECT min(extract(epoch FROM now() - last_seen_at)) AS idle FROM portal_session WHERE expires_at > now()`,
          )
        )[0]!.idle,
      );
    // Seen 5 s ago: a page view reads the session and writes nothing.
    await stack.portalSql(`UPDATE portal_session SET last_seen_at = now() - interval '5 seconds'`);
    await maria.page.goto(`${stack.url}/oversikt`);
    expect(await idle()).toBeGreaterThanOrEqual(5);
    // Seen 30 s ago: the view is written.
    await stack.portalSql(`UPDATE portal_session SET last_seen_at = now() - interval '30 seconds'`);
    await maria.page.goto(`${stack.url}/oversikt`);
    expect(await idle()).toBeLessThan(5);
    // Last written 20 minutes and 5 seconds ago, which may be as little as 19:50 since the last
    // activity: still logged in.
    await stack.portalSql(`UPDATE portal_session SET last_seen_at = now() - interval '20 minutes 5 seconds'`);
    await maria.page.goto(`${stack.url}/oversikt`);
    expect(new URL(maria.page.url()).pathname).toBe('/oversikt');
    await maria.context.close();
  });

  it('warns before the idle limit, and "Fortsätt vara inloggad" keeps the session', async () => {
    const maria = await newPage(stack);
    await maria.page.clock.install();
    await login(stack, maria.page, 'maria');
    expect(await maria.page.locator('.idle-warning').count()).toBe(0);
    await maria.page.clock.fastForward('17:30');
    const warning = maria.page.locator('.idle-warning');
    await expect.poll(() => warning.count()).toBe(1);
    expect(await warning.getAttribute('role')).toBe('alert');
    await stack.portalSql(`UPDATE portal_session SET last_seen_at = now() - interval '18 minutes'`);
    await warning.getByRole('button', { name: 'Fortsätt vara inloggad' }).click();
    await maria.page.waitForURL(/\/oversikt$/);
    const [row] = await stack.portalSql(
      `SELECT min(extract(epoch FROM now() - last_seen_at)) AS idle FROM portal_session`,
    );
    expect(Number(row!.idle)).toBeLessThan(60);
    await maria.context.close();
  });
});
