import { AuditEventSchema } from '../modules/audit/audit-event.entity';
import { ClientSchema, FixedContactOfferSchema, GrantedServiceSchema } from '../modules/clients/client.entity';
import { ContactAssignmentSchema, StaffAbsenceSchema } from '../modules/contacts/contacts.entity';
import { ConversationSchema, MessageSchema } from '../modules/messages/messages.entity';
import { CareGroupSchema, ProviderSchema, WorkTeamSchema } from '../modules/organisation/organisation.entity';
import { StaffMemberSchema, TeamMembershipSchema } from '../modules/organisation/staff-member.entity';
import { PersonSchema } from '../modules/people/person.entity';
import { ConsentSchema, RelativeLinkSchema } from '../modules/relatives/relatives.entity';

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
