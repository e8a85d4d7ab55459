import type { EntityManager } from '@mikro-orm/postgresql';
import { stockholmDay } from '../../shared/time';
import { isUuid } from '../../shared/validate';
import type { WorkingHours } from '../organisation/staff-member.entity';
import type { AbsenceKind, ContactRole } from './contacts.entity';
import { contactRows } from './who-to-contact.queries';

export const CONTACT_REASONS = [
  /** The fixed contact is at work. */
  'PRIMARY_AVAILABLE',
  /** The fixed contact is absent; the deputy is at work. */
  'PRIMARY_ABSENT',
  /** No fixed contact is appointed; the deputy is at work. */
  'NO_PRIMARY',
  /** Both are absent (or the only one appointed is): call the team. */
  'CONTACTS_ABSENT',
  /** Nobody is appointed: call the team. */
  'NO_CONTACT_APPOINTED',
] as const;
export type ContactReason = (typeof CONTACT_REASONS)[number];

export interface ContactPerson {
  staffId: string;
  role: ContactRole;
  givenName: string;
  familyName: string;
  title: string;
  workMobile: string | null;
  workingHours: WorkingHours[];
  /** Today's absence, if any. */
  absence: { kind: AbsenceKind; firstDay: string; lastDay: string | null } | null;
}

export interface WhoToContact {
  clientId: string;
  day: string;
  primary: ContactPerson | null;
  deputy: ContactPerson | null;
  /** Who to call: a person, or the team's phone. */
  contact: ContactPerson | null;
  /** The work team's phone, or the home-care group's when the team has none. */
  teamPhone: string;
  teamName: string;
  groupName: string;
  groupPhone: string;
  reason: ContactReason;
  /** The last day the fixed contact is away, when the reason is their absence (null: until further notice). */
  primaryAbsentUntil: string | null;
}

/** The rule, on loaded facts: the primary, else the deputy if the primary is away, else the team. */
export function decideContact(
  primary: ContactPerson | null,
  deputy: ContactPerson | null,
): { contact: ContactPerson | null; reason: ContactReason } {
  if (primary && !primary.absence) return { contact: primary, reason: 'PRIMARY_AVAILABLE' };
  if (deputy && !deputy.absence) {
    return { contact: deputy, reason: primary ? 'PRIMARY_ABSENT' : 'NO_PRIMARY' };
  }
  return { contact: null, reason: primary || deputy ? 'CONTACTS_ABSENT' : 'NO_CONTACT_APPOINTED' };
}

export const PHONE_KINDS = ['PRIMARY', 'DEPUTY', 'TEAM', 'GROUP'] as const;
export type PhoneKind = (typeof PHONE_KINDS)[number];

export interface PhoneListEntry {
  kind: PhoneKind;
  name: string;
  number: string;
}

/**
 * The client's current phone list (the fixed contact makes sure the client has one): the contact's
 * and the deputy's work mobiles, the work team's phone when it has its own, and the group's phone.
 * Whoever has no number is left out.
 */
export function phoneListOf(w: WhoToContact): PhoneListEntry[] {
  const entry = (kind: PhoneKind, name: string, number: string | null | undefined): PhoneListEntry[] =>
    number ? [{ kind, name, number }] : [];
  const person = (p: ContactPerson | null) => (p ? `${p.givenName} ${p.familyName}` : '');
  return [
    ...entry('PRIMARY', person(w.primary), w.primary?.workMobile),
    ...entry('DEPUTY', person(w.deputy), w.deputy?.workMobile),
    // The team's phone falls back to the group's (teamPhone): then only the group's is listed.
    ...entry('TEAM', w.teamName, w.teamPhone === w.groupPhone ? null : w.teamPhone),
    ...entry('GROUP', w.groupName, w.groupPhone),
  ];
}

/**
 * Who to contact now, for many clients in one SQL statement: the assignments that hold on the
 * Swedish calendar day and any absence covering it.
 */
export async function whoToContactNow(
  em: EntityManager,
  clientIds: string[],
  at: Date = new Date(),
): Promise<Map<string, WhoToContact>> {
  const day = stockholmDay(at);
  const result = new Map<string, WhoToContact>();
  if (clientIds.length === 0) return result;
  const rows = await contactRows(em, clientIds.filter(isUuid), day);
  type Entry = Pick<WhoToContact, 'teamPhone' | 'teamName' | 'groupName' | 'groupPhone' | 'primary' | 'deputy'>;
  const byClient = new Map<string, Entry>();
  for (const r of rows) {
    const entry = byClient.get(r.client_id) ?? {
      teamPhone: r.team_phone,
      teamName: r.team_name,
      groupName: r.group_name,
      groupPhone: r.group_phone,
      primary: null,
      deputy: null,
    };
    byClient.set(r.client_id, entry);
    if (!r.staff_id || !r.role) continue;
    const person: ContactPerson = {
      staffId: r.staff_id,
      role: r.role,
      givenName: r.given_name ?? '',
      familyName: r.family_name ?? '',
      title: r.title ?? '',
      workMobile: r.work_mobile,
      workingHours: r.working_hours ?? [],
      absence: r.absence_kind
        ? { kind: r.absence_kind, firstDay: r.absence_first_day ?? day, lastDay: r.absence_last_day }
        : null,
    };
    if (r.role === 'PRIMARY') entry.primary = person;
    else entry.deputy = person;
  }
  for (const [clientId, entry] of byClient) {
    const { contact, reason } = decideContact(entry.primary, entry.deputy);
    result.set(clientId, {
      clientId,
      day,
      ...entry,
      contact,
      reason,
      primaryAbsentUntil: entry.primary?.absence ? entry.primary.absence.lastDay : null,
    });
  }
  return result;
}
