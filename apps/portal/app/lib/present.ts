/**
 * How the API's answers become words: the one place that maps schema values to text. The API may
 * hide names (another relative, a protected identity): a missing name is shown neutrally.
 */
import type { ContactNowFieldsFragment, StaffTitle, UnitStaffFieldsFragment } from '../graphql/generated/graphql';
import { formatDay, hasKey, type Lang, type Translate } from './i18n';

export interface Named {
  givenName?: string | null;
  familyName?: string | null;
}

export function fullName(p: Named | null | undefined, t: Translate): string {
  const name = [p?.givenName, p?.familyName].filter(Boolean).join(' ');
  return name || t('consents.someone');
}

export function firstName(p: Named | null | undefined, t: Translate): string {
  return p?.givenName || fullName(p, t);
}

export function titleLabel(title: StaffTitle | null | undefined, t: Translate): string {
  const key = `title.${title ?? 'OTHER'}`;
  return hasKey(key) ? t(key as 'title.OTHER') : t('title.OTHER');
}

/** The unit's staff as a select's choices: "Name, title", in Swedish name order. */
export function staffChoices(staff: UnitStaffFieldsFragment[] | null | undefined, t: Translate) {
  return (staff ?? [])
    .map((s) => ({ value: s.staffId, label: `${fullName(s, t)}, ${titleLabel(s.title, t).toLowerCase()}` }))
    .sort((a, b) => a.label.localeCompare(b.label, 'sv'));
}

/** A phone number as a tel: link target (digits and a leading +). */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

/** "Anna är ledig till och med 28 november. Ring Karim." and the other reasons. */
export function contactNowSentence(
  now: ContactNowFieldsFragment,
  primary: Named | null | undefined,
  t: Translate,
  lang: Lang,
): string {
  const contact = firstName(now.contact, t);
  const team = now.teamName ?? t('phone.TEAM');
  switch (now.reason) {
    case 'PRIMARY_AVAILABLE':
      return t('contact.reason.PRIMARY_AVAILABLE', contact);
    case 'PRIMARY_ABSENT':
      return t(
        'contact.reason.PRIMARY_ABSENT',
        firstName(primary, t),
        now.primaryAwayUntil ? formatDay(now.primaryAwayUntil, lang) : null,
        contact,
      );
    case 'NO_PRIMARY':
      return t('contact.reason.NO_PRIMARY', contact);
    case 'CONTACTS_ABSENT':
      return t('contact.reason.CONTACTS_ABSENT', team);
    default:
      return t('contact.reason.NO_CONTACT_APPOINTED', team);
  }
}

/** Whom to call: the person's mobile, or the team's phone. */
export function callTarget(now: ContactNowFieldsFragment, t: Translate): { label: string; number: string | null } {
  if (now.contact)
    return { label: t('contact.callName', fullName(now.contact, t)), number: now.contact.workMobile ?? null };
  return { label: t('contact.callTeam', now.teamName ?? t('phone.TEAM')), number: now.teamPhone ?? null };
}

export function weekdayLabel(weekday: number, t: Translate): string {
  const key = `weekday.${weekday}`;
  return hasKey(key) ? t(key as 'weekday.1') : String(weekday);
}

export interface ApiUserError {
  code: string;
  field?: string | null;
  rule: string;
  message: string;
}

/** Fields the API names that the portal's forms call differently. */
const FIELD_ALIASES: Record<string, string> = { period: 'firstDay', consents: 'secrecyWaiver' };

/** An API refusal as a form error: the field to link to and the rule in plain words. */
export function formErrorFromApi(error: ApiUserError, t: Translate, fallbackField: string) {
  const key = `form.rule.${error.rule}`;
  const field = error.field ? (FIELD_ALIASES[error.field] ?? error.field) : fallbackField;
  return { field, message: hasKey(key) ? t(key as 'form.rule.unknown') : t('form.rule.unknown') };
}

/** An audit action in words; an action the catalogue does not know yet still says read or changed. */
export function auditActionLabel(action: string, t: Translate): string {
  const key = `audit.action.${action}`;
  if (hasKey(key)) return t(key as 'audit.read');
  return action.startsWith('read.') ? t('audit.read') : t('audit.change');
}
