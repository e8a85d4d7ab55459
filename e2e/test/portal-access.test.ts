import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { PERSONAS, type PersonaKey } from '@spindeln/demo-personas';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  axeTally,
  inspect,
  login,
  newPage,
  type PortalStack,
  REPO_ROOT,
  SCREENSHOTS,
  startPortalStack,
} from '../support/portal-stack';

/** Presses Tab until the focused element matches, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: RegExp | { id: string }, max = 80) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return { id: el?.id ?? '', text: (el?.innerText || el?.getAttribute('aria-label') || '').trim() };
    });
    if ('id' in target ? focused.id === target.id : target.test(focused.text)) return;
  }
  throw new Error(`Tab never reached ${String('id' in target ? `#${target.id}` : target)} on ${page.url()}`);
}

async function keyboardLogin(stack: PortalStack, page: Page, persona: PersonaKey) {
  await page.goto(`${stack.url}/`);
  await tabTo(page, /Logga in med BankID/);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.toString().startsWith(stack.simUrl));
  await tabTo(page, { id: 'personnummer' });
  await page.keyboard.type(PERSONAS[persona].personnummer);
  await tabTo(page, /BankID på den här enheten/);
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.toString().startsWith(stack.url) && !u.pathname.startsWith('/auth/'));
}

describe('the portal by keyboard alone, without JavaScript, and under axe in both languages and widths', () => {
  let stack: PortalStack;
  beforeAll(async () => {
    stack = await startPortalStack();
  });
  afterAll(async () => {
    console.log(
      `axe (access): ${axeTally.pages} page checks (sv+en, 1280+320 px), ${axeTally.violations.length} WCAG 2.2 A/AA violations`,
    );
    await stack?.stop();
  });

  it('journey 1 by keyboard alone: a relative writes, staff reply, the relative reads the reply', async () => {
    const maria = await newPage(stack);
    await keyboardLogin(stack, maria.page, 'maria');
    await tabTo(maria.page, /^Visa Elsa Andersson$/);
    await maria.page.keyboard.press('Enter');
    await maria.page.waitForURL(/\/klient\/[^/]+$/);
    expect(await maria.page.textContent('main')).toContain('Mohammed Haddad');
    await tabTo(maria.page, /^Skriv ett meddelande$/);
    await maria.page.keyboard.press('Enter');
    await maria.page.waitForURL(/meddelanden/);
    await tabTo(maria.page, { id: 'body' });
    await maria.page.keyboard.type('Skrivet med tangentbordet: kan ni ringa mig?');
    await tabTo(maria.page, /^Skicka$/);
    await maria.page.keyboard.press('Enter');
    await expect.poll(() => maria.page.textContent('[role=status]')).toContain('Ditt meddelande är skickat');

    const anna = await newPage(stack);
    await keyboardLogin(stack, anna.page, 'anna');
    await tabTo(anna.page, /^Elsa Andersson$/);
    await anna.page.keyboard.press('Enter');
    await anna.page.waitForURL(/meddelanden/);
    expect(await anna.page.textContent('.conversation')).toContain('Skrivet med tangentbordet');
    await tabTo(anna.page, { id: 'body' });
    await anna.page.keyboard.type('Jag ringer dig i eftermiddag.');
    await tabTo(anna.page, /^Skicka$/);
    await anna.page.keyboard.press('Enter');
    await expect.poll(() => anna.page.textContent('[role=status]')).toContain('Ditt svar är skickat');

    await maria.page.reload();
    expect(await maria.page.locator('.message--staff').first().textContent()).toContain(
      'Jag ringer dig i eftermiddag.',
    );
    await maria.context.close();
    await anna.context.close();
  });

  it('journey 5 by keyboard alone: the refusal takes focus, its link leads to the field', async () => {
    const lena = await newPage(stack);
    await keyboardLogin(stack, lena.page, 'lena');
    await tabTo(lena.page, /^Samordning$/);
    await lena.page.keyboard.press('Enter');
    await lena.page.waitForURL(/samordning$/);
    await tabTo(lena.page, /^Elsa Andersson$/);
    await lena.page.keyboard.press('Enter');
    await lena.page.waitForURL(/samordning\/.+/);
    await tabTo(lena.page, { id: 'role' });
    await lena.page.keyboard.press('Space');
    await tabTo(lena.page, { id: 'staffId' });
    await lena.page.keyboard.type('Peter');
    await tabTo(lena.page, { id: 'reason' });
    await lena.page.keyboard.type('Byte av arbetslag');
    await tabTo(lena.page, /^Spara$/);
    await lena.page.keyboard.press('Enter');
    await expect
      .poll(() => lena.page.evaluate(() => document.activeElement?.hasAttribute('data-error-summary') ?? false))
      .toBe(true);
    expect(await lena.page.textContent('[data-error-summary]')).toContain('bara en undersköterska');
    await lena.page.keyboard.press('Tab');
    await lena.page.keyboard.press('Enter');
    await expect.poll(() => lena.page.evaluate(() => document.activeElement?.id)).toBe('staffId');
    expect(await lena.page.locator('#staffId option:checked').textContent()).toBe('Peter Johansson, vårdbiträde');
    expect(await lena.page.inputValue('#reason')).toBe('Byte av arbetslag');
    await lena.context.close();
  });

  it('journey 1 with JavaScript disabled', async () => {
    const maria = await newPage(stack, { javaScript: false });
    await login(stack, maria.page, 'maria');
    await maria.page.getByRole('link', { name: 'Visa Elsa Andersson' }).click();
    expect(await maria.page.textContent('main')).toContain('Anna Lindqvist');
    await maria.page.getByRole('link', { name: 'Skriv ett meddelande' }).click();
    // An empty message is refused by the server, with the summary and "Fel: " in the title.
    await maria.page.getByRole('button', { name: 'Skicka' }).click();
    expect(await maria.page.title()).toMatch(/^Fel: /);
    expect(await maria.page.textContent('.error-summary')).toContain('Skriv ett meddelande');
    await maria.page.fill('#body', 'Utan JavaScript: fungerar det?');
    await maria.page.getByRole('button', { name: 'Skicka' }).click();
    expect(await maria.page.textContent('[role=status]')).toContain('Ditt meddelande är skickat');
    expect(await maria.page.textContent('.conversation')).toContain('Utan JavaScript: fungerar det?');
    expect(await maria.page.locator('script[src], script:not([src])').count()).toBeGreaterThan(0);

    const anna = await newPage(stack, { javaScript: false });
    await login(stack, anna.page, 'anna');
    await anna.page.locator('.inbox > li').first().getByRole('link').click();
    expect(await anna.page.textContent('.conversation')).toContain('Utan JavaScript');
    await anna.page.fill('#body', 'Ja, det fungerar.');
    await anna.page.getByRole('button', { name: 'Skicka' }).click();
    expect(await anna.page.textContent('[role=status]')).toContain('Ditt svar är skickat');
    await anna.page.getByRole('button', { name: 'Markera som klart' }).first().click();
    expect(await anna.page.textContent('[role=status]')).toContain('markerat som klart');

    await maria.page.reload();
    expect(await maria.page.locator('.message--staff').first().textContent()).toContain('Ja, det fungerar.');
    // Logout works without JavaScript too.
    await maria.page.getByRole('button', { name: 'Logga ut' }).click();
    await maria.page.waitForURL((u) => u.toString().startsWith(stack.simUrl));
    await maria.context.close();
    await anna.context.close();
  });

  it('every page passes axe (WCAG 2.2 A and AA) in Swedish and English at 1280 and 320 px', async () => {
    const elsaId = stack.clientId('elsa');
    const gunnarId = stack.clientId('gunnar');
    const visits: {
      persona: PersonaKey | null;
      pages: { name: string; path: string; act?: (p: Page) => Promise<void> }[];
    }[] = [
      { persona: null, pages: [{ name: 'start', path: '/' }] },
      {
        persona: 'maria',
        pages: [
          { name: 'overview', path: '/oversikt' },
          { name: 'client', path: `/klient/${elsaId}` },
          { name: 'messages', path: `/klient/${elsaId}/meddelanden` },
          {
            name: 'messages-error',
            path: `/klient/${elsaId}/meddelanden`,
            act: (p) => p.locator('form.message-form button[type=submit]').click(),
          },
          { name: 'session', path: '/session' },
          { name: 'not-found', path: '/klient/00000000-0000-4000-8000-000000000000' },
        ],
      },
      { persona: 'johan', pages: [{ name: 'client-no-phones', path: `/klient/${elsaId}` }] },
      { persona: 'gunnar', pages: [{ name: 'client-absent', path: `/klient/${gunnarId}` }] },
      {
        persona: 'elsa',
        pages: [
          { name: 'client-self', path: `/klient/${elsaId}` },
          { name: 'consents', path: `/klient/${elsaId}/samtycken` },
          {
            name: 'consents-give',
            path: `/klient/${elsaId}/samtycken`,
            act: (p) => p.locator('a[href*="?ge="]').first().click(),
          },
          {
            name: 'consents-add-error',
            path: `/klient/${elsaId}/samtycken`,
            act: (p) => p.locator('form[aria-labelledby=add-heading] button[type=submit]').click(),
          },
        ],
      },
      {
        persona: 'anna',
        pages: [
          { name: 'inbox', path: '/inkorg' },
          { name: 'messages-staff', path: `/klient/${elsaId}/meddelanden` },
        ],
      },
      {
        persona: 'lena',
        pages: [
          { name: 'coordinator', path: '/samordning' },
          { name: 'coordinator-client', path: `/samordning/${elsaId}` },
          {
            name: 'coordinator-error',
            path: `/samordning/${elsaId}`,
            act: (p) => p.locator('form[aria-labelledby=appoint-heading] button[type=submit]').click(),
          },
          { name: 'absence', path: '/samordning/franvaro' },
          { name: 'unit-log', path: '/samordning/logg' },
        ],
      },
    ];
    const before = axeTally.violations.length;
    let checks = 0;
    for (const lang of ['sv', 'en'] as const) {
      for (const visit of visits) {
        const { context, page, watch } = await newPage(stack, { lang });
        if (visit.persona) await login(stack, page, visit.persona);
        for (const width of [1280, 320]) {
          await page.setViewportSize({ width, height: 900 });
          for (const p of visit.pages) {
            await page.goto(`${stack.url}${p.path}`);
            if (p.act) {
              await p.act(page);
              await page.waitForLoadState();
            }
            expect(await page.getAttribute('html', 'lang')).toBe(lang);
            // No sideways scrolling at 320 px (WCAG 1.4.10 reflow).
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
            expect(overflow, `${p.name} at ${width} px scrolls sideways`).toBeLessThanOrEqual(0);
            await inspect(page, `${p.name}-${lang}`);
            checks++;
          }
        }
        expect(watch.cspViolations).toEqual([]);
        expect(watch.errors).toEqual([]);
        await context.close();
      }
    }
    console.log(`axe sweep: ${checks} pages checked, ${axeTally.violations.length - before} violations`);
    expect(axeTally.violations.slice(before)).toEqual([]);
    // A few screenshots for the README, refreshed on request (they carry today's dates).
    if (!process.env.UPDATE_DOC_SCREENSHOTS) return;
    const docs = path.join(REPO_ROOT, 'docs/screenshots');
    mkdirSync(docs, { recursive: true });
    for (const shot of [
      'overview-sv-1280',
      'client-absent-sv-1280',
      'client-no-phones-sv-320',
      'inbox-sv-1280',
      'consents-sv-320',
    ]) {
      copyFileSync(path.join(SCREENSHOTS, `${shot}.png`), path.join(docs, `${shot}.png`));
    }
  }, 600_000);
});
