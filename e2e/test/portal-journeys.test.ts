import { PERSONAS } from '@spindeln/demo-personas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeTally, inspect, login, newPage, type PortalStack, startPortalStack } from '../support/portal-stack';

/** The journeys of issue 10 in a real browser, against the real API, simulator and database. */
describe('portal journeys in Chromium', () => {
  let stack: PortalStack;
  beforeAll(async () => {
    stack = await startPortalStack();
  });
  afterAll(async () => {
    console.log(`axe (journeys): ${axeTally.pages} page checks, ${axeTally.violations.length} violations`);
    await stack?.stop();
  });

  const sql = (query: string, params: unknown[] = []) =>
    stack.db.orm.em.fork().execute<Record<string, unknown>[]>(query, params);
  const deniedReadsBy = async (persona: keyof typeof PERSONAS) =>
    Number(
      (
        await sql(
          `SELECT count(*) AS n FROM audit_event e JOIN person p ON p.id = e.actor_person_id
            WHERE p.personnummer = ? AND e.outcome = 'DENIED'`,
          [PERSONAS[persona].personnummer],
        )
      )[0]!.n,
    );

  const conversationCount = async (body: string) => {
    const data = (await stack.apiAs(
      'anna',
      'query($id: ID!) { client(id: $id) { conversation(first: 50) { edges { node { body } } } } }',
      {
        id: stack.clientId('elsa'),
      },
    )) as { client: { conversation: { edges: { node: { body: string } }[] } } };
    return data.client.conversation.edges.filter((e) => e.node.body === body).length;
  };

  it('1: a relative sees contact and deputy and writes; staff find it first and reply; the relative sees the reply', async () => {
    const maria = await newPage(stack);
    await login(stack, maria.page, 'maria');
    expect(new URL(maria.page.url()).pathname).toBe('/oversikt');
    await expect.poll(() => maria.page.textContent('main')).toContain('Anna är fast omsorgskontakt och arbetar i dag.');
    await inspect(maria.page, 'overview-relative');

    await maria.page.getByRole('link', { name: 'Visa Elsa Andersson' }).click();
    const main = (await maria.page.textContent('main')) ?? '';
    expect(main).toContain('Fast omsorgskontakt');
    expect(main).toContain('Anna Lindqvist');
    expect(main).toContain('Ersättare');
    expect(main).toContain('Mohammed Haddad');
    expect(main).toContain('Inte för akuta ärenden');
    expect(await maria.page.locator('a[href^="tel:"]').count()).toBeGreaterThan(2);
    await inspect(maria.page, 'client-relative');

    await maria.page.getByRole('link', { name: 'Skriv ett meddelande' }).click();
    await inspect(maria.page, 'messages-relative');
    const body = 'Hej! Mamma behöver hjälp med inköpen på fredag. <b>inte fet</b>';
    await maria.page.fill('#body', body);
    await maria.page.getByRole('button', { name: 'Skicka' }).click();
    await expect.poll(() => maria.page.textContent('[role=status]')).toContain('Ditt meddelande är skickat');
    // Shown escaped: the markup is text, not an element.
    expect(await maria.page.locator('.message__body b').count()).toBe(0);
    expect(await maria.page.textContent('.conversation')).toContain('<b>inte fet</b>');
    await inspect(maria.page, 'messages-relative-sent');
    expect(await conversationCount(body)).toBe(1);

    const anna = await newPage(stack);
    await login(stack, anna.page, 'anna');
    expect(new URL(anna.page.url()).pathname).toBe('/inkorg');
    const first = anna.page.locator('.inbox > li').first();
    expect(await first.textContent()).toContain('Elsa Andersson');
    expect(await first.textContent()).toContain('inköpen på fredag');
    // Maria's two messages and Elsa's private one wait.
    expect(await first.textContent()).toContain('3 obesvarade');
    // "Mina omsorgstagare": the clients Anna is contact or deputy for, not every client of her team.
    const mine = (await anna.page.locator('main > ul').last().textContent()) ?? '';
    expect(mine).toContain('Elsa Andersson');
    expect(mine).not.toMatch(/Skyddad identitet|Hedvig|Gunnar/);
    await inspect(anna.page, 'inbox');
    await first.getByRole('link').click();
    expect(await anna.page.textContent('.conversation')).toContain('inköpen på fredag');
    await inspect(anna.page, 'messages-staff');
    await anna.page.fill('#body', 'Hej Maria, vi handlar på fredag förmiddag.');
    await anna.page.getByRole('button', { name: 'Skicka' }).click();
    await expect.poll(() => anna.page.textContent('[role=status]')).toContain('Ditt svar är skickat');
    // The reply answers Maria's messages; only Elsa's private one, which it does not reach, still waits.
    await anna.page.goto(`${stack.url}/inkorg`);
    const after = (await anna.page.locator('.inbox > li', { hasText: 'Elsa Andersson' }).textContent()) ?? '';
    expect(after).toContain('1 obesvarat');
    await anna.page.goto(`${stack.url}/oversikt`);
    const annaClients = (await anna.page.textContent('.client-list')) ?? '';
    expect(annaClients).toContain('Elsa Andersson');
    expect(annaClients).not.toMatch(/Skyddad identitet|Hedvig|Gunnar/);
    await inspect(anna.page, 'overview-staff');

    await maria.page.reload();
    const reply = maria.page.locator('.message--staff').first();
    expect(await reply.textContent()).toContain('vi handlar på fredag förmiddag');
    expect(await reply.textContent()).toContain('Nytt');
    // Maria, who wrote, sees her messages answered.
    const own = maria.page.locator('.message:not(.message--staff)', { hasText: 'inköpen på fredag' });
    expect(await own.textContent()).toContain('Besvarat');
    expect(await own.textContent()).not.toContain('Väntar på svar');
    await inspect(maria.page, 'messages-relative-reply');
    expect(maria.watch.cspViolations).toEqual([]);
    expect(maria.watch.errors).toEqual([]);
    await maria.context.close();
    await anna.context.close();
  });

  it('1b: a double submit (two posts of the same form, as a reload of the POST does) stores one message', async () => {
    const maria = await newPage(stack);
    await login(stack, maria.page, 'maria');
    await maria.page.goto(`${stack.url}/klient/${stack.clientId('elsa')}/meddelanden`);
    const form = maria.page.locator('form.message-form');
    const fields = {
      _csrf: await form.locator('[name=_csrf]').inputValue(),
      idempotencyKey: await form.locator('[name=idempotencyKey]').inputValue(),
      body: 'Samma meddelande två gånger',
      intent: 'send',
    };
    const target = `${stack.url}/klient/${stack.clientId('elsa')}/meddelanden`;
    const headers = { origin: stack.url };
    const [a, b] = await Promise.all([
      maria.page.request.post(target, { form: fields, headers, maxRedirects: 0 }),
      maria.page.request.post(target, { form: fields, headers, maxRedirects: 0 }),
    ]);
    const again = await maria.page.request.post(target, { form: fields, headers, maxRedirects: 0 });
    for (const r of [a, b, again]) expect(r.status()).toBe(302);
    expect(await conversationCount('Samma meddelande två gånger')).toBe(1);
    // Each form shown carries a new key: a second, deliberate message is stored.
    await maria.page.reload();
    expect(await form.locator('[name=idempotencyKey]').inputValue()).not.toBe(fields.idempotencyKey);
    await maria.context.close();
  });

  it('2: the client revokes the relative’s consent; the relative’s next load no longer shows the contact', async () => {
    const maria = await newPage(stack);
    await login(stack, maria.page, 'maria');
    const elsaPage = `${stack.url}/klient/${stack.clientId('elsa')}`;
    await maria.page.goto(elsaPage);
    expect(await maria.page.textContent('main')).toContain('Anna Lindqvist');

    const elsa = await newPage(stack);
    await login(stack, elsa.page, 'elsa');
    await elsa.page.goto(`${elsaPage}/samtycken`);
    await inspect(elsa.page, 'consents');
    await elsa.page.getByRole('link', { name: 'Ta tillbaka samtycket (Maria Andersson)' }).click();
    expect(await elsa.page.textContent('[role=alert]')).toContain('Vill du ta tillbaka samtycket för Maria Andersson?');
    await inspect(elsa.page, 'consents-revoke-confirm');
    await elsa.page.getByRole('button', { name: 'Ja, ta tillbaka samtycket' }).click();
    await expect
      .poll(() => elsa.page.textContent('[role=status]'))
      .toContain('Samtycket för Maria Andersson är borttaget');
    expect(await elsa.page.textContent('main')).toContain('Vem har tittat på dina uppgifter?');

    await maria.page.reload();
    const main = (await maria.page.textContent('main')) ?? '';
    expect(main).toContain('Det finns inget att visa här');
    expect(main).not.toContain('Anna');
    await maria.page.goto(`${stack.url}/oversikt`);
    expect(await maria.page.textContent('main')).not.toContain('Anna');
    await inspect(maria.page, 'overview-revoked');
    await maria.context.close();
    await elsa.context.close();
  });

  it('3: the contact is absent today: the deputy is the one to call, with the reason', async () => {
    const gunnar = await newPage(stack);
    await login(stack, gunnar.page, 'gunnar');
    await gunnar.page.goto(`${stack.url}/klient/${stack.clientId('gunnar')}`);
    const now = (await gunnar.page.textContent('.contact-now')) ?? '';
    expect(now).toMatch(/Sara är ledig (till och med \d+ \w+|tills vidare)\. Ring Peter\./);
    expect(await gunnar.page.locator('.contact-now a[href^="tel:"]').textContent()).toContain('Ring Peter Johansson');
    // Sara's card says she is away and whom to call, not when she can be reached.
    const sara = (await gunnar.page.locator('.card', { hasText: 'Sara' }).textContent()) ?? '';
    expect(sara).toMatch(/Ledig (till och med \d+ \w+|tills vidare)/);
    expect(sara).toContain('Ring Peter Johansson i stället.');
    expect(sara).not.toContain('Går att nå');
    await inspect(gunnar.page, 'client-absent');
    await gunnar.context.close();
  });

  it('4: without consent nothing of the client; without the phone scope names but no numbers, said plainly', async () => {
    const karin = await newPage(stack);
    await login(stack, karin.page, 'karin');
    expect(await karin.page.textContent('main')).toContain('Du kan inte se någon än');
    await inspect(karin.page, 'overview-no-consent');
    await karin.page.goto(`${stack.url}/klient/${stack.clientId('elsa')}`);
    const nothing = (await karin.page.textContent('main')) ?? '';
    expect(nothing).toContain('Det finns inget att visa här');
    expect(nothing).not.toMatch(/Anna|Mohammed|070-/);
    await inspect(karin.page, 'client-no-consent');
    // The same answer as for a client that does not exist.
    await karin.page.goto(`${stack.url}/klient/00000000-0000-4000-8000-000000000000`);
    expect(await karin.page.textContent('main')).toBe(nothing);
    await karin.context.close();

    const johan = await newPage(stack);
    await login(stack, johan.page, 'johan');
    const deniedBefore = await deniedReadsBy('johan');
    await johan.page.goto(`${stack.url}/klient/${stack.clientId('elsa')}`);
    const main = (await johan.page.textContent('main')) ?? '';
    expect(main).toContain('Anna Lindqvist');
    expect(main).toContain('Mohammed Haddad');
    expect(main).toContain('Elsa har inte delat telefonnumren med dig.');
    expect(main).not.toMatch(/070-|08-/);
    expect(await johan.page.locator('a[href^="tel:"]').count()).toBe(0);
    expect(await johan.page.locator('[role=alert]').count()).toBe(0);
    // The page asked only for what Johan may see: no denied read was logged (the overview neither).
    await johan.page.goto(`${stack.url}/oversikt`);
    expect(await johan.page.textContent('main')).toContain('Elsa har inte delat telefonnumren med dig.');
    expect(await deniedReadsBy('johan')).toBe(deniedBefore);
    await johan.page.goto(`${stack.url}/klient/${stack.clientId('elsa')}`);
    await inspect(johan.page, 'client-no-phones');
    await johan.context.close();
  });

  it('5: appointing a vårdbiträde as contact is refused with a summary naming the rule, focused, values kept', async () => {
    const lena = await newPage(stack);
    await login(stack, lena.page, 'lena');
    await lena.page.goto(`${stack.url}/samordning`);
    await inspect(lena.page, 'coordinator');
    await lena.page.getByRole('link', { name: /Elsa Andersson/ }).click();
    await inspect(lena.page, 'coordinator-client');
    // The choice is the unit's staff, from the API: Centrum's five, not Väster's Fatima.
    const options = await lena.page.locator('#staffId option').allTextContents();
    expect(options.slice(1)).toHaveLength(5);
    expect(options).toContain('Sara Nilsson, undersköterska');
    expect(options.join()).not.toContain('Fatima');
    await lena.page.locator('#role').check();
    await lena.page.selectOption('#staffId', { label: 'Peter Johansson, vårdbiträde' });
    await lena.page.fill('#reason', 'Anna byter arbetslag');
    await lena.page.getByRole('button', { name: 'Spara', exact: true }).click();
    const summary = lena.page.locator('[data-error-summary]');
    await expect.poll(() => summary.textContent()).toContain('bara en undersköterska');
    await expect
      .poll(() => lena.page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary')))
      .toBe(true);
    expect(await lena.page.title()).toMatch(/^Fel: /);
    expect(await summary.locator('a').getAttribute('href')).toBe('#staffId');
    expect(await lena.page.locator('#staffId').getAttribute('aria-invalid')).toBe('true');
    expect(await lena.page.locator('#staffId').getAttribute('aria-describedby')).toContain('staffId-error');
    expect(await lena.page.locator('#staffId option:checked').textContent()).toBe('Peter Johansson, vårdbiträde');
    expect(await lena.page.inputValue('#reason')).toBe('Anna byter arbetslag');
    expect(await lena.page.isChecked('#role')).toBe(true);
    await inspect(lena.page, 'coordinator-refused');
    // Nothing changed: Anna is still the contact.
    await lena.page.goto(`${stack.url}/samordning`);
    expect(await lena.page.textContent('tbody')).toContain('Anna Lindqvist (Undersköterska)');
    await lena.page.goto(`${stack.url}/samordning/logg`);
    await inspect(lena.page, 'unit-log');
    await lena.page.goto(`${stack.url}/samordning/franvaro`);
    await inspect(lena.page, 'absence');
    await lena.context.close();
  });

  it('a relative declines a consent that waits for her; the client sees it declined in the history', async () => {
    const relatives = (await stack.apiAs('elsa', 'query($id: ID!) { client(id: $id) { relatives { id givenName } } }', {
      id: stack.clientId('elsa'),
    })) as { client: { relatives: { id: string; givenName: string }[] } };
    const karinLink = relatives.client.relatives.find((r) => r.givenName === 'Karin')!.id;
    await stack.apiAs('elsa', 'mutation($input: GrantConsentInput!) { grantConsent(input: $input) { consentId } }', {
      input: { relativeId: karinLink, scopes: ['VIEW_CONTACT'], secrecyWaiver: true, dataProcessing: true },
    });
    const karin = await newPage(stack);
    await login(stack, karin.page, 'karin');
    expect(await karin.page.textContent('main')).toContain('Samtycken som väntar på dig');
    await inspect(karin.page, 'overview-pending');
    await karin.page.getByRole('button', { name: 'Avböj' }).click();
    await expect.poll(() => karin.page.textContent('[role=status]')).toContain('Du har avböjt');
    const main = (await karin.page.textContent('main')) ?? '';
    expect(main).not.toContain('Samtycken som väntar på dig');
    expect(main).toContain('Du kan inte se någon än');
    await inspect(karin.page, 'overview-declined');
    await karin.context.close();

    const elsa = await newPage(stack);
    await login(stack, elsa.page, 'elsa');
    await elsa.page.goto(`${stack.url}/klient/${stack.clientId('elsa')}/samtycken`);
    expect(await elsa.page.textContent('main')).toMatch(/Karin \w+: samtycke givet .*, avböjt av personen/);
    await elsa.context.close();
  });
});
