import type { LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { callApi } from '../../lib/api.server';
import { requireLogin } from '../../lib/guard.server';
import { fullName, titleLabel } from '../../lib/present';
import { useT } from '../../lib/use-root';
import { Coordinator_Clients } from './operations.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, t } = await requireLogin(request, context);
  const { data } = await callApi(user, Coordinator_Clients);
  if (!data.viewer?.isCoordinator) throw redirect('/oversikt');
  return { pageTitle: t('coord.title'), clients: data.viewer.clients.edges.map((e) => e.node) };
}

export default function Coordination() {
  const { clients } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <h1 tabIndex={-1}>{t('coord.heading')}</h1>
      <p>{t('coord.intro')}</p>
      <p className="actions">
        <a className="button button--secondary" href="/samordning/franvaro">
          {t('coord.absences')}
        </a>
        <a className="button button--secondary" href="/samordning/logg">
          {t('coord.log')}
        </a>
      </p>
      <h2>{t('coord.clients')}</h2>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a region that may scroll sideways must be reachable by keyboard */}
      <section className="table-wrap" tabIndex={0} aria-label={t('coord.clients')}>
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('coord.client')}</th>
              <th scope="col">{t('contact.primary')}</th>
              <th scope="col">{t('contact.deputy')}</th>
              <th scope="col">{t('coord.offerCurrent')}</th>
            </tr>
          </thead>
          <tbody>
            {clients.map((c) => (
              <tr key={c.id}>
                <th scope="row">
                  <a href={`/samordning/${c.id}`}>{fullName(c, t)}</a>
                </th>
                <td>
                  {c.fixedContact
                    ? `${fullName(c.fixedContact, t)} (${titleLabel(c.fixedContact.title, t)})`
                    : t('contact.noneAppointed')}
                </td>
                <td>
                  {c.deputy
                    ? `${fullName(c.deputy, t)} (${titleLabel(c.deputy.title, t)})`
                    : t('contact.noneAppointed')}
                </td>
                <td>{c.offer?.status ? t(`coord.offer.${c.offer.status}`) : t('coord.offerNone')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
