import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Notice } from '../components/forms';
import { langOf } from '../lib/guard.server';
import { translator } from '../lib/i18n';
import { getSession } from '../lib/session.server';
import { useT } from '../lib/use-root';

const LOGIN_NOTICES = {
  cancelled: 'start.cancelled',
  expired: 'start.expired',
} as const;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const session = await getSession(request, context);
  if (session.get('personnummer')) throw redirect('/oversikt');
  const t = translator(await langOf(request));
  const url = new URL(request.url);
  const out = url.searchParams.get('utloggad');
  const failed = url.searchParams.get('inloggning');
  const notice =
    out === 'tid'
      ? t('start.timeout')
      : out
        ? t('start.loggedOut')
        : failed
          ? t(LOGIN_NOTICES[failed as keyof typeof LOGIN_NOTICES] ?? 'start.loginFailed')
          : null;
  return { pageTitle: t('start.title'), notice, failed: Boolean(failed) };
}

export default function Start() {
  const { notice, failed } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      {notice ? (
        failed ? (
          <div className="warning" role="alert">
            <p>{notice}</p>
          </div>
        ) : (
          <Notice>{notice}</Notice>
        )
      ) : null}
      <h1 tabIndex={-1}>{t('start.heading')}</h1>
      <p className="lead">{t('start.intro')}</p>
      <p>{t('start.who')}</p>
      <p>
        <a className="button button--start" href="/auth/login">
          {t('start.login')}
        </a>
      </p>
    </>
  );
}
