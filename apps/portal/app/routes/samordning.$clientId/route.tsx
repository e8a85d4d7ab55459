import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { CONTACT_ROLES, OFFER_STATUSES as OFFER_STATUS_VALUES } from '@spindeln/care-values';
import { ContactCard } from '../../components/contact';
import {
  Choices,
  DayField,
  ErrorSummary,
  errorFor,
  type FieldError,
  type FormFailure,
  Notice,
  PostForm,
  Select,
  Submit,
  TextArea,
} from '../../components/forms';
import { NothingToShow } from '../../components/not-shared';
import type { ContactRole, OfferStatus } from '../../graphql/generated/graphql';
import { callApi } from '../../lib/api.server';
import { requireForm, requireLogin } from '../../lib/guard.server';
import { formatDateTime } from '../../lib/i18n';
import { formErrorFromApi, fullName, staffChoices } from '../../lib/present';
import { useRoot, useT } from '../../lib/use-root';
import {
  CoordinatorClient_Appoint,
  CoordinatorClient_Details,
  CoordinatorClient_RecordOffer,
} from './operations.server';

// The lists' one definition, checked against the API's schema by these types.
const ROLES: readonly ContactRole[] = CONTACT_ROLES;
const OFFER_STATUSES: readonly OfferStatus[] = OFFER_STATUS_VALUES;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { user, t } = await requireLogin(request, context);
  const { data } = await callApi(user, CoordinatorClient_Details, { id: params.clientId ?? '' });
  if (!data.viewer?.isCoordinator) throw redirect('/oversikt');
  return {
    pageTitle: data.client ? t('coord.client.title', fullName(data.client, t)) : t('client.notFound'),
    client: data.client,
    staff: staffChoices(data.viewer.unitStaff, t),
    saved: new URL(request.url).searchParams.get('sparat'),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, form, t } = await requireForm(request, context);
  const clientId = params.clientId ?? '';
  const intent = String(form.get('intent') ?? '');
  const text = (k: string) => String(form.get(k) ?? '').trim();
  if (intent === 'offer') {
    const values = { intent, status: text('status'), reason: text('reason'), clientView: text('clientView') };
    const errors: FieldError[] = [];
    if (!OFFER_STATUSES.includes(values.status as OfferStatus))
      errors.push({ field: 'status', message: t('coord.error.status') });
    if (errors.length) return { errors, values } satisfies FormFailure;
    const { data } = await callApi(user, CoordinatorClient_RecordOffer, {
      input: {
        clientId,
        status: values.status as OfferStatus,
        reason: values.reason || null,
        clientView: values.clientView || null,
      },
    });
    const error = data.recordOffer.error;
    if (error) {
      const e = formErrorFromApi(error, t, 'status');
      return {
        errors: [{ ...e, field: e.field === 'reason' ? 'reason-offer' : e.field }],
        values,
      } satisfies FormFailure;
    }
    return redirect(`/samordning/${clientId}?sparat=erbjudande`);
  }
  const values = {
    intent: 'appoint',
    role: text('role'),
    staffId: text('staffId'),
    validFrom: text('validFrom'),
    reason: text('reason'),
  };
  const errors: FieldError[] = [];
  if (!ROLES.includes(values.role as ContactRole)) errors.push({ field: 'role', message: t('coord.error.role') });
  if (!values.staffId) errors.push({ field: 'staffId', message: t('coord.error.staff') });
  if (values.validFrom && !DAY.test(values.validFrom))
    errors.push({ field: 'validFrom', message: t('coord.error.day') });
  if (errors.length) return { errors, values } satisfies FormFailure;
  const { data } = await callApi(user, CoordinatorClient_Appoint, {
    input: {
      clientId,
      staffId: values.staffId,
      role: values.role as ContactRole,
      validFrom: values.validFrom || null,
      reason: values.reason || null,
    },
  });
  const error = data.appointContact.error;
  if (error) return { errors: [formErrorFromApi(error, t, 'staffId')], values } satisfies FormFailure;
  return redirect(`/samordning/${clientId}?sparat=uppdrag`);
}

export default function CoordinatorClient() {
  const { client, staff, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const t = useT();
  const { lang } = useRoot();
  if (!client) return <NothingToShow />;
  const v = (failure?.values ?? {}) as Record<string, string>;
  const appointErrors = v.intent === 'appoint' ? failure?.errors : undefined;
  const offerErrors = v.intent === 'offer' ? failure?.errors : undefined;
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      {saved === 'uppdrag' ? <Notice>{t('coord.appointed')}</Notice> : null}
      {saved === 'erbjudande' ? <Notice>{t('coord.offerSaved')}</Notice> : null}
      <p>
        <a href="/samordning">{t('coord.heading')}</a>
      </p>
      <h1 tabIndex={-1}>{fullName(client, t)}</h1>
      <div className="cards">
        <ContactCard heading={t('contact.primary')} person={client.fixedContact} />
        <ContactCard heading={t('contact.deputy')} person={client.deputy} />
      </div>

      <h2 id="appoint-heading">{t('coord.appoint')}</h2>
      <p className="panel">{t('coord.rule')}</p>
      <PostForm intent="appoint" labelledBy="appoint-heading">
        <Choices
          id="role"
          name="role"
          type="radio"
          label={t('coord.role')}
          choices={ROLES.map((r) => ({ value: r, label: t(`coord.role.${r}`) }))}
          checked={v.role ? [v.role] : []}
          error={errorFor(appointErrors, 'role')}
        />
        <Select
          id="staffId"
          label={t('coord.staff')}
          placeholder={t('coord.chooseStaff')}
          choices={staff}
          defaultValue={v.staffId}
          error={errorFor(appointErrors, 'staffId')}
        />
        <DayField
          id="validFrom"
          label={t('coord.validFrom')}
          hint={t('coord.validFromHint')}
          defaultValue={v.validFrom}
          error={errorFor(appointErrors, 'validFrom')}
        />
        <TextArea
          id="reason"
          label={t('coord.reason')}
          rows={3}
          defaultValue={v.intent === 'appoint' ? v.reason : ''}
          error={errorFor(appointErrors, 'reason')}
        />
        <Submit>{t('coord.appointButton')}</Submit>
      </PostForm>

      <h2 id="offer-heading">{t('coord.offer')}</h2>
      <p>
        {t('coord.offerCurrent')}:{' '}
        {client.offer?.status
          ? `${t(`coord.offer.${client.offer.status}`)}${client.offer.assessedAt ? `, ${formatDateTime(client.offer.assessedAt, lang)}` : ''}`
          : t('coord.offerNone')}
      </p>
      {client.offer?.reason ? <p>{client.offer.reason}</p> : null}
      <PostForm intent="offer" labelledBy="offer-heading">
        <Choices
          id="status"
          name="status"
          type="radio"
          label={t('coord.offerStatus')}
          hint={t('coord.offerExemptHint')}
          choices={OFFER_STATUSES.map((s) => ({ value: s, label: t(`coord.offer.${s}`) }))}
          checked={v.status ? [v.status] : []}
          error={errorFor(offerErrors, 'status')}
        />
        <TextArea
          id="reason-offer"
          name="reason"
          label={t('coord.offerReason')}
          rows={3}
          defaultValue={v.intent === 'offer' ? v.reason : ''}
          error={errorFor(offerErrors, 'reason-offer')}
        />
        <TextArea
          id="clientView"
          label={t('coord.offerClientView')}
          rows={3}
          defaultValue={v.clientView}
          error={errorFor(offerErrors, 'clientView')}
        />
        <Submit>{t('coord.offerButton')}</Submit>
      </PostForm>
    </>
  );
}
