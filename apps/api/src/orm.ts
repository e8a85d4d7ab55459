import { MikroORM, type Options } from '@mikro-orm/postgresql';
import { ormOptions } from './db/orm';
import { AuditEventSchema } from './modules/audit/audit-event.entity';
import { ClientSchema, FixedContactOfferSchema, GrantedServiceSchema } from './modules/clients/client.entity';
import { ContactAssignmentSchema, StaffAbsenceSchema } from './modules/contacts/contacts.entity';
import { ConversationSchema, MessageSchema } from './modules/messages/messages.entity';
import { CareGroupSchema, ProviderSchema, WorkTeamSchema } from './modules/organisation/organisation.entity';
import { StaffMemberSchema, TeamMembershipSchema } from './modules/organisation/staff-member.entity';
import { PersonSchema } from './modules/people/person.entity';
import { ConsentSchema, RelativeLinkSchema } from './modules/relatives/relatives.entity';

/** The API's ORM: the database's options over every module's entities. */
export async function openOrm(databaseUrl: string, extra: Partial<Options> = {}): Promise<MikroORM> {
  return MikroORM.init(ormOptions(databaseUrl, ENTITIES, extra));
}

export const ENTITIES = [
  PersonSchema,
  ProviderSchema,
  CareGroupSchema,
  WorkTeamSchema,
  StaffMemberSchema,
  TeamMembershipSchema,
  ClientSchema,
  GrantedServiceSchema,
  FixedContactOfferSchema,
  ContactAssignmentSchema,
  StaffAbsenceSchema,
  RelativeLinkSchema,
  ConsentSchema,
  ConversationSchema,
  MessageSchema,
  AuditEventSchema,
];
