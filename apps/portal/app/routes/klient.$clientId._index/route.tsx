import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ContactCard, ContactNowBox } from '../../components/contact';
import { NothingToShow, NotShared } from '../../components/not-shared';
import { PrintButton } from '../../components/print-button';
import { sees } from '../../lib/access';
import { callApi } from '../../lib/api.server';
import { requireLogin } from '../../lib/guard.server';
import { fullName, telHref } from '../../lib/present';
import { useT } from '../../lib/use-root';
import { ClientPage_Client } from './operations.server';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, t } = await requireLogin(request, context);
  const id = params.clientId ?? '';
  const client = (await callApi(user, ClientPage_Client, { id })).data.client;
  return { pageTitle: client ? fullName(client, t) : t('client.notFound'), client };
}

export default function ClientPage() {
  const { client } = useLoaderData<typeof loader>();
  const t = useT();
  if (!client) return <NothingToShow />;
  const can = sees(client.myAccess);
  const name = client.givenName ?? fullName(client, t);
  return (
    <>
      <h1 tabIndex={-1}>{can.self ? t('client.headingSelf') : t('client.heading', fullName(client, t))}</h1>
      <p className="urgent">
        <strong>{t('footer.emergency')}</strong> {t('contact.replyTime')}
      </p>
      {can.contact && client.contactNow ? (
        <ContactNowBox
          now={client.contactNow}
          primary={client.fixedContact}
          clientName={name}
          phonesShared={can.phones}
        />
      ) : (
        <NotShared>{t('contact.noContactShared', name)}</NotShared>
      )}
      {can.contact ? (
        <div className="cards">
          <ContactCard heading={t('contact.primary')} person={client.fixedContact} now={client.contactNow} />
          <ContactCard heading={t('contact.deputy')} person={client.deputy} now={client.contactNow} />
        </div>
      ) : null}
      {client.phoneList?.length ? (
        <section className="phone-list">
          <h2>{t('client.phoneList')}</h2>
          <p className="no-print">{t('client.phoneListIntro')}</p>
          <table className="table">
            <tbody>
              {client.phoneList.map((p) => (
                <tr key={`${p.kind}-${p.number}`}>
                  <th scope="row">
                    {p.kind ? t(`phone.${p.kind}`) : ''}
                    {p.name ? <span className="phone-list__name">{p.name}</span> : null}
                  </th>
                  <td>{p.number ? <a href={telHref(p.number)}>{p.number}</a> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="no-print">
            <PrintButton label={t('client.print')} />
          </p>
          <p className="no-print hint">{t('client.printHint')}</p>
        </section>
      ) : null}
      <p className="actions no-print">
        {can.write || can.read ? (
          <a className="button" href={`/klient/${client.id}/meddelanden`}>
            {can.write ? t('client.write') : t('overview.messages')}
          </a>
        ) : null}
        {can.self ? (
          <a className="button button--secondary" href={`/klient/${client.id}/samtycken`}>
            {t('client.consents')}
          </a>
        ) : null}
      </p>
    </>
  );
}
