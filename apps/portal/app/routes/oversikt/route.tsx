import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { ContactNowBox } from '../../components/contact';
import { Csrf, Notice } from '../../components/forms';
import { sees } from '../../lib/access';
import { callApi } from '../../lib/api.server';
import { requireForm, requireLogin } from '../../lib/guard.server';
import { fullName } from '../../lib/present';
import { useT } from '../../lib/use-root';
import { Overview_AcceptConsent, Overview_DeclineConsent, Overview_Viewer } from './operations.server';

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, session, t } = await requireLogin(request, context);
  // Staff see the clients they are contact or deputy for today; others themself and who consented.
  const assignedToMe = session.get('isStaff') === true && session.get('isClient') !== true;
  const { data } = await callApi(user, Overview_Viewer, { assignedToMe });
  const viewer = data.viewer;
  const url = new URL(request.url);
  const done = { accepted: url.searchParams.get('godkant'), declined: url.searchParams.get('avbojt') };
  if (!viewer) return { pageTitle: t('overview.title'), viewer, clients: [], staffView: false, ...done };
  const staffView = viewer.isStaff && !viewer.isClient;
  const clients = viewer.clients.edges.map((e) => e.node);
  return { pageTitle: t('overview.title'), viewer, clients, staffView, ...done };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form } = await requireForm(request, context);
  const consentId = String(form.get('consentId') ?? '');
  const client = encodeURIComponent(String(form.get('clientName') ?? ''));
  if (form.get('intent') === 'decline') {
    const { data } = await callApi(user, Overview_DeclineConsent, { consentId });
    return redirect(data.declineConsent.error ? '/oversikt' : `/oversikt?avbojt=${client}`);
  }
  const { data } = await callApi(user, Overview_AcceptConsent, { consentId });
  return redirect(data.acceptConsent.error ? '/oversikt' : `/oversikt?godkant=${client}`);
}

export default function Overview() {
  const { viewer, clients, staffView, accepted, declined } = useLoaderData<typeof loader>();
  const t = useT();
  if (!viewer) return null;
  return (
    <>
      {accepted ? <Notice>{t('overview.accepted', accepted)}</Notice> : null}
      {declined ? <Notice>{t('overview.declined', declined)}</Notice> : null}
      <h1 tabIndex={-1}>{t('overview.heading', viewer.givenName ?? '')}</h1>
      {viewer.consentsToAccept.length ? (
        <section className="panel">
          <h2>{t('overview.pending')}</h2>
          {viewer.consentsToAccept.map((c) => (
            <div key={c.consentId} className="card">
              <p>{t('overview.pendingText', c.clientName ?? t('overview.unnamedClient'))}</p>
              <ul>
                {c.scopes.map((s) => (
                  <li key={s}>{t(`scope.${s}`)}</li>
                ))}
              </ul>
              <form method="post" className="actions">
                <Csrf />
                <input type="hidden" name="consentId" value={c.consentId} />
                <input type="hidden" name="clientName" value={c.clientName ?? t('overview.unnamedClient')} />
                <button type="submit" className="button" name="intent" value="accept">
                  {t('overview.accept')}
                </button>
                <button type="submit" className="button button--secondary" name="intent" value="decline">
                  {t('overview.decline')}
                </button>
              </form>
              <p className="hint">{t('overview.declineInfo')}</p>
            </div>
          ))}
        </section>
      ) : null}
      {staffView ? (
        <p className="actions">
          <a className="button" href="/inkorg">
            {t('overview.toInbox')}
          </a>
          {viewer.isCoordinator ? (
            <a className="button button--secondary" href="/samordning">
              {t('overview.toCoordinator')}
            </a>
          ) : null}
        </p>
      ) : null}
      <h2>{staffView ? t('overview.staffClients') : t('overview.people')}</h2>
      {clients.length === 0 ? <p>{t('overview.none')}</p> : null}
      <ul className="client-list">
        {clients.map((c) => {
          const self = c.myAccess?.relations.includes('SELF');
          const name = fullName(c, t);
          const phonesShared = sees(c.myAccess).phones;
          return (
            <li key={c.id} className="card client-card">
              <h3 className="card__title">{self ? t('overview.myself') : name}</h3>
              {c.contactNow ? (
                <ContactNowBox
                  now={c.contactNow}
                  primary={c.fixedContact}
                  clientName={c.givenName ?? name}
                  phonesShared={phonesShared}
                  headingLevel={3}
                />
              ) : null}
              <p className="actions">
                <a className="button" href={`/klient/${c.id}`}>
                  {t('overview.open', self ? t('client.headingSelf').toLowerCase() : name)}
                </a>
                <a className="button button--secondary" href={`/klient/${c.id}/meddelanden`}>
                  {t('overview.messages')}
                </a>
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}
