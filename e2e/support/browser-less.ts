/**
 * Drives the simulator's login pages over HTTP the way a browser would: follows redirects, keeps
 * cookies, submits the forms. Stops at the portal's callback URL and returns it.
 */
export class LoginDriver {
  private cookies = new Map<string, string>();

  constructor(private readonly callbackPrefix: string) {}

  private async request(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const res = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, eq), pair!.slice(eq + 1));
    }
    return res;
  }

  /** Follows redirects until a page or the callback; returns the final URL and the response. */
  async go(url: string, init: RequestInit = {}): Promise<{ url: string; res: Response | null }> {
    let current = url;
    let res = await this.request(current, init);
    for (let hops = 0; hops < 10 && res.status >= 300 && res.status < 400; hops++) {
      current = new URL(res.headers.get('location')!, current).toString();
      if (current.startsWith(this.callbackPrefix)) return { url: current, res: null };
      res = await this.request(current);
    }
    return { url: current, res };
  }

  /** The whole BankID login: start URL → pick a person and method → wait → callback URL. */
  async login(
    authorizationUrl: URL,
    choice: { personnummer: string; method?: 'same-device' | 'other-device'; outcome?: string; cancel?: boolean },
  ): Promise<string> {
    const page = await this.go(authorizationUrl.toString());
    if (!page.res) return page.url;
    const html = await page.res.text();
    const uid = /action="\/interaction\/([^/]+)\/login"/.exec(html)?.[1];
    if (!uid) throw new Error(`no login form at ${page.url}: ${html.slice(0, 300)}`);
    const origin = new URL(page.url).origin;
    if (choice.cancel) {
      const cancelled = await this.go(`${origin}/interaction/${uid}/cancel`, { method: 'POST' });
      return cancelled.url;
    }
    const form = new URLSearchParams({
      personnummer: choice.personnummer,
      method: choice.method ?? 'same-device',
      outcome: choice.outcome ?? 'ok',
    });
    const wait = await this.go(`${origin}/interaction/${uid}/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    const waitHtml = await wait.res!.text();
    if (!/Väntar på BankID/.test(waitHtml)) throw new Error(`expected the wait page: ${waitHtml.slice(0, 300)}`);
    const done = await this.go(`${origin}/interaction/${uid}/complete`);
    if (done.res)
      throw new Error(`login did not reach the callback: ${done.res.status} ${(await done.res.text()).slice(0, 300)}`);
    return done.url;
  }
}
