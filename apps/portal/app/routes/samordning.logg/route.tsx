import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { AuditTable } from '../../components/audit-table';
import { Choices } from '../../components/forms';
import { callApi } from '../../lib/api.server';
import { requireLogin } from '../../lib/guard.server';
import { useT } from '../../lib/use-root';
import { UnitLog_Entries } from './operations.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, t } = await requireLogin(request, context);
  const deniedOnly = new URL(request.url).searchParams.get('nekade') === 'ja';
  const { data } = await callApi(user, UnitLog_Entries, { deniedOnly });
  if (!data.viewer?.isCoordinator || !data.viewer.unitAuditLog) throw redirect('/oversikt');
  return { pageTitle: t('coord.logTitle'), deniedOnly, rows: data.viewer.unitAuditLog.edges.map((e) => e.node) };
}

export default function UnitLog() {
  const { rows, deniedOnly } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <p>
        <a href="/samordning">{t('coord.heading')}</a>
      </p>
      <h1 tabIndex={-1}>{t('coord.logTitle')}</h1>
      <p>{t('coord.logIntro')}</p>
      <form method="get">
        <Choices
          id="nekade"
          name="nekade"
          type="checkbox"
          label={t('coord.filter')}
          choices={[{ value: 'ja', label: t('coord.deniedOnly') }]}
          checked={deniedOnly ? ['ja'] : []}
        />
        <button type="submit" className="button button--secondary">
          {t('coord.filter')}
        </button>
      </form>
      <AuditTable rows={rows} caption={t('coord.logTitle')} />
    </>
  );
}
