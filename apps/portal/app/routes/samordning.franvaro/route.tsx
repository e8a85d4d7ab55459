import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { redirect } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ABSENCE_KINDS } from '@spindeln/care-values';
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
} from '../../components/forms';
import type { AbsenceKind } from '../../graphql/generated/graphql';
import { callApi } from '../../lib/api.server';
import { requireForm, requireLogin } from '../../lib/guard.server';
import { formErrorFromApi, staffChoices } from '../../lib/present';
import { useT } from '../../lib/use-root';
import { Absence_Record, Absence_Staff } from './operations.server';

// The list's one definition, checked against the API's schema by this type.
const KINDS: readonly AbsenceKind[] = ABSENCE_KINDS;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { user, t } = await requireLogin(request, context);
  const { data } = await callApi(user, Absence_Staff);
  if (!data.viewer?.isCoordinator) throw redirect('/oversikt');
  return {
    pageTitle: t('coord.absence.title'),
    staff: staffChoices(data.viewer.unitStaff, t),
    saved: new URL(request.url).searchParams.has('sparat'),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { user, form, t } = await requireForm(request, context);
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
      <PostForm>
        <Select
          id="staffId"
          label={t('coord.staff')}
          placeholder={t('coord.chooseStaff')}
          choices={staff}
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
        {(['firstDay', 'lastDay'] as const).map((day) => (
          <DayField
            key={day}
            id={day}
            label={t(`coord.${day}`)}
            hint={t('coord.dayHint')}
            defaultValue={v[day]}
            error={errorFor(failure?.errors, day)}
          />
        ))}
        <Submit>{t('coord.absenceButton')}</Submit>
      </PostForm>
    </>
  );
}
