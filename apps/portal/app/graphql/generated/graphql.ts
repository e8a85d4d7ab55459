/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** How the viewer stands to a client. */
export type ClientRelation =
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

export type PhoneKind =
  | 'DEPUTY'
  | 'GROUP'
  | 'PRIMARY'
  | 'TEAM';

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

export type ContactNowFieldsFragment = { reason: ContactReason | null, primaryAwayUntil: string | null, teamName: string | null, teamPhone: string | null, contact: { staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null, role: ContactRole | null, workMobile: string | null } | null };

export type ContactPersonFieldsFragment = { staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null, role: ContactRole | null, workMobile: string | null, away: { firstDay: string, lastDay: string | null } | null, workingHours: Array<{ weekday: number, start: string, end: string }> | null };

export type LoginCallback_ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type LoginCallback_ViewerQuery = { viewer: { givenName: string | null, familyName: string | null, isClient: boolean, isStaff: boolean, isCoordinator: boolean } | null };

export type ClientPage_ClientQueryVariables = Exact<{
  id: string | number;
}>;


export type ClientPage_ClientQuery = { viewer: { isStaff: boolean } | null, client: { id: string, givenName: string | null, familyName: string | null, myAccess: { relations: Array<ClientRelation>, scopes: Array<ConsentScope> } | null, contactNow: { reason: ContactReason | null, primaryAwayUntil: string | null, teamName: string | null, teamPhone: string | null, contact: { staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null, role: ContactRole | null, workMobile: string | null } | null } | null, fixedContact: { staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null, role: ContactRole | null, workMobile: string | null, away: { firstDay: string, lastDay: string | null } | null, workingHours: Array<{ weekday: number, start: string, end: string }> | null } | null, deputy: { staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null, role: ContactRole | null, workMobile: string | null, away: { firstDay: string, lastDay: string | null } | null, workingHours: Array<{ weekday: number, start: string, end: string }> | null } | null, phoneList: Array<{ kind: PhoneKind | null, name: string | null, number: string | null }> | null } | null };

export type Overview_ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type Overview_ViewerQuery = { viewer: { givenName: string | null, familyName: string | null, isClient: boolean, isStaff: boolean, isCoordinator: boolean, clients: { totalCount: number, edges: Array<{ node: { id: string, givenName: string | null, familyName: string | null, myAccess: { relations: Array<ClientRelation>, scopes: Array<ConsentScope> } | null, fixedContact: { givenName: string | null, familyName: string | null } | null, contactNow: { reason: ContactReason | null, primaryAwayUntil: string | null, teamName: string | null, teamPhone: string | null, contact: { staffId: string, givenName: string | null, familyName: string | null, title: StaffTitle | null, role: ContactRole | null, workMobile: string | null } | null } | null } }> }, consentsToAccept: Array<{ consentId: string, clientId: string, clientName: string, scopes: Array<ConsentScope> }> } | null };

export type Overview_AcceptConsentMutationVariables = Exact<{
  consentId: string | number;
}>;


export type Overview_AcceptConsentMutation = { acceptConsent: { consentId: string | null, error: { code: UserErrorCode, rule: string, message: string } | null } };

export const ContactNowFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactNowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactNow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"primaryAwayUntil"}},{"kind":"Field","name":{"kind":"Name","value":"teamName"}},{"kind":"Field","name":{"kind":"Name","value":"teamPhone"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"workMobile"}}]}}]}}]} as unknown as DocumentNode<ContactNowFieldsFragment, unknown>;
export const ContactPersonFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactPersonFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactPerson"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"workMobile"}},{"kind":"Field","name":{"kind":"Name","value":"away"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstDay"}},{"kind":"Field","name":{"kind":"Name","value":"lastDay"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workingHours"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}}]} as unknown as DocumentNode<ContactPersonFieldsFragment, unknown>;
export const LoginCallback_ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"LoginCallback_Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"isClient"}},{"kind":"Field","name":{"kind":"Name","value":"isStaff"}},{"kind":"Field","name":{"kind":"Name","value":"isCoordinator"}}]}}]}}]} as unknown as DocumentNode<LoginCallback_ViewerQuery, LoginCallback_ViewerQueryVariables>;
export const ClientPage_ClientDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ClientPage_Client"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isStaff"}}]}},{"kind":"Field","name":{"kind":"Name","value":"client"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"myAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relations"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactNow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContactNowFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fixedContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContactPersonFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"deputy"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContactPersonFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"phoneList"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"number"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactNowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactNow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"primaryAwayUntil"}},{"kind":"Field","name":{"kind":"Name","value":"teamName"}},{"kind":"Field","name":{"kind":"Name","value":"teamPhone"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"workMobile"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactPersonFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactPerson"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"workMobile"}},{"kind":"Field","name":{"kind":"Name","value":"away"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"firstDay"}},{"kind":"Field","name":{"kind":"Name","value":"lastDay"}}]}},{"kind":"Field","name":{"kind":"Name","value":"workingHours"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"weekday"}},{"kind":"Field","name":{"kind":"Name","value":"start"}},{"kind":"Field","name":{"kind":"Name","value":"end"}}]}}]}}]} as unknown as DocumentNode<ClientPage_ClientQuery, ClientPage_ClientQueryVariables>;
export const Overview_ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Overview_Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"isClient"}},{"kind":"Field","name":{"kind":"Name","value":"isStaff"}},{"kind":"Field","name":{"kind":"Name","value":"isCoordinator"}},{"kind":"Field","name":{"kind":"Name","value":"clients"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalCount"}},{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"myAccess"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"relations"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"fixedContact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"contactNow"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ContactNowFields"}}]}}]}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"consentsToAccept"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentId"}},{"kind":"Field","name":{"kind":"Name","value":"clientId"}},{"kind":"Field","name":{"kind":"Name","value":"clientName"}},{"kind":"Field","name":{"kind":"Name","value":"scopes"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ContactNowFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ContactNow"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"primaryAwayUntil"}},{"kind":"Field","name":{"kind":"Name","value":"teamName"}},{"kind":"Field","name":{"kind":"Name","value":"teamPhone"}},{"kind":"Field","name":{"kind":"Name","value":"contact"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"staffId"}},{"kind":"Field","name":{"kind":"Name","value":"givenName"}},{"kind":"Field","name":{"kind":"Name","value":"familyName"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"workMobile"}}]}}]}}]} as unknown as DocumentNode<Overview_ViewerQuery, Overview_ViewerQueryVariables>;
export const Overview_AcceptConsentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Overview_AcceptConsent"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"acceptConsent"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"consentId"},"value":{"kind":"Variable","name":{"kind":"Name","value":"consentId"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"consentId"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]}}]} as unknown as DocumentNode<Overview_AcceptConsentMutation, Overview_AcceptConsentMutationVariables>;