import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { Csrf } from '../components/forms';
import { requireForm, requireLogin, safeBack } from '../lib/guard.server';
import { useT } from '../lib/use-root';

/** "Stay logged in": the answer to the idle warning (the guard counts it as activity). */
export async function action({ request, context }: ActionFunctionArgs) {
  const { form } = await requireForm(request, context);
  return redirect(safeBack(form.get('back')));
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { t } = await requireLogin(request, context);
  return { pageTitle: t('session.title'), back: safeBack(new URL(request.url).searchParams.get('back')) };
}

export default function SessionPage() {
  const { back } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1 tabIndex={-1}>{t('session.title')}</h1>
      <p>{t('session.text')}</p>
      <form method="post">
        <Csrf />
        <input type="hidden" name="back" value={back} />
        <button type="submit" className="button">
          {t('idle.keep')}
        </button>
      </form>
    </>
  );
}
