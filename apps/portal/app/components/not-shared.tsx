import { useT } from '../lib/use-root';

/** What the viewer may not see, said plainly: information, not an error. */
export function NotShared({ children }: { children: React.ReactNode }) {
  return (
    <p className="not-shared">
      <span aria-hidden="true" className="not-shared__icon">
        i
      </span>{' '}
      {children}
    </p>
  );
}

/** No such client, or no consent: the same page either way, so nothing leaks. */
export function NothingToShow() {
  const t = useT();
  return (
    <>
      <h1 tabIndex={-1}>{t('client.notFound')}</h1>
      <p>{t('client.notFoundText')}</p>
      <p>
        <a href="/oversikt">{t('client.backToOverview')}</a>
      </p>
    </>
  );
}
