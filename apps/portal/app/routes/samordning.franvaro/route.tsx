import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ABSENCE_KINDS } from '@spindeln/care-values';
import {
  Choices,
  Csrf,
  ErrorSummary,
  errorFor,
  type FieldError,
  type FormFailure,
  Notice,
  Select,
  TextField,
} from '../../components/forms';
import type { AbsenceKind } from '../../graphql/generated/graphql';
import { callApi } from '../../lib/api.server';
import { requireForm, requireLogin } from '../../lib/guard.server';
import { formErrorFromApi, fullName, titleLabel } from '../../lib/present';
import { useT } from '../../lib/use-root';
import { Absence_Record, Absence_Staff } from './operations.server';

// The list's one definition, checked against the API's schema by this type.
const KINDS: readonly AbsenceKind[] = ABSENCE_KINDS;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function loader({ request }: LoaderFunctionArgs) {
  const { user, t } = await requireLogin(request);
  const { data } = await callApi(user, Absence_Staff);
  if (!data.viewer?.isCoordinator) throw redirect('/oversikt');
  const staff = new Map<string, { staffId: string; label: string }>();
  for (const { node } of data.viewer.clients.edges) {
    for (const p of [node.fixedContact, node.deputy]) {
      if (p)
        staff.set(p.staffId, {
          staffId: p.staffId,
          label: `${fullName(p, t)}, ${titleLabel(p.title, t).toLowerCase()}`,
        });
    }
  }
  return {
    pageTitle: t('coord.absence.title'),
    staff: [...staff.values()].sort((a, b) => a.label.localeCompare(b.label, 'sv')),
    saved: new URL(request.url).searchParams.has('sparat'),
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const { user, form, t } = await requireForm(request);
  const text = (k: string) => String(form.get(k) ?? '').trim();
  const values = { staffId: text('staffId'), kind: text('kind'), firstDay: text('firstDay'), lastDay: text('lastDay') };
  const errors: FieldError[] = [];
  if (!values.staffId) errors.push({ field: 'staffId', message: t('coord.error.staff') });
  if (!KINDS.includes(values.kind as AbsenceKind)) errors.push({ field: 'kind', message: t('coord.error.kind') });
  if (!DAY.test(values.firstDay)) errors.push({ field: 'firstDay', message: t('coord.error.day') });
  if (values.lastDay && !DAY.test(values.lastDay)) errors.push({ field: 'lastDay', message: t('coord.error.day') });
  if (errors.length) return { errors, values } satisfies FormFailure;
  const { data } = await callApi(user, Absence_Record, {
    input: {
      staffId: values.staffId,
      kind: values.kind as AbsenceKind,
      firstDay: values.firstDay,
      lastDay: values.lastDay || null,
    },
  });
  const error = data.recordAbsence.error;
  if (error) return { errors: [formErrorFromApi(error, t, 'firstDay')], values } satisfies FormFailure;
  return redirect('/samordning/franvaro?sparat');
}

export default function AbsencePage() {
  const { staff, saved } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const t = useT();
  const v = (failure?.values ?? {}) as Record<string, string>;
  return (
    <>
      <ErrorSummary errors={failure?.errors} />
      {saved ? <Notice>{t('coord.absenceSaved')}</Notice> : null}
      <p>
        <a href="/samordning">{t('coord.heading')}</a>
      </p>
      <h1 tabIndex={-1}>{t('coord.absence.title')}</h1>
      <form method="post" noValidate>
        <Csrf />
        <Select
          id="staffId"
          label={t('coord.staff')}
          placeholder={t('coord.chooseStaff')}
          choices={staff.map((s) => ({ value: s.staffId, label: s.label }))}
          defaultValue={v.staffId}
          error={errorFor(failure?.errors, 'staffId')}
        />
        <Choices
          id="kind"
          name="kind"
          type="radio"
          label={t('coord.absenceKind')}
          choices={KINDS.map((k) => ({ value: k, label: t(`coord.absence.${k}`) }))}
          checked={v.kind ? [v.kind] : []}
          error={errorFor(failure?.errors, 'kind')}
        />
        <TextField
          id="firstDay"
          label={t('coord.firstDay')}
          hint={t('coord.dayHint')}
          width="short"
          inputMode="numeric"
          defaultValue={v.firstDay}
          error={errorFor(failure?.errors, 'firstDay')}
        />
        <TextField
          id="lastDay"
          label={t('coord.lastDay')}
          hint={t('coord.dayHint')}
          width="short"
          inputMode="numeric"
          defaultValue={v.lastDay}
          error={errorFor(failure?.errors, 'lastDay')}
        />
        <button type="submit" className="button">
          {t('coord.absenceButton')}
        </button>
      </form>
    </>
  );
}
