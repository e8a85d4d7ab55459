import type { EntityManager } from '@mikro-orm/postgresql';
import type { ConsentScope } from '@spindeln/consent-scopes';
import { makeTestPersonnummer } from '@spindeln/personnummer';
import {
  type CareSetting,
  Client,
  FixedContactOffer,
  GrantedService,
  type OfferStatus,
  type ServiceType,
} from '../modules/clients/client.entity';
import {
  type AbsenceKind,
  ContactAssignment,
  type ContactRole,
  StaffAbsence,
} from '../modules/contacts/contacts.entity';
import { Conversation, Message } from '../modules/messages/messages.entity';
import { ensureConversation } from '../modules/messages/messages.queries';
import { CareGroup, Provider, WorkTeam } from '../modules/organisation/organisation.entity';
import {
  StaffMember,
  type StaffTitle,
  type SystemRole,
  TeamMembership,
  type WorkingHours,
} from '../modules/organisation/staff-member.entity';
import { Person } from '../modules/people/person.entity';
import { Consent, type Relationship, RelativeLink } from '../modules/relatives/relatives.entity';

/**
 * Building blocks for demo data and tests. They write rows directly (seeding is not an action a
 * user takes, so nothing is audited), but every row still passes the database's constraints.
 */

let serial = 0;
/** A fresh valid personnummer for test data (serials 900-999 stay free for the named personas). */
export function nextPersonnummer(birthDate = '1950-01-01'): string {
  serial += 1;
  const day = new Date(`${birthDate}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + Math.floor(serial / 800));
  return makeTestPersonnummer(day.toISOString().slice(0, 10), 100 + (serial % 800));
}

export const OFFICE_HOURS: WorkingHours[] = [1, 2, 3, 4, 5].map((weekday) => ({
  weekday,
  start: '07:00',
  end: '16:00',
}));

export async function createPerson(
  em: EntityManager,
  data: { givenName: string; familyName: string; personnummer?: string; protectedIdentity?: boolean },
): Promise<Person> {
  const person = em.create(Person, {
    personnummer: data.personnummer ?? nextPersonnummer(),
    givenName: data.givenName,
    familyName: data.familyName,
    protectedIdentity: data.protectedIdentity ?? false,
  });
  await em.flush();
  return person;
}

export async function createUnit(
  em: EntityManager,
  data: {
    provider?: Provider;
    providerName?: string;
    groupName: string;
    groupPhone: string;
    teams: { name: string; phone?: string | null }[];
  },
): Promise<{ provider: Provider; group: CareGroup; teams: WorkTeam[] }> {
  const provider =
    data.provider ??
    em.create(Provider, { name: data.providerName ?? `Utförare ${data.groupName}`, kind: 'MUNICIPAL' });
  await em.flush();
  const group = em.create(CareGroup, { providerId: provider.id, name: data.groupName, phone: data.groupPhone });
  await em.flush();
  const teams = data.teams.map((t) => em.create(WorkTeam, { groupId: group.id, name: t.name, phone: t.phone ?? null }));
  await em.flush();
  return { provider, group, teams };
}

export async function createStaff(
  em: EntityManager,
  data: {
    unit: CareGroup;
    teams?: WorkTeam[];
    givenName: string;
    familyName: string;
    personnummer?: string;
    title?: StaffTitle;
    titleProvenOn?: string | null;
    workMobile?: string | null;
    roles?: SystemRole[];
    workingHours?: WorkingHours[];
  },
): Promise<StaffMember & { person: Person }> {
  const person = await createPerson(em, data);
  const title = data.title ?? 'UNDERSKOTERSKA';
  const staff = em.create(StaffMember, {
    personId: person.id,
    unitId: data.unit.id,
    title,
    titleProvenOn:
      data.titleProvenOn !== undefined ? data.titleProvenOn : title === 'UNDERSKOTERSKA' ? '2020-01-15' : null,
    workMobile: data.workMobile ?? null,
    roles: data.roles ?? ['CARE_STAFF'],
    workingHours: data.workingHours ?? OFFICE_HOURS,
  });
  await em.flush();
  for (const team of data.teams ?? []) em.create(TeamMembership, { staffId: staff.id, teamId: team.id });
  await em.flush();
  return Object.assign(staff, { person });
}

export async function createClient(
  em: EntityManager,
  data: {
    team: WorkTeam;
    givenName: string;
    familyName: string;
    personnummer?: string;
    careSetting?: CareSetting;
    services?: ServiceType[];
    protectedIdentity?: boolean;
  },
): Promise<Client & { person: Person }> {
  const person = await createPerson(em, data);
  const client = em.create(Client, {
    personId: person.id,
    teamId: data.team.id,
    careSetting: data.careSetting ?? 'HEMTJANST',
  });
  await em.flush();
  for (const type of data.services ?? ['PERSONAL_CARE']) {
    em.create(GrantedService, { clientId: client.id, type, grantedFrom: '2024-01-01' });
  }
  await em.flush();
  return Object.assign(client, { person });
}

export async function assignContact(
  em: EntityManager,
  data: {
    client: Client;
    staff: StaffMember;
    role: ContactRole;
    appointedBy: StaffMember;
    validFrom?: string;
    validTo?: string | null;
  },
): Promise<ContactAssignment> {
  const a = em.create(ContactAssignment, {
    clientId: data.client.id,
    staffId: data.staff.id,
    role: data.role,
    validFrom: data.validFrom ?? '2024-01-01',
    validTo: data.validTo ?? null,
    appointedBy: data.appointedBy.id,
  });
  await em.flush();
  return a;
}

export async function recordOfferRow(
  em: EntityManager,
  data: { client: Client; status: OfferStatus; assessedBy: StaffMember; reason?: string; clientView?: string },
): Promise<FixedContactOffer> {
  const offer = em.create(FixedContactOffer, {
    clientId: data.client.id,
    status: data.status,
    reason: data.reason ?? null,
    clientView: data.clientView ?? null,
    assessedBy: data.assessedBy.id,
  });
  await em.flush();
  return offer;
}

export async function addAbsence(
  em: EntityManager,
  data: { staff: StaffMember; kind?: AbsenceKind; firstDay: string; lastDay: string | null; recordedBy: StaffMember },
): Promise<StaffAbsence> {
  const absence = em.create(StaffAbsence, {
    staffId: data.staff.id,
    kind: data.kind ?? 'SICK',
    firstDay: data.firstDay,
    lastDay: data.lastDay,
    recordedBy: data.recordedBy.id,
  });
  await em.flush();
  return absence;
}

export interface RelativeData {
  client: Client;
  givenName: string;
  familyName: string;
  personnummer?: string;
  relationship?: Relationship;
  /** Skyddade personuppgifter. */
  protectedIdentity?: boolean;
  /** The client's own label for the relative when it differs from the registered name. */
  label?: { givenName: string; familyName: string };
  /** Omit for a relative with no consent. */
  scopes?: ConsentScope[];
  revoked?: boolean;
  expiresAt?: Date | null;
  accepted?: boolean;
}

export async function createRelative(
  em: EntityManager,
  data: RelativeData,
): Promise<{ person: Person; link: RelativeLink; consent: Consent | null }> {
  const person = await createPerson(em, data);
  const link = em.create(RelativeLink, {
    clientId: data.client.id,
    personId: person.id,
    givenName: data.label?.givenName ?? data.givenName,
    familyName: data.label?.familyName ?? data.familyName,
    relationship: data.relationship ?? 'CHILD',
  });
  await em.flush();
  let consent: Consent | null = null;
  if (data.scopes) {
    const grantedAt = new Date(Date.now() - 30 * 86_400_000);
    consent = em.create(Consent, {
      relativeLinkId: link.id,
      scopes: data.scopes,
      secrecyWaiver: true,
      dataProcessing: true,
      relativeAcceptedAt: data.accepted === false ? null : grantedAt,
      givenVia: 'PORTAL',
      grantedAt,
      expiresAt: data.expiresAt ?? null,
    });
    await em.flush();
    if (data.revoked) {
      consent.endedAt = new Date(Date.now() - 86_400_000);
      consent.endedBy = data.client.personId;
      consent.endReason = 'REVOKED';
      await em.flush();
    }
  }
  return { person, link, consent };
}

export async function addMessage(
  em: EntityManager,
  data: {
    client: Client;
    author: Person;
    authorRole: Message['authorRole'];
    body: string;
    private?: boolean;
    state?: Message['state'];
    handledBy?: StaffMember | null;
    createdAt?: Date;
    inReplyTo?: Message | null;
  },
): Promise<Message> {
  await ensureConversation(em, data.client.id);
  const conversation = await em.findOneOrFail(Conversation, { clientId: data.client.id });
  const state = data.authorRole === 'STAFF' ? null : (data.state ?? 'NEW');
  const message = em.create(Message, {
    conversationId: conversation.id,
    authorPersonId: data.author.id,
    authorRole: data.authorRole,
    body: data.body,
    private: data.private ?? false,
    inReplyTo: data.inReplyTo?.id ?? null,
    state,
    handledBy: state && state !== 'NEW' ? (data.handledBy?.id ?? null) : null,
    handledAt: state && state !== 'NEW' ? new Date() : null,
    idempotencyKey: `seed-${crypto.randomUUID()}`,
    createdAt: data.createdAt ?? new Date(),
  });
  await em.flush();
  return message;
}
