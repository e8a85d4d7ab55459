import { CONSENT_SCOPES } from '@spindeln/consent-scopes';
import { registerEnumType } from 'type-graphql';
import { CARE_SETTINGS, OFFER_STATUSES, SERVICE_TYPES } from './clients/client.entity';
import { ABSENCE_KINDS, CONTACT_ROLES } from './contacts/contacts.entity';
import { STAFF_TITLES } from './organisation/staff-member.entity';
import { NAME_WITHHELD } from './people/shown-name';
import { RELATIONSHIPS } from './relatives/relatives.entity';

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
export const ContactReasonEnum = enumOf(
  ['PRIMARY_AVAILABLE', 'PRIMARY_ABSENT', 'NO_PRIMARY', 'CONTACTS_ABSENT', 'NO_CONTACT_APPOINTED'] as const,
  'ContactReason',
  'Why this is who to contact now.',
);
export const AuthorRoleEnum = enumOf(['CLIENT', 'RELATIVE', 'STAFF'] as const, 'AuthorRole');
export const HandlingStateEnum = enumOf(['NEW', 'READ', 'ANSWERED'] as const, 'HandlingState');
export const MarkStateEnum = enumOf(['READ', 'ANSWERED'] as const, 'MarkState');
export const AuditOutcomeEnum = enumOf(['ALLOWED', 'DENIED'] as const, 'AuditOutcome');
export const ClientRelationEnum = enumOf(
  ['SELF', 'RELATIVE', 'STAFF', 'COORDINATOR'] as const,
  'ClientRelation',
  'How the viewer stands to a client.',
);
export const PhoneKindEnum = enumOf(['PRIMARY', 'DEPUTY', 'TEAM', 'GROUP'] as const, 'PhoneKind');
export const NameWithheldEnum = enumOf(
  NAME_WITHHELD,
  'NameWithheld',
  'Why a name is not shown: ANOTHER_RELATIVE (a relative never sees another by name) or PROTECTED_IDENTITY (skyddade personuppgifter, shown as "Skyddad identitet").',
);
