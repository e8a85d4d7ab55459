/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AbsenceKind =
  | 'LEAVE_OF_ABSENCE'
  | 'OTHER'
  | 'PARENTAL_LEAVE'
  | 'SICK'
  | 'TRAINING'
  | 'VACATION';

export type AddRelativeInput = {
  clientId: string | number;
  familyName: string;
  givenName: string;
  personnummer: string;
  relationship: Relationship;
};

export type AppointContactInput = {
  clientId: string | number;
  /** Required when someone is replaced. */
  reason?: string | null | undefined;
  role: ContactRole;
  staffId: string | number;
  /** Today when omitted. */
  validFrom?: string | null | undefined;
};

export type AuditOutcome =
  | 'ALLOWED'
  | 'DENIED';

export type AuthorRole =
  | 'CLIENT'
  | 'RELATIVE'
  | 'STAFF';

export type CareSetting =
  | 'HEMTJANST'
  | 'SARSKILT_BOENDE';

export type ChangeConsentInput = {
  /** Coordinators only, and then required: how the client gave this change in person and their capacity. The change is recorded as given in person; the client’s own change in the portal has none. */
  capacityNote?: string | null | undefined;
  consentId: string | number;
  expiresAt?: string | null | undefined;
  scopes: Array<ConsentScope>;
};

/** How the viewer stands to a client. ASSIGNED: the client’s fixed contact or deputy today (with STAFF). */
export type ClientRelation =
  | 'ASSIGNED'
  | 'COORDINATOR'
  | 'RELATIVE'
  | 'SELF'
  | 'STAFF';

/** What a client lets a relative see or do. */
export type ConsentScope =
  | 'READ_CONVERSATION'
  | 'SEND_MESSAGES'
  | 'VIEW_CONTACT'
  | 'VIEW_CONTACT_DETAILS';

/** Why this is who to contact now. */
export type ContactReason =
  | 'CONTACTS_ABSENT'
  | 'NO_CONTACT_APPOINTED'
  | 'NO_PRIMARY'
  | 'PRIMARY_ABSENT'
  | 'PRIMARY_AVAILABLE';

export type ContactRole =
  | 'DEPUTY'
  | 'PRIMARY';

export type GrantConsentInput = {
  /** The client consents to processing of personal data. */
  dataProcessing: boolean;
  expiresAt?: string | null | undefined;
  relativeId: string | number;
  scopes: Array<ConsentScope>;
  /** The client waives secrecy towards this relative. */
  secrecyWaiver: boolean;
};

export type HandlingState =
  | 'ANSWERED'
  | 'NEW'
  | 'READ';

export type MarkMessageInput = {
  messageId: string | number;
  state: MarkState;
};

export type MarkState =
  | 'ANSWERED'
  | 'READ';

export type OfferStatus =
  | 'ACCEPTED'
  | 'DECLINED'
  | 'EXEMPT'
  | 'OFFERED';

export type PhoneKind =
  | 'DEPUTY'
  | 'GROUP'
  | 'PRIMARY'
  | 'TEAM';

export type RecordAbsenceInput = {
  firstDay: string;
  kind: AbsenceKind;
  /** Inclusive; omitted: until further notice. */
  lastDay?: string | null | undefined;
  staffId: string | number;
};

export type RecordOfferInput = {
  clientId: string | number;
  /** The client’s own view; required for an exemption. */
  clientView?: string | null | undefined;
  /** Required for an exemption. */
  reason?: string | null | undefined;
  status: OfferStatus;
};

export type Relationship =
  | 'CHILD'
  | 'FORVALTARE'
  | 'FRIEND'
  | 'GOD_MAN'
  | 'OTHER_RELATIVE'
  | 'PARTNER';

export type SendMessageInput = {
  /** At most 4000 characters. */
  body: string;
  clientId: string | number;
  /** Chosen by the sender’s device; a resend with the same key is stored once. */
  idempotencyKey: string;
  /** The message this answers (staff replies). */
  inReplyTo?: string | number | null | undefined;
  /** Only the client may mark a message private. */
  private?: boolean | null | undefined;
};

export type StaffTitle =
  | 'ARBETSTERAPEUT'
  | 'ENHETSCHEF'
  | 'FYSIOTERAPEUT'
  | 'OTHER'
  | 'SAMORDNARE'
  | 'SJUKSKOTERSKA'
  | 'UNDERSKOTERSKA'
  | 'VARDBITRADE';

export type UserErrorCode =
  | 'CONFLICT'
  | 'FORBIDDEN'
  | 'INVALID_INPUT'
  | 'NOT_FOUND'
  | 'RATE_LIMITED'
  | 'RULE_VIOLATION';

export type ViewerFieldsFragment = { givenName: string | null, familyName: string | null, isClient: boolean, isStaff: boolean, isCoordinator: boolean };

export type UserErrorFieldsFragment = { code: UserErrorCode, field: string | null, rule: string, message: string };

export type ClientNameFieldsFragment = { id: string, givenName: string | null, familyName: string | null };

export type StaffNameFieldsFragment = { staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null };

export type ContactNowFieldsFragment = { reason: ContactReason | null, primaryAwayUntil: string | null, teamName: string | null, teamPhone: string | null, contact: { staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null, role: ContactRole | null, workMobile: string | null } | null };

export type ContactPersonFieldsFragment = { role: ContactRole | null, workMobile: string | null, staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null, away: { firstDay: string, lastDay: string | null } | null, workingHours: Array<{ weekday: number, start: string, end: string }> | null };

export type MessageFieldsFragment = { id: string, body: string | null, authorName: string | null, authorRole: AuthorRole | null, sentAt: string | null, private: boolean | null, state: HandlingState | null, inReplyTo: string | null };

export type AuditEntryFieldsFragment = { id: string, action: string, actorName: string | null, actorIsStaff: boolean, at: string, outcome: AuditOutcome };

export type UnitStaffFieldsFragment = { staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle };

export type LoginCallback_ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type LoginCallback_ViewerQuery = { viewer: { givenName: string | null, familyName: string | null, isClient: boolean, isStaff: boolean, isCoordinator: boolean } | null };

export type Inbox_ItemsQueryVariables = Exact<{ [key: string]: never; }>;


export type Inbox_ItemsQuery = { viewer: { isStaff: boolean, inbox: { totalCount: number, edges: Array<{ node: { unanswered: number | null, waitingMinutes: number | null, waitingSince: string | null, lastMessageAt: string | null, client: { id: string, givenName: string | null, familyName: string | null } | null, lastMessage: { id: string, body: string | null, authorName: string | null, authorRole: AuthorRole | null, sentAt: string | null, private: boolean | null, state: HandlingState | null, inReplyTo: string | null } | null } }> } | null, clients: { edges: Array<{ node: { id: string, givenName: string | null, familyName: string | null, myAccess: { relations: Array<ClientRelation> } | null } }> } } | null };

export type ClientPage_ClientQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientPage_ClientQuery = { client: { id: string, givenName: string | null, familyName: string | null, myAccess: { relations: Array<ClientRelation>, scopes: Array<ConsentScope> } | null, contactNow: { reason: ContactReason | null, primaryAwayUntil: string | null, teamName: string | null, teamPhone: string | null, contact: { staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null, role: ContactRole | null, workMobile: string | null } | null } | null, fixedContact: { role: ContactRole | null, workMobile: string | null, staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null, away: { firstDay: string, lastDay: string | null } | null, workingHours: Array<{ weekday: number, start: string, end: string }> | null } | null, deputy: { role: ContactRole | null, workMobile: string | null, staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null, away: { firstDay: string, lastDay: string | null } | null, workingHours: Array<{ weekday: number, start: string, end: string }> | null } | null, phoneList: Array<{ kind: PhoneKind | null, name: string | null, number: string | null }> | null } | null };

export type Messages_ConversationQueryVariables = Exact<{
  id: string | number;
}>;


export type Messages_ConversationQuery = { client: { id: string, givenName: string | null, familyName: string | null, myAccess: { relations: Array<ClientRelation>, scopes: Array<ConsentScope> } | null, conversation: { totalCount: number, edges: Array<{ node: { id: string, body: string | null, authorName: string | null, authorRole: AuthorRole | null, sentAt: string | null, private: boolean | null, state: HandlingState | null, inReplyTo: string | null } }> } | null } | null };

export type Messages_SendMutationVariables = Exact<{
  input: SendMessageInput;
}>;


export type Messages_SendMutation = { sendMessage: { messageId: string | null, error: { code: UserErrorCode, field: string | null, rule: string, message: string } | null } };

export type Messages_MarkMutationVariables = Exact<{
  input: MarkMessageInput;
}>;


export type Messages_MarkMutation = { markMessage: { messageId: string | null, state: HandlingState | null, error: { code: UserErrorCode, field: string | null, rule: string, message: string } | null } };

export type Consents_ClientQueryVariables = Exact<{
  id: string | number;
}>;


export type Consents_ClientQuery = { client: { id: string, givenName: string | null, familyName: string | null, myAccess: { relations: Array<ClientRelation> } | null, relatives: Array<{ id: string, givenName: string | null, familyName: string | null, relationship: Relationship | null, consent: { id: string, scopes: Array<ConsentScope> | null, grantedAt: string | null, relativeAcceptedAt: string | null, expiresAt: string | null } | null }> | null, consentHistory: Array<{ id: string, relativeName: string | null, scopes: Array<ConsentScope> | null, grantedAt: string | null, endedAt: string | null, endReason: string | null, givenVia: string | null }> | null, accessLog: { totalCount: number, edges: Array<{ node: { id: string, action: string, actorName: string | null, actorIsStaff: boolean, at: string, outcome: AuditOutcome } }> } | null } | null };

export type Consents_AddRelativeMutationVariables = Exact<{
  input: AddRelativeInput;
}>;


export type Consents_AddRelativeMutation = { addRelative: { relativeId: string | null, error: { code: UserErrorCode, field: string | null, rule: string, message: string } | null } };

export type Consents_GrantMutationVariables = Exact<{
  input: GrantConsentInput;
}>;


export type Consents_GrantMutation = { grantConsent: { consentId: string | null, error: { code: UserErrorCode, field: string | null, rule: string, message: string } | null } };

export type Consents_ChangeMutationVariables = Exact<{
  input: ChangeConsentInput;
}>;


export type Consents_ChangeMutation = { changeConsent: { consentId: string | null, error: { code: UserErrorCode, field: string | null, rule: string, message: string } | null } };

export type Consents_RevokeMutationVariables = Exact<{
  consentId: string | number;
}>;


export type Consents_RevokeMutation = { revokeConsent: { consentId: string | null, error: { code: UserErrorCode, field: string | null, rule: string, message: string } | null } };

export type Overview_ViewerQueryVariables = Exact<{
  assignedToMe: boolean;
}>;


export type Overview_ViewerQuery = { viewer: { givenName: string | null, familyName: string | null, isClient: boolean, isStaff: boolean, isCoordinator: boolean, clients: { totalCount: number, edges: Array<{ node: { id: string, givenName: string | null, familyName: string | null, myAccess: { relations: Array<ClientRelation>, scopes: Array<ConsentScope> } | null, fixedContact: { givenName: string | null, familyName: string | null } | null, contactNow: { reason: ContactReason | null, primaryAwayUntil: string | null, teamName: string | null, teamPhone: string | null, contact: { staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null, role: ContactRole | null, workMobile: string | null } | null } | null } }> }, consentsToAccept: Array<{ consentId: string, clientId: string, clientName: string | null, scopes: Array<ConsentScope> }> } | null };

export type Overview_AcceptConsentMutationVariables = Exact<{
  consentId: string | number;
}>;


export type Overview_AcceptConsentMutation = { acceptConsent: { consentId: string | null, error: { code: UserErrorCode, field: string | null, rule: string, message: string } | null } };

export type Overview_DeclineConsentMutationVariables = Exact<{
  consentId: string | number;
}>;


export type Overview_DeclineConsentMutation = { declineConsent: { consentId: string | null, error: { code: UserErrorCode, field: string | null, rule: string, message: string } | null } };

export type CoordinatorClient_DetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type CoordinatorClient_DetailsQuery = { viewer: { isCoordinator: boolean, unitStaff: Array<{ staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle }> | null } | null, client: { id: string, givenName: string | null, familyName: string | null, fixedContact: { role: ContactRole | null, workMobile: string | null, staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null, away: { firstDay: string, lastDay: string | null } | null, workingHours: Array<{ weekday: number, start: string, end: string }> | null } | null, deputy: { role: ContactRole | null, workMobile: string | null, staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null, away: { firstDay: string, lastDay: string | null } | null, workingHours: Array<{ weekday: number, start: string, end: string }> | null } | null, offer: { status: OfferStatus | null, reason: string | null, clientView: string | null, assessedAt: string | null } | null } | null };

export type CoordinatorClient_AppointMutationVariables = Exact<{
  input: AppointContactInput;
}>;


export type CoordinatorClient_AppointMutation = { appointContact: { assignment: { id: string } | null, error: { code: UserErrorCode, field: string | null, rule: string, message: string } | null } };

export type CoordinatorClient_RecordOfferMutationVariables = Exact<{
  input: RecordOfferInput;
}>;


export type CoordinatorClient_RecordOfferMutation = { recordOffer: { offerId: string | null, error: { code: UserErrorCode, field: string | null, rule: string, message: string } | null } };

export type Coordinator_ClientsQueryVariables = Exact<{ [key: string]: never; }>;


export type Coordinator_ClientsQuery = { viewer: { isCoordinator: boolean, clients: { totalCount: number, edges: Array<{ node: { careSetting: CareSetting | null, id: string, givenName: string | null, familyName: string | null, fixedContact: { staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null } | null, deputy: { staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null } | null, offer: { status: OfferStatus | null } | null } }> } } | null };

export type Absence_StaffQueryVariables = Exact<{ [key: string]: never; }>;


export type Absence_StaffQuery = { viewer: { isCoordinator: boolean, unitStaff: Array<{ staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle }> | null } | null };

export type Absence_RecordMutationVariables = Exact<{
  input: RecordAbsenceInput;
}>;


export type Absence_RecordMutation = { recordAbsence: { absence: { id: string } | null, error: { code: UserErrorCode, field: string | null, rule: string, message: string } | null } };

export type UnitLog_EntriesQueryVariables = Exact<{
  deniedOnly: boolean;
}>;


export type UnitLog_EntriesQuery = { viewer: { isCoordinator: boolean, unitAuditLog: { totalCount: number, edges: Array<{ node: { clientId: string | null, id: string, action: string, actorName: string | null, actorIsStaff: boolean, at: string, outcome: AuditOutcome } }> } | null } | null };

export const ViewerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"isClient"}},{"kind":"Field","name":{"kind":"Name","value":"isStaff"}},{"kind":"Field","name":{"kind":"Name","value":"isCoordinator"}}]}}]} as unknown as DocumentNode<ViewerFieldsFragment, unknown>;
export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const ClientNameFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientNameFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}}]} as unknown as DocumentNode<ClientNameFieldsFragment, unknown>;
export const ContactNowFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactNowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactNow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"primaryAwayUntil"}},{"kind":"Field","name":{"kind":"Name","value":"teamName"}},{"kind":"Field","name":{"kind":"Name","value":"teamPhone"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}]},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"workMobile"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}]}]}}]}}]} as unknown as DocumentNode<ContactNowFieldsFragment, unknown>;
export const StaffNameFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StaffNameFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactPerson"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]} as unknown as DocumentNode<StaffNameFieldsFragment, unknown>;
export const ContactPersonFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactPersonFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactPerson"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StaffNameFields"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"workMobile"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}]},{"kind":"Field","name":{"kind":"Name","value":"away"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstDay"}},{"kind":"Field","name":{"kind":"Name","value":"lastDay"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workingHours"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StaffNameFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactPerson"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]} as unknown as DocumentNode<ContactPersonFieldsFragment, unknown>;
export const MessageFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"authorRole"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"private"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"inReplyTo"}}]}}]} as unknown as DocumentNode<MessageFieldsFragment, unknown>;
export const AuditEntryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"actorIsStaff"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]} as unknown as DocumentNode<AuditEntryFieldsFragment, unknown>;
export const UnitStaffFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UnitStaffFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnitStaffMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]} as unknown as DocumentNode<UnitStaffFieldsFragment, unknown>;
export const LoginCallback_ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LoginCallback_Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViewerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"isClient"}},{"kind":"Field","name":{"kind":"Name","value":"isStaff"}},{"kind":"Field","name":{"kind":"Name","value":"isCoordinator"}}]}}]} as unknown as DocumentNode<LoginCallback_ViewerQuery, LoginCallback_ViewerQueryVariables>;
export const Inbox_ItemsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Inbox_Items"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isStaff"}},{"kind":"Field","name":{"kind":"Name","value":"inbox"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"unanswered"}},{"kind":"Field","name":{"kind":"Name","value":"waitingMinutes"}},{"kind":"Field","name":{"kind":"Name","value":"waitingSince"}},{"kind":"Field","name":{"kind":"Name","value":"lastMessageAt"}},{"kind":"Field","name":{"kind":"Name","value":"client"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientNameFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"lastMessage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientNameFields"}},{"kind":"Field","name":{"kind":"Name","value":"myAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relations"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientNameFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"authorRole"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"private"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"inReplyTo"}}]}}]} as unknown as DocumentNode<Inbox_ItemsQuery, Inbox_ItemsQueryVariables>;
export const ClientPage_ClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientPage_Client"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientNameFields"}},{"kind":"Field","name":{"kind":"Name","value":"myAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relations"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactNow"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContactNowFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fixedContact"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContactPersonFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deputy"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContactPersonFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phoneList"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StaffNameFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactPerson"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientNameFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactNowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactNow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"primaryAwayUntil"}},{"kind":"Field","name":{"kind":"Name","value":"teamName"}},{"kind":"Field","name":{"kind":"Name","value":"teamPhone"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}]},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"workMobile"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}]}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactPersonFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactPerson"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StaffNameFields"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"workMobile"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}]},{"kind":"Field","name":{"kind":"Name","value":"away"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstDay"}},{"kind":"Field","name":{"kind":"Name","value":"lastDay"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workingHours"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}}]} as unknown as DocumentNode<ClientPage_ClientQuery, ClientPage_ClientQueryVariables>;
export const Messages_ConversationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Messages_Conversation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientNameFields"}},{"kind":"Field","name":{"kind":"Name","value":"myAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relations"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"conversation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"MessageFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientNameFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"MessageFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Message"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"body"}},{"kind":"Field","name":{"kind":"Name","value":"authorName"}},{"kind":"Field","name":{"kind":"Name","value":"authorRole"}},{"kind":"Field","name":{"kind":"Name","value":"sentAt"}},{"kind":"Field","name":{"kind":"Name","value":"private"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"inReplyTo"}}]}}]} as unknown as DocumentNode<Messages_ConversationQuery, Messages_ConversationQueryVariables>;
export const Messages_SendDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Messages_Send"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SendMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sendMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<Messages_SendMutation, Messages_SendMutationVariables>;
export const Messages_MarkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Messages_Mark"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MarkMessageInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"markMessage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"messageId"}},{"kind":"Field","name":{"kind":"Name","value":"state"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<Messages_MarkMutation, Messages_MarkMutationVariables>;
export const Consents_ClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Consents_Client"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientNameFields"}},{"kind":"Field","name":{"kind":"Name","value":"myAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relations"}}]}},{"kind":"Field","name":{"kind":"Name","value":"relatives"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"relationship"}},{"kind":"Field","name":{"kind":"Name","value":"consent"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"relativeAcceptedAt"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"consentHistory"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"relativeName"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}},{"kind":"Field","name":{"kind":"Name","value":"grantedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endedAt"}},{"kind":"Field","name":{"kind":"Name","value":"endReason"}},{"kind":"Field","name":{"kind":"Name","value":"givenVia"}}]}},{"kind":"Field","name":{"kind":"Name","value":"accessLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"30"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditEntryFields"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientNameFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"actorIsStaff"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]} as unknown as DocumentNode<Consents_ClientQuery, Consents_ClientQueryVariables>;
export const Consents_AddRelativeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Consents_AddRelative"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddRelativeInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addRelative"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relativeId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<Consents_AddRelativeMutation, Consents_AddRelativeMutationVariables>;
export const Consents_GrantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Consents_Grant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"GrantConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grantConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<Consents_GrantMutation, Consents_GrantMutationVariables>;
export const Consents_ChangeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Consents_Change"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ChangeConsentInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"changeConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<Consents_ChangeMutation, Consents_ChangeMutationVariables>;
export const Consents_RevokeDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Consents_Revoke"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"consentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<Consents_RevokeMutation, Consents_RevokeMutationVariables>;
export const Overview_ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Overview_Viewer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"assignedToMe"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViewerFields"}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"assignedToMe"},"value":{"kind":"Variable","name":{"kind":"Name","value":"assignedToMe"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientNameFields"}},{"kind":"Field","name":{"kind":"Name","value":"myAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relations"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fixedContact"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactNow"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContactNowFields"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"consentsToAccept"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentId"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Viewer"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"isClient"}},{"kind":"Field","name":{"kind":"Name","value":"isStaff"}},{"kind":"Field","name":{"kind":"Name","value":"isCoordinator"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientNameFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactNowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactNow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"primaryAwayUntil"}},{"kind":"Field","name":{"kind":"Name","value":"teamName"}},{"kind":"Field","name":{"kind":"Name","value":"teamPhone"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}]},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"workMobile"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}]}]}}]}}]} as unknown as DocumentNode<Overview_ViewerQuery, Overview_ViewerQueryVariables>;
export const Overview_AcceptConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Overview_AcceptConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"consentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<Overview_AcceptConsentMutation, Overview_AcceptConsentMutationVariables>;
export const Overview_DeclineConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Overview_DeclineConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"declineConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"consentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<Overview_DeclineConsentMutation, Overview_DeclineConsentMutationVariables>;
export const CoordinatorClient_DetailsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CoordinatorClient_Details"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isCoordinator"}},{"kind":"Field","name":{"kind":"Name","value":"unitStaff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UnitStaffFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientNameFields"}},{"kind":"Field","name":{"kind":"Name","value":"fixedContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContactPersonFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deputy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContactPersonFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"clientView"}},{"kind":"Field","name":{"kind":"Name","value":"assessedAt"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StaffNameFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactPerson"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UnitStaffFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnitStaffMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientNameFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactPersonFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactPerson"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StaffNameFields"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"workMobile"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}]},{"kind":"Field","name":{"kind":"Name","value":"away"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstDay"}},{"kind":"Field","name":{"kind":"Name","value":"lastDay"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workingHours"},"directives":[{"kind":"Directive","name":{"kind":"Name","value":"ifShared"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}}]} as unknown as DocumentNode<CoordinatorClient_DetailsQuery, CoordinatorClient_DetailsQueryVariables>;
export const CoordinatorClient_AppointDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoordinatorClient_Appoint"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AppointContactInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"appointContact"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"assignment"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoordinatorClient_AppointMutation, CoordinatorClient_AppointMutationVariables>;
export const CoordinatorClient_RecordOfferDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CoordinatorClient_RecordOffer"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordOfferInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordOffer"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"offerId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<CoordinatorClient_RecordOfferMutation, CoordinatorClient_RecordOfferMutationVariables>;
export const Coordinator_ClientsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Coordinator_Clients"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isCoordinator"}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ClientNameFields"}},{"kind":"Field","name":{"kind":"Name","value":"careSetting"}},{"kind":"Field","name":{"kind":"Name","value":"fixedContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StaffNameFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deputy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"StaffNameFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"offer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ClientNameFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Client"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"StaffNameFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactPerson"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]} as unknown as DocumentNode<Coordinator_ClientsQuery, Coordinator_ClientsQueryVariables>;
export const Absence_StaffDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Absence_Staff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isCoordinator"}},{"kind":"Field","name":{"kind":"Name","value":"unitStaff"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UnitStaffFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UnitStaffFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UnitStaffMember"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}}]}}]} as unknown as DocumentNode<Absence_StaffQuery, Absence_StaffQueryVariables>;
export const Absence_RecordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Absence_Record"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RecordAbsenceInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"recordAbsence"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"absence"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"field"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]} as unknown as DocumentNode<Absence_RecordMutation, Absence_RecordMutationVariables>;
export const UnitLog_EntriesDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"UnitLog_Entries"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"deniedOnly"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Boolean"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isCoordinator"}},{"kind":"Field","name":{"kind":"Name","value":"unitAuditLog"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"50"}},{"kind":"Argument","name":{"kind":"Name","value":"deniedOnly"},"value":{"kind":"Variable","name":{"kind":"Name","value":"deniedOnly"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AuditEntryFields"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}}]}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AuditEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"AuditEntry"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"actorName"}},{"kind":"Field","name":{"kind":"Name","value":"actorIsStaff"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"outcome"}}]}}]} as unknown as DocumentNode<UnitLog_EntriesQuery, UnitLog_EntriesQueryVariables>;