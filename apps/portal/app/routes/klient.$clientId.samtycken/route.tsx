import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { RELATIONSHIPS as RELATIONSHIP_VALUES } from '@spindeln/care-values';
import { CONSENT_SCOPES } from '@spindeln/consent-scopes';
import { parsePersonnummer } from '@spindeln/personnummer';
import { AuditTable } from '../../components/audit-table';
import {
  Choices,
  Csrf,
  ErrorSummary,
  errorFor,
  type FieldError,
  type FormFailure,
  Notice,
  PostForm,
  Select,
  Submit,
  TextField,
  YesBox,
} from '../../components/forms';
import { NothingToShow } from '../../components/not-shared';
import type { ConsentScope, Relationship } from '../../graphql/generated/graphql';
import { callApi } from '../../lib/api.server';
import { requireForm, requireLogin } from '../../lib/guard.server';
import { formatDateTime, type Translate } from '../../lib/i18n';
import { formErrorFromApi, fullName } from '../../lib/present';
import { useRoot, useT } from '../../lib/use-root';
import {
  Consents_AddRelative,
  Consents_Change,
  Consents_Client,
  Consents_Grant,
  Consents_Revoke,
} from './operations.server';

// The list's one definition, checked against the API's schema by this type.
const RELATIONSHIPS: readonly Relationship[] = RELATIONSHIP_VALUES;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, t } = await requireLogin(request, context);
  const { data } = await callApi(user, Consents_Client, { id: params.clientId ?? '' });
  const client = data.client?.myAccess?.relations.includes('SELF') ? data.client : null;
  const url = new URL(request.url);
  return {
    pageTitle: client ? t('consents.title', fullName(client, t)) : t('client.notFound'),
    client,
    /** Which sub-form is open: plain links, so it all works without JavaScript. */
    open: {
      give: url.searchParams.get('ge'),
      change: url.searchParams.get('andra'),
      revoke: url.searchParams.get('aterkalla'),
    },
    done: url.searchParams.get('klart'),
    doneName: url.searchParams.get('namn'),
  };
}

function scopesFrom(form: FormData): ConsentScope[] {
  return form
    .getAll('scopes')
    .filter((s): s is ConsentScope => (CONSENT_SCOPES as readonly string[]).includes(String(s))) as ConsentScope[];
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, form, t } = await requireForm(request, context);
  const clientId = params.clientId ?? '';
  const base = `/klient/${clientId}/samtycken`;
  const intent = String(form.get('intent') ?? '');
  const text = (k: string) => String(form.get(k) ?? '').trim();
  const name = text('name');
  const done = (what: string) => redirect(`${base}?klart=${what}&namn=${encodeURIComponent(name)}`);

  if (intent === 'revoke') {
    const { data } = await callApi(user, Consents_Revoke, { consentId: text('consentId') });
    if (data.revokeConsent.error)
      return {
        errors: [formErrorFromApi(data.revokeConsent.error, t, 'revoke')],
        values: { intent },
      } satisfies FormFailure;
    return done('aterkallat');
  }
  if (intent === 'add') {
    const values = {
      intent,
      givenName: text('givenName'),
      familyName: text('familyName'),
      personnummer: text('personnummer'),
      relationship: text('relationship'),
    };
    const errors: FieldError[] = [];
    if (!values.givenName) errors.push({ field: 'givenName', message: t('consents.error.givenName') });
    if (!values.familyName) errors.push({ field: 'familyName', message: t('consents.error.familyName') });
    const pnr = parsePersonnummer(values.personnummer);
    if (!pnr.ok) errors.push({ field: 'personnummer', message: t('consents.error.personnummer') });
    if (!RELATIONSHIPS.includes(values.relationship as Relationship))
      errors.push({ field: 'relationship', message: t('consents.error.relationship') });
    if (errors.length || !pnr.ok) return { errors, values } satisfies FormFailure;
    const { data } = await callApi(user, Consents_AddRelative, {
      input: {
        clientId,
        givenName: values.givenName,
        familyName: values.familyName,
        personnummer: pnr.value,
        relationship: values.relationship as Relationship,
      },
    });
    const error = data.addRelative.error;
    if (error) {
      const e =
        error.code === 'CONFLICT'
          ? { field: 'personnummer', message: t('consents.error.exists') }
          : formErrorFromApi(error, t, 'personnummer');
      return { errors: [e], values } satisfies FormFailure;
    }
    return redirect(`${base}?ge=${data.addRelative.relativeId}#samtycke-${data.addRelative.relativeId}`);
  }
  // give or change: scopes, and for a new consent both SKR consents.
  const scopes = scopesFrom(form);
  const values = {
    intent,
    target: text('target'),
    scopes,
    secrecyWaiver: form.getAll('secrecyWaiver').map(String),
    dataProcessing: form.getAll('dataProcessing').map(String),
  };
  const errors: FieldError[] = [];
  if (!scopes.length) errors.push({ field: 'scopes', message: t('consents.error.scopes') });
  if (intent === 'give') {
    if (values.secrecyWaiver[0] !== 'yes') errors.push({ field: 'secrecyWaiver', message: t('consents.error.both') });
    if (values.dataProcessing[0] !== 'yes') errors.push({ field: 'dataProcessing', message: t('consents.error.both') });
  }
  if (errors.length) return { errors, values } satisfies FormFailure;
  if (intent === 'change') {
    const { data } = await callApi(user, Consents_Change, { input: { consentId: values.target, scopes } });
    if (data.changeConsent.error)
      return { errors: [formErrorFromApi(data.changeConsent.error, t, 'scopes')], values } satisfies FormFailure;
    return done('andrat');
  }
  const { data } = await callApi(user, Consents_Grant, {
    input: { relativeId: values.target, scopes, secrecyWaiver: true, dataProcessing: true },
  });
  if (data.grantConsent.error)
    return { errors: [formErrorFromApi(data.grantConsent.error, t, 'scopes')], values } satisfies FormFailure;
  return done('givet');
}

function ScopeForm(props: {
  intent: 'give' | 'change';
  target: string;
  name: string;
  checked: string[];
  failure: (FormFailure & { values: Record<string, unknown> }) | undefined;
  t: Translate;
}) {
  const { t, failure } = props;
  const mine = failure?.values.intent === props.intent && failure.values.target === props.target ? failure : undefined;
  const v = (mine?.values ?? {}) as { scopes?: string[]; secrecyWaiver?: string[]; dataProcessing?: string[] };
  return (
    <PostForm intent={props.intent} className="panel">
      <input type="hidden" name="target" value={props.target} />
      <input type="hidden" name="name" value={props.name} />
      <Choices
        id="scopes"
        name="scopes"
        type="checkbox"
        label={t('consents.scopes')}
        choices={CONSENT_SCOPES.map((s) => ({ value: s, label: t(`scope.${s}`) }))}
        checked={v.scopes ?? props.checked}
        error={errorFor(mine?.errors, 'scopes')}
      />
      {props.intent === 'give' ? (
        <>
          <h3>{t('consents.twoConsents')}</h3>
          {(['secrecy', 'processing'] as const).map((c) => {
            const id = c === 'secrecy' ? 'secrecyWaiver' : 'dataProcessing';
            return (
              <YesBox
                key={id}
                id={id}
                label={t(`consents.${c}Legend`)}
                choiceLabel={t(`consents.${c}`)}
                choiceHint={t(`consents.${c}Hint`)}
                checked={v[id] ?? []}
                error={errorFor(mine?.errors, id)}
              />
            );
          })}
        </>
      ) : null}
      <Submit>{props.intent === 'give' ? t('consents.give') : t('consents.save')}</Submit>
    </PostForm>
  );
}

export default function Consents() {
  const { client, open, done, doneName } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>() as (FormFailure & { values: Record<string, unknown> }) | undefined;
  const t = useT();
  const { lang } = useRoot();
  if (!client) return <NothingToShow />;
  const base = `/klient/${client.id}/samtycken`;
  const addValues = (failure?.values.intent === 'add' ? failure.values : {}) as Record<string, string>;
  const addErrors = failure?.values.intent === 'add' ? failure.errors : undefined;
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      {done === 'aterkallat' ? <Notice>{t('consents.revoked', doneName ?? '')}</Notice> : null}
      {done === 'givet' ? <Notice>{t('consents.granted')}</Notice> : null}
      {done === 'andrat' ? <Notice>{t('consents.changed')}</Notice> : null}
      <h1 tabIndex={-1}>{t('consents.heading')}</h1>
      <p className="lead">{t('consents.intro')}</p>

      <h2>{t('consents.relatives')}</h2>
      {client.relatives?.length ? null : <p>{t('consents.none')}</p>}
      <ul className="client-list">
        {client.relatives?.map((r) => {
          const name = fullName(r, t);
          const c = r.consent;
          return (
            <li key={r.id} className="card" id={`samtycke-${r.id}`}>
              <h3 className="card__title">
                {name}
                {r.relationship ? (
                  <span className="phone-list__name">{t(`relationship.${r.relationship}`)}</span>
                ) : null}
              </h3>
              {c ? (
                <>
                  {!c.relativeAcceptedAt ? <p>{t('consents.waiting')}</p> : null}
                  <p>{t('consents.maySee')}</p>
                  <ul>
                    {c.scopes?.map((s) => (
                      <li key={s}>{t(`scope.${s}`)}</li>
                    ))}
                  </ul>
                  {open.revoke === c.id ? (
                    <div className="warning" role="alert">
                      <p>{t('consents.revokeConfirm', name)}</p>
                      <form method="post" className="actions">
                        <Csrf />
                        <input type="hidden" name="intent" value="revoke" />
                        <input type="hidden" name="consentId" value={c.id} />
                        <input type="hidden" name="name" value={name} />
                        <button type="submit" className="button button--danger">
                          {t('consents.revokeYes')}
                        </button>
                        <a className="button button--secondary" href={base}>
                          {t('consents.revokeNo')}
                        </a>
                      </form>
                    </div>
                  ) : open.change === c.id ||
                    (failure?.values.intent === 'change' && failure.values.target === c.id) ? (
                    <ScopeForm
                      intent="change"
                      target={c.id}
                      name={name}
                      checked={c.scopes ?? []}
                      failure={failure}
                      t={t}
                    />
                  ) : (
                    <p className="actions">
                      <a className="button button--secondary" href={`${base}?andra=${c.id}#samtycke-${r.id}`}>
                        {t('consents.change')} <span className="visually-hidden">({name})</span>
                      </a>
                      <a className="button button--secondary" href={`${base}?aterkalla=${c.id}#samtycke-${r.id}`}>
                        {t('consents.revoke')} <span className="visually-hidden">({name})</span>
                      </a>
                    </p>
                  )}
                </>
              ) : (
                <>
                  <p>{t('consents.noConsent')}</p>
                  {open.give === r.id || (failure?.values.intent === 'give' && failure.values.target === r.id) ? (
                    <ScopeForm intent="give" target={r.id} name={name} checked={[]} failure={failure} t={t} />
                  ) : (
                    <p>
                      <a className="button button--secondary" href={`${base}?ge=${r.id}#samtycke-${r.id}`}>
                        {t('consents.give')} <span className="visually-hidden">({name})</span>
                      </a>
                    </p>
                  )}
                </>
              )}
            </li>
          );
        })}
      </ul>

      <h2 id="add-heading">{t('consents.add')}</h2>
      <p>{t('consents.addIntro')}</p>
      <PostForm intent="add" labelledBy="add-heading">
        {(['givenName', 'familyName'] as const).map((id) => (
          <TextField
            key={id}
            id={id}
            label={t(`consents.${id}`)}
            defaultValue={addValues[id]}
            error={errorFor(addErrors, id)}
          />
        ))}
        <TextField
          id="personnummer"
          label={t('consents.personnummer')}
          hint={t('consents.personnummerHint')}
          inputMode="numeric"
          width="short"
          defaultValue={addValues.personnummer}
          error={errorFor(addErrors, 'personnummer')}
        />
        <Select
          id="relationship"
          label={t('consents.relationship')}
          placeholder="–"
          choices={RELATIONSHIPS.map((r) => ({ value: r, label: t(`relationship.${r}`) }))}
          defaultValue={addValues.relationship}
          error={errorFor(addErrors, 'relationship')}
        />
        <Submit>{t('consents.addButton')}</Submit>
      </PostForm>

      <h2>{t('consents.history')}</h2>
      {client.consentHistory?.length ? (
        <ul>
          {client.consentHistory.map((h) => (
            <li key={h.id}>
              {t(
                'consents.historyGranted',
                h.relativeName ?? t('consents.someone'),
                h.grantedAt ? formatDateTime(h.grantedAt, lang) : '',
              )}
              {h.endedAt
                ? `, ${t(h.endReason === 'DECLINED' ? 'consents.historyDeclined' : 'consents.historyEnded', formatDateTime(h.endedAt, lang))}`
                : ''}
              {h.scopes?.length ? `: ${h.scopes.map((s) => t(`scope.${s}`).toLowerCase()).join(', ')}` : ''}
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('consents.historyEmpty')}</p>
      )}

      <h2>{t('consents.accessLog')}</h2>
      {client.accessLog?.edges.length ? (
        <AuditTable rows={client.accessLog.edges.map((e) => e.node)} caption={t('consents.accessLog')} />
      ) : (
        <p>{t('consents.accessLogEmpty')}</p>
      )}
    </>
  );
}
