import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import {
  isRouteErrorResponse,
  Links,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from '@remix-run/react';
import { useContext, useEffect, useRef } from 'react';
// Remix does not re-export the router state the title needs; react-router is pinned to @remix-run/react's.
import { UNSAFE_DataRouterStateContext } from 'react-router';
import { Csrf } from './components/forms';
import { IdleWarning } from './components/idle-warning';
import { env } from './lib/env.server';
import { langOf } from './lib/guard.server';
import { type Lang, translator } from './lib/i18n';
import { useNonce } from './lib/nonce';
import { getSession } from './lib/session.server';
import { useT } from './lib/use-root';
import styles from './styles/portal.css?url';

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [lang, session] = await Promise.all([langOf(request), getSession(request, context)]);
  const personnummer = session.get('personnummer');
  return {
    lang,
    idleMinutes: Math.round(env().sessionIdleMs / 60_000),
    login: personnummer
      ? {
          name: [session.get('givenName'), session.get('familyName')].filter(Boolean).join(' '),
          csrf: session.get('csrf') ?? '',
          isStaff: session.get('isStaff') === true,
          isCoordinator: session.get('isCoordinator') === true,
        }
      : null,
  };
}

/** The page title: the leaf route's `pageTitle`, with "Fel: " when its form came back with errors. */
function usePageTitle(lang: Lang): string {
  const t = translator(lang);
  const matches = useMatches();
  const state = useContext(UNSAFE_DataRouterStateContext);
  const leaf = matches[matches.length - 1];
  const data = leaf?.data as { pageTitle?: string } | undefined;
  const action = leaf ? (state?.actionData?.[leaf.id] as { errors?: unknown[] } | undefined) : undefined;
  const base = data?.pageTitle ?? t('site.name');
  return `${action?.errors?.length ? t('error.prefix') : ''}${base} – ${t('site.name')}`;
}

/** After a client-side navigation, focus moves to the new page's heading, as a page load would. */
function useFocusOnNavigation() {
  const location = useLocation();
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each navigation
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (document.querySelector('[data-error-summary]')) return;
    const heading = document.querySelector<HTMLElement>('main h1');
    heading?.focus();
  }, [location.key]);
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>('root');
  const lang = root?.lang ?? 'sv';
  const t = translator(lang);
  const nonce = useNonce();
  const title = usePageTitle(lang);
  const location = useLocation();
  const login = root?.login ?? null;
  const other = lang === 'sv' ? 'en' : 'sv';
  const back = `${location.pathname}${location.search}`;
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{title}</title>
        <link rel="icon" href="data:," />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#innehall">
          {t('skip.link')}
        </a>
        <header className="site-header">
          <div className="site-header__inner">
            <p className="site-name">
              <a href={login ? '/oversikt' : '/'}>{t('site.name')}</a>
              <span className="site-tagline">{t('site.tagline')}</span>
            </p>
            <a
              className="lang-switch"
              href={`/lang?to=${other}&back=${encodeURIComponent(back)}`}
              lang={other}
              hrefLang={other}
            >
              {t('lang.switch')}
            </a>
          </div>
          {login ? (
            <nav className="site-nav" aria-label={t('nav.label')}>
              <ul>
                <li>
                  <a href="/oversikt" aria-current={location.pathname === '/oversikt' ? 'page' : undefined}>
                    {t('nav.overview')}
                  </a>
                </li>
                {login.isStaff ? (
                  <li>
                    <a href="/inkorg" aria-current={location.pathname === '/inkorg' ? 'page' : undefined}>
                      {t('nav.inbox')}
                    </a>
                  </li>
                ) : null}
                {login.isCoordinator ? (
                  <li>
                    <a
                      href="/samordning"
                      aria-current={location.pathname.startsWith('/samordning') ? 'page' : undefined}
                    >
                      {t('nav.coordinator')}
                    </a>
                  </li>
                ) : null}
              </ul>
              <div className="site-nav__user">
                <span>{t('nav.loggedInAs', login.name)}</span>
                <form method="post" action="/auth/logout">
                  <Csrf />
                  <button type="submit" className="button button--secondary">
                    {t('nav.logout')}
                  </button>
                </form>
              </div>
            </nav>
          ) : null}
        </header>
        {login ? <IdleWarning minutes={root?.idleMinutes ?? 20} /> : null}
        <main id="innehall" className="main">
          {children}
        </main>
        <footer className="site-footer">
          <p className="emergency">{t('footer.emergency')}</p>
          {login ? <p>{t('footer.idle', root?.idleMinutes ?? 20)}</p> : null}
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  useFocusOnNavigation();
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const t = useT();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  const forbidden = isRouteErrorResponse(error) && error.status === 403;
  if (!isRouteErrorResponse(error)) console.error(error);
  return (
    <>
      <h1 tabIndex={-1}>{notFound ? t('error.notFound') : t('error.title')}</h1>
      <p>{forbidden ? t('error.forbidden') : t('error.text')}</p>
      <p>
        <a href="/">{t('client.backToOverview')}</a>
      </p>
    </>
  );
}
