import { useRouteLoaderData } from '@remix-run/react';
import type { loader } from '../root';
import { translator } from './i18n';

export type RootData = Awaited<ReturnType<typeof loader>>;

/** What the root loader knows on every page: the language and, when logged in, the menu and CSRF token. */
export function useRoot(): RootData {
  return useRouteLoaderData<typeof loader>('root') ?? { lang: 'sv', idleMinutes: 20, login: null };
}

export function useT() {
  return translator(useRoot().lang);
}
