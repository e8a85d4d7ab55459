import {
  ABSENCE_KINDS,
  CARE_SETTINGS,
  CONTACT_ROLES,
  OFFER_STATUSES,
  RELATIONSHIPS,
  SERVICE_TYPES,
  STAFF_TITLES,
} from '@spindeln/care-values';
import { CONSENT_SCOPES } from '@spindeln/consent-scopes';
import { registerEnumType } from 'type-graphql';
import { CLIENT_RELATIONS } from './access/standing';
import { AUDIT_OUTCOMES } from './audit/audit-event.entity';
import { CONTACT_REASONS, PHONE_KINDS } from './contacts/who-to-contact';
import { AUTHOR_ROLES, HANDLING_STATES, MARK_STATES } from './messages/messages.entity';
import { NAME_WITHHELD } from './people/shown-name';

/** GraphQL enums made from the same lists the database checks use. */
function enumOf<T extends string>(values: readonly T[], name: string, description?: string): Record<T, T> {
  const e = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(e, { name, description });
  return e;
}

export const ConsentScopeEnum = enumOf(CONSENT_SCOPES, 'ConsentScope', 'What a client lets a relative see or do.');
export const CareSettingEnum = enumOf(CARE_SETTINGS, 'CareSetting');
export const ServiceTypeEnum = enumOf(SERVICE_TYPES, 'ServiceType');
export const OfferStatusEnum = enumOf(OFFER_STATUSES, 'OfferStatus');
export const ContactRoleEnum = enumOf(CONTACT_ROLES, 'ContactRole');
export const AbsenceKindEnum = enumOf(ABSENCE_KINDS, 'AbsenceKind');
export const StaffTitleEnum = enumOf(STAFF_TITLES, 'StaffTitle');
export const RelationshipEnum = enumOf(RELATIONSHIPS, 'Relationship');
export const ContactReasonEnum = enumOf(CONTACT_REASONS, 'ContactReason', 'Why this is who to contact now.');
export const AuthorRoleEnum = enumOf(AUTHOR_ROLES, 'AuthorRole');
export const HandlingStateEnum = enumOf(HANDLING_STATES, 'HandlingState');
export const MarkStateEnum = enumOf(MARK_STATES, 'MarkState');
export const AuditOutcomeEnum = enumOf(AUDIT_OUTCOMES, 'AuditOutcome');
export const ClientRelationEnum = enumOf(
  CLIENT_RELATIONS,
  'ClientRelation',
  'How the viewer stands to a client. ASSIGNED: the client’s fixed contact or deputy today (with STAFF).',
);
export const PhoneKindEnum = enumOf(PHONE_KINDS, 'PhoneKind');
export const NameWithheldEnum = enumOf(
  NAME_WITHHELD,
  'NameWithheld',
  'Why a name is not shown: ANOTHER_RELATIVE (a relative never sees another by name) or PROTECTED_IDENTITY (skyddade personuppgifter, shown as "Skyddad identitet").',
);
