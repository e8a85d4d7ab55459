/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment ViewerFields on Viewer {\n    givenName\n    familyName\n    isClient\n    isStaff\n    isCoordinator\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  fragment UserErrorFields on UserError {\n    code\n    field\n    rule\n    message\n  }\n": typeof types.UserErrorFieldsFragmentDoc,
    "\n  fragment ClientNameFields on Client {\n    id\n    givenName\n    familyName\n  }\n": typeof types.ClientNameFieldsFragmentDoc,
    "\n  fragment StaffNameFields on ContactPerson {\n    staffId\n    givenName\n    familyName\n    title\n  }\n": typeof types.StaffNameFieldsFragmentDoc,
    "\n  fragment ContactNowFields on ContactNow {\n    reason\n    primaryAwayUntil\n    teamName\n    teamPhone @ifShared\n    # Fields, not a spread: the API's depth limit counts a spread as a level.\n    contact {\n      staffId\n      givenName\n      familyName\n      title\n      role\n      workMobile @ifShared\n    }\n  }\n": typeof types.ContactNowFieldsFragmentDoc,
    "\n  fragment ContactPersonFields on ContactPerson {\n    ...StaffNameFields\n    role\n    workMobile @ifShared\n    away {\n      firstDay\n      lastDay\n    }\n    workingHours @ifShared {\n      weekday\n      start\n      end\n    }\n  }\n": typeof types.ContactPersonFieldsFragmentDoc,
    "\n  fragment MessageFields on Message {\n    id\n    body\n    authorName\n    authorRole\n    sentAt\n    private\n    state\n    inReplyTo\n  }\n": typeof types.MessageFieldsFragmentDoc,
    "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    action\n    actorName\n    actorIsStaff\n    at\n    outcome\n  }\n": typeof types.AuditEntryFieldsFragmentDoc,
    "\n  fragment UnitStaffFields on UnitStaffMember {\n    staffId\n    givenName\n    familyName\n    title\n  }\n": typeof types.UnitStaffFieldsFragmentDoc,
    "\n  query LoginCallback_Viewer {\n    viewer {\n      ...ViewerFields\n    }\n  }\n": typeof types.LoginCallback_ViewerDocument,
    "\n  query Inbox_Items {\n    viewer {\n      isStaff\n      inbox(first: 50) {\n        totalCount\n        edges {\n          node {\n            unanswered\n            waitingMinutes\n            waitingSince\n            lastMessageAt\n            client {\n              ...ClientNameFields\n            }\n            lastMessage {\n              ...MessageFields\n            }\n          }\n        }\n      }\n      clients(first: 20) {\n        edges {\n          node {\n            ...ClientNameFields\n            myAccess {\n              relations\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.Inbox_ItemsDocument,
    "\n  query ClientPage_Client($id: ID!) {\n    client(id: $id) {\n      ...ClientNameFields\n      myAccess {\n        relations\n        scopes\n      }\n      contactNow @ifShared {\n        ...ContactNowFields\n      }\n      fixedContact @ifShared {\n        ...ContactPersonFields\n      }\n      deputy @ifShared {\n        ...ContactPersonFields\n      }\n      phoneList @ifShared {\n        kind\n        name\n        number\n      }\n    }\n  }\n": typeof types.ClientPage_ClientDocument,
    "\n  query Messages_Conversation($id: ID!) {\n    client(id: $id) {\n      ...ClientNameFields\n      myAccess {\n        relations\n        scopes\n      }\n      conversation(first: 50) {\n        totalCount\n        edges {\n          node {\n            ...MessageFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.Messages_ConversationDocument,
    "\n  mutation Messages_Send($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      messageId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.Messages_SendDocument,
    "\n  mutation Messages_Mark($input: MarkMessageInput!) {\n    markMessage(input: $input) {\n      messageId\n      state\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.Messages_MarkDocument,
    "\n  query Consents_Client($id: ID!) {\n    client(id: $id) {\n      ...ClientNameFields\n      myAccess {\n        relations\n      }\n      relatives {\n        id\n        givenName\n        familyName\n        relationship\n        consent {\n          id\n          scopes\n          grantedAt\n          relativeAcceptedAt\n          expiresAt\n        }\n      }\n      consentHistory {\n        id\n        relativeName\n        scopes\n        grantedAt\n        endedAt\n        endReason\n        givenVia\n      }\n      accessLog(first: 30) {\n        totalCount\n        edges {\n          node {\n            ...AuditEntryFields\n          }\n        }\n      }\n    }\n  }\n": typeof types.Consents_ClientDocument,
    "\n  mutation Consents_AddRelative($input: AddRelativeInput!) {\n    addRelative(input: $input) {\n      relativeId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.Consents_AddRelativeDocument,
    "\n  mutation Consents_Grant($input: GrantConsentInput!) {\n    grantConsent(input: $input) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.Consents_GrantDocument,
    "\n  mutation Consents_Change($input: ChangeConsentInput!) {\n    changeConsent(input: $input) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.Consents_ChangeDocument,
    "\n  mutation Consents_Revoke($consentId: ID!) {\n    revokeConsent(consentId: $consentId) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.Consents_RevokeDocument,
    "\n  query Overview_Viewer($assignedToMe: Boolean!) {\n    viewer {\n      ...ViewerFields\n      clients(first: 20, assignedToMe: $assignedToMe) {\n        totalCount\n        edges {\n          node {\n            ...ClientNameFields\n            myAccess {\n              relations\n              scopes\n            }\n            fixedContact @ifShared {\n              givenName\n              familyName\n            }\n            contactNow @ifShared {\n              ...ContactNowFields\n            }\n          }\n        }\n      }\n      consentsToAccept {\n        consentId\n        clientId\n        clientName\n        scopes\n      }\n    }\n  }\n": typeof types.Overview_ViewerDocument,
    "\n  mutation Overview_AcceptConsent($consentId: ID!) {\n    acceptConsent(consentId: $consentId) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.Overview_AcceptConsentDocument,
    "\n  mutation Overview_DeclineConsent($consentId: ID!) {\n    declineConsent(consentId: $consentId) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.Overview_DeclineConsentDocument,
    "\n  query CoordinatorClient_Details($id: ID!) {\n    viewer {\n      isCoordinator\n      unitStaff {\n        ...UnitStaffFields\n      }\n    }\n    client(id: $id) {\n      ...ClientNameFields\n      fixedContact {\n        ...ContactPersonFields\n      }\n      deputy {\n        ...ContactPersonFields\n      }\n      offer {\n        status\n        reason\n        clientView\n        assessedAt\n      }\n    }\n  }\n": typeof types.CoordinatorClient_DetailsDocument,
    "\n  mutation CoordinatorClient_Appoint($input: AppointContactInput!) {\n    appointContact(input: $input) {\n      assignment {\n        id\n      }\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CoordinatorClient_AppointDocument,
    "\n  mutation CoordinatorClient_RecordOffer($input: RecordOfferInput!) {\n    recordOffer(input: $input) {\n      offerId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CoordinatorClient_RecordOfferDocument,
    "\n  query Coordinator_Clients {\n    viewer {\n      isCoordinator\n      clients(first: 20) {\n        totalCount\n        edges {\n          node {\n            ...ClientNameFields\n            careSetting\n            fixedContact {\n              ...StaffNameFields\n            }\n            deputy {\n              ...StaffNameFields\n            }\n            offer {\n              status\n            }\n          }\n        }\n      }\n    }\n  }\n": typeof types.Coordinator_ClientsDocument,
    "\n  query Absence_Staff {\n    viewer {\n      isCoordinator\n      unitStaff {\n        ...UnitStaffFields\n      }\n    }\n  }\n": typeof types.Absence_StaffDocument,
    "\n  mutation Absence_Record($input: RecordAbsenceInput!) {\n    recordAbsence(input: $input) {\n      absence {\n        id\n      }\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.Absence_RecordDocument,
    "\n  query UnitLog_Entries($deniedOnly: Boolean!) {\n    viewer {\n      isCoordinator\n      unitAuditLog(first: 50, deniedOnly: $deniedOnly) {\n        totalCount\n        edges {\n          node {\n            ...AuditEntryFields\n            clientId\n          }\n        }\n      }\n    }\n  }\n": typeof types.UnitLog_EntriesDocument,
};
const documents: Documents = {
    "\n  fragment ViewerFields on Viewer {\n    givenName\n    familyName\n    isClient\n    isStaff\n    isCoordinator\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  fragment UserErrorFields on UserError {\n    code\n    field\n    rule\n    message\n  }\n": types.UserErrorFieldsFragmentDoc,
    "\n  fragment ClientNameFields on Client {\n    id\n    givenName\n    familyName\n  }\n": types.ClientNameFieldsFragmentDoc,
    "\n  fragment StaffNameFields on ContactPerson {\n    staffId\n    givenName\n    familyName\n    title\n  }\n": types.StaffNameFieldsFragmentDoc,
    "\n  fragment ContactNowFields on ContactNow {\n    reason\n    primaryAwayUntil\n    teamName\n    teamPhone @ifShared\n    # Fields, not a spread: the API's depth limit counts a spread as a level.\n    contact {\n      staffId\n      givenName\n      familyName\n      title\n      role\n      workMobile @ifShared\n    }\n  }\n": types.ContactNowFieldsFragmentDoc,
    "\n  fragment ContactPersonFields on ContactPerson {\n    ...StaffNameFields\n    role\n    workMobile @ifShared\n    away {\n      firstDay\n      lastDay\n    }\n    workingHours @ifShared {\n      weekday\n      start\n      end\n    }\n  }\n": types.ContactPersonFieldsFragmentDoc,
    "\n  fragment MessageFields on Message {\n    id\n    body\n    authorName\n    authorRole\n    sentAt\n    private\n    state\n    inReplyTo\n  }\n": types.MessageFieldsFragmentDoc,
    "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    action\n    actorName\n    actorIsStaff\n    at\n    outcome\n  }\n": types.AuditEntryFieldsFragmentDoc,
    "\n  fragment UnitStaffFields on UnitStaffMember {\n    staffId\n    givenName\n    familyName\n    title\n  }\n": types.UnitStaffFieldsFragmentDoc,
    "\n  query LoginCallback_Viewer {\n    viewer {\n      ...ViewerFields\n    }\n  }\n": types.LoginCallback_ViewerDocument,
    "\n  query Inbox_Items {\n    viewer {\n      isStaff\n      inbox(first: 50) {\n        totalCount\n        edges {\n          node {\n            unanswered\n            waitingMinutes\n            waitingSince\n            lastMessageAt\n            client {\n              ...ClientNameFields\n            }\n            lastMessage {\n              ...MessageFields\n            }\n          }\n        }\n      }\n      clients(first: 20) {\n        edges {\n          node {\n            ...ClientNameFields\n            myAccess {\n              relations\n            }\n          }\n        }\n      }\n    }\n  }\n": types.Inbox_ItemsDocument,
    "\n  query ClientPage_Client($id: ID!) {\n    client(id: $id) {\n      ...ClientNameFields\n      myAccess {\n        relations\n        scopes\n      }\n      contactNow @ifShared {\n        ...ContactNowFields\n      }\n      fixedContact @ifShared {\n        ...ContactPersonFields\n      }\n      deputy @ifShared {\n        ...ContactPersonFields\n      }\n      phoneList @ifShared {\n        kind\n        name\n        number\n      }\n    }\n  }\n": types.ClientPage_ClientDocument,
    "\n  query Messages_Conversation($id: ID!) {\n    client(id: $id) {\n      ...ClientNameFields\n      myAccess {\n        relations\n        scopes\n      }\n      conversation(first: 50) {\n        totalCount\n        edges {\n          node {\n            ...MessageFields\n          }\n        }\n      }\n    }\n  }\n": types.Messages_ConversationDocument,
    "\n  mutation Messages_Send($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      messageId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.Messages_SendDocument,
    "\n  mutation Messages_Mark($input: MarkMessageInput!) {\n    markMessage(input: $input) {\n      messageId\n      state\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.Messages_MarkDocument,
    "\n  query Consents_Client($id: ID!) {\n    client(id: $id) {\n      ...ClientNameFields\n      myAccess {\n        relations\n      }\n      relatives {\n        id\n        givenName\n        familyName\n        relationship\n        consent {\n          id\n          scopes\n          grantedAt\n          relativeAcceptedAt\n          expiresAt\n        }\n      }\n      consentHistory {\n        id\n        relativeName\n        scopes\n        grantedAt\n        endedAt\n        endReason\n        givenVia\n      }\n      accessLog(first: 30) {\n        totalCount\n        edges {\n          node {\n            ...AuditEntryFields\n          }\n        }\n      }\n    }\n  }\n": types.Consents_ClientDocument,
    "\n  mutation Consents_AddRelative($input: AddRelativeInput!) {\n    addRelative(input: $input) {\n      relativeId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.Consents_AddRelativeDocument,
    "\n  mutation Consents_Grant($input: GrantConsentInput!) {\n    grantConsent(input: $input) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.Consents_GrantDocument,
    "\n  mutation Consents_Change($input: ChangeConsentInput!) {\n    changeConsent(input: $input) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.Consents_ChangeDocument,
    "\n  mutation Consents_Revoke($consentId: ID!) {\n    revokeConsent(consentId: $consentId) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.Consents_RevokeDocument,
    "\n  query Overview_Viewer($assignedToMe: Boolean!) {\n    viewer {\n      ...ViewerFields\n      clients(first: 20, assignedToMe: $assignedToMe) {\n        totalCount\n        edges {\n          node {\n            ...ClientNameFields\n            myAccess {\n              relations\n              scopes\n            }\n            fixedContact @ifShared {\n              givenName\n              familyName\n            }\n            contactNow @ifShared {\n              ...ContactNowFields\n            }\n          }\n        }\n      }\n      consentsToAccept {\n        consentId\n        clientId\n        clientName\n        scopes\n      }\n    }\n  }\n": types.Overview_ViewerDocument,
    "\n  mutation Overview_AcceptConsent($consentId: ID!) {\n    acceptConsent(consentId: $consentId) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.Overview_AcceptConsentDocument,
    "\n  mutation Overview_DeclineConsent($consentId: ID!) {\n    declineConsent(consentId: $consentId) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.Overview_DeclineConsentDocument,
    "\n  query CoordinatorClient_Details($id: ID!) {\n    viewer {\n      isCoordinator\n      unitStaff {\n        ...UnitStaffFields\n      }\n    }\n    client(id: $id) {\n      ...ClientNameFields\n      fixedContact {\n        ...ContactPersonFields\n      }\n      deputy {\n        ...ContactPersonFields\n      }\n      offer {\n        status\n        reason\n        clientView\n        assessedAt\n      }\n    }\n  }\n": types.CoordinatorClient_DetailsDocument,
    "\n  mutation CoordinatorClient_Appoint($input: AppointContactInput!) {\n    appointContact(input: $input) {\n      assignment {\n        id\n      }\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CoordinatorClient_AppointDocument,
    "\n  mutation CoordinatorClient_RecordOffer($input: RecordOfferInput!) {\n    recordOffer(input: $input) {\n      offerId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CoordinatorClient_RecordOfferDocument,
    "\n  query Coordinator_Clients {\n    viewer {\n      isCoordinator\n      clients(first: 20) {\n        totalCount\n        edges {\n          node {\n            ...ClientNameFields\n            careSetting\n            fixedContact {\n              ...StaffNameFields\n            }\n            deputy {\n              ...StaffNameFields\n            }\n            offer {\n              status\n            }\n          }\n        }\n      }\n    }\n  }\n": types.Coordinator_ClientsDocument,
    "\n  query Absence_Staff {\n    viewer {\n      isCoordinator\n      unitStaff {\n        ...UnitStaffFields\n      }\n    }\n  }\n": types.Absence_StaffDocument,
    "\n  mutation Absence_Record($input: RecordAbsenceInput!) {\n    recordAbsence(input: $input) {\n      absence {\n        id\n      }\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.Absence_RecordDocument,
    "\n  query UnitLog_Entries($deniedOnly: Boolean!) {\n    viewer {\n      isCoordinator\n      unitAuditLog(first: 50, deniedOnly: $deniedOnly) {\n        totalCount\n        edges {\n          node {\n            ...AuditEntryFields\n            clientId\n          }\n        }\n      }\n    }\n  }\n": types.UnitLog_EntriesDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on Viewer {\n    givenName\n    familyName\n    isClient\n    isStaff\n    isCoordinator\n  }\n"): (typeof documents)["\n  fragment ViewerFields on Viewer {\n    givenName\n    familyName\n    isClient\n    isStaff\n    isCoordinator\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserErrorFields on UserError {\n    code\n    field\n    rule\n    message\n  }\n"): (typeof documents)["\n  fragment UserErrorFields on UserError {\n    code\n    field\n    rule\n    message\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ClientNameFields on Client {\n    id\n    givenName\n    familyName\n  }\n"): (typeof documents)["\n  fragment ClientNameFields on Client {\n    id\n    givenName\n    familyName\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StaffNameFields on ContactPerson {\n    staffId\n    givenName\n    familyName\n    title\n  }\n"): (typeof documents)["\n  fragment StaffNameFields on ContactPerson {\n    staffId\n    givenName\n    familyName\n    title\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactNowFields on ContactNow {\n    reason\n    primaryAwayUntil\n    teamName\n    teamPhone @ifShared\n    # Fields, not a spread: the API's depth limit counts a spread as a level.\n    contact {\n      staffId\n      givenName\n      familyName\n      title\n      role\n      workMobile @ifShared\n    }\n  }\n"): (typeof documents)["\n  fragment ContactNowFields on ContactNow {\n    reason\n    primaryAwayUntil\n    teamName\n    teamPhone @ifShared\n    # Fields, not a spread: the API's depth limit counts a spread as a level.\n    contact {\n      staffId\n      givenName\n      familyName\n      title\n      role\n      workMobile @ifShared\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactPersonFields on ContactPerson {\n    ...StaffNameFields\n    role\n    workMobile @ifShared\n    away {\n      firstDay\n      lastDay\n    }\n    workingHours @ifShared {\n      weekday\n      start\n      end\n    }\n  }\n"): (typeof documents)["\n  fragment ContactPersonFields on ContactPerson {\n    ...StaffNameFields\n    role\n    workMobile @ifShared\n    away {\n      firstDay\n      lastDay\n    }\n    workingHours @ifShared {\n      weekday\n      start\n      end\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment MessageFields on Message {\n    id\n    body\n    authorName\n    authorRole\n    sentAt\n    private\n    state\n    inReplyTo\n  }\n"): (typeof documents)["\n  fragment MessageFields on Message {\n    id\n    body\n    authorName\n    authorRole\n    sentAt\n    private\n    state\n    inReplyTo\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AuditEntryFields on AuditEntry {\n    id\n    action\n    actorName\n    actorIsStaff\n    at\n    outcome\n  }\n"): (typeof documents)["\n  fragment AuditEntryFields on AuditEntry {\n    id\n    action\n    actorName\n    actorIsStaff\n    at\n    outcome\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UnitStaffFields on UnitStaffMember {\n    staffId\n    givenName\n    familyName\n    title\n  }\n"): (typeof documents)["\n  fragment UnitStaffFields on UnitStaffMember {\n    staffId\n    givenName\n    familyName\n    title\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoginCallback_Viewer {\n    viewer {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query LoginCallback_Viewer {\n    viewer {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Inbox_Items {\n    viewer {\n      isStaff\n      inbox(first: 50) {\n        totalCount\n        edges {\n          node {\n            unanswered\n            waitingMinutes\n            waitingSince\n            lastMessageAt\n            client {\n              ...ClientNameFields\n            }\n            lastMessage {\n              ...MessageFields\n            }\n          }\n        }\n      }\n      clients(first: 20) {\n        edges {\n          node {\n            ...ClientNameFields\n            myAccess {\n              relations\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Inbox_Items {\n    viewer {\n      isStaff\n      inbox(first: 50) {\n        totalCount\n        edges {\n          node {\n            unanswered\n            waitingMinutes\n            waitingSince\n            lastMessageAt\n            client {\n              ...ClientNameFields\n            }\n            lastMessage {\n              ...MessageFields\n            }\n          }\n        }\n      }\n      clients(first: 20) {\n        edges {\n          node {\n            ...ClientNameFields\n            myAccess {\n              relations\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientPage_Client($id: ID!) {\n    client(id: $id) {\n      ...ClientNameFields\n      myAccess {\n        relations\n        scopes\n      }\n      contactNow @ifShared {\n        ...ContactNowFields\n      }\n      fixedContact @ifShared {\n        ...ContactPersonFields\n      }\n      deputy @ifShared {\n        ...ContactPersonFields\n      }\n      phoneList @ifShared {\n        kind\n        name\n        number\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientPage_Client($id: ID!) {\n    client(id: $id) {\n      ...ClientNameFields\n      myAccess {\n        relations\n        scopes\n      }\n      contactNow @ifShared {\n        ...ContactNowFields\n      }\n      fixedContact @ifShared {\n        ...ContactPersonFields\n      }\n      deputy @ifShared {\n        ...ContactPersonFields\n      }\n      phoneList @ifShared {\n        kind\n        name\n        number\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Messages_Conversation($id: ID!) {\n    client(id: $id) {\n      ...ClientNameFields\n      myAccess {\n        relations\n        scopes\n      }\n      conversation(first: 50) {\n        totalCount\n        edges {\n          node {\n            ...MessageFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Messages_Conversation($id: ID!) {\n    client(id: $id) {\n      ...ClientNameFields\n      myAccess {\n        relations\n        scopes\n      }\n      conversation(first: 50) {\n        totalCount\n        edges {\n          node {\n            ...MessageFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Messages_Send($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      messageId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Messages_Send($input: SendMessageInput!) {\n    sendMessage(input: $input) {\n      messageId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Messages_Mark($input: MarkMessageInput!) {\n    markMessage(input: $input) {\n      messageId\n      state\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Messages_Mark($input: MarkMessageInput!) {\n    markMessage(input: $input) {\n      messageId\n      state\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Consents_Client($id: ID!) {\n    client(id: $id) {\n      ...ClientNameFields\n      myAccess {\n        relations\n      }\n      relatives {\n        id\n        givenName\n        familyName\n        relationship\n        consent {\n          id\n          scopes\n          grantedAt\n          relativeAcceptedAt\n          expiresAt\n        }\n      }\n      consentHistory {\n        id\n        relativeName\n        scopes\n        grantedAt\n        endedAt\n        endReason\n        givenVia\n      }\n      accessLog(first: 30) {\n        totalCount\n        edges {\n          node {\n            ...AuditEntryFields\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Consents_Client($id: ID!) {\n    client(id: $id) {\n      ...ClientNameFields\n      myAccess {\n        relations\n      }\n      relatives {\n        id\n        givenName\n        familyName\n        relationship\n        consent {\n          id\n          scopes\n          grantedAt\n          relativeAcceptedAt\n          expiresAt\n        }\n      }\n      consentHistory {\n        id\n        relativeName\n        scopes\n        grantedAt\n        endedAt\n        endReason\n        givenVia\n      }\n      accessLog(first: 30) {\n        totalCount\n        edges {\n          node {\n            ...AuditEntryFields\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Consents_AddRelative($input: AddRelativeInput!) {\n    addRelative(input: $input) {\n      relativeId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Consents_AddRelative($input: AddRelativeInput!) {\n    addRelative(input: $input) {\n      relativeId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Consents_Grant($input: GrantConsentInput!) {\n    grantConsent(input: $input) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Consents_Grant($input: GrantConsentInput!) {\n    grantConsent(input: $input) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Consents_Change($input: ChangeConsentInput!) {\n    changeConsent(input: $input) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Consents_Change($input: ChangeConsentInput!) {\n    changeConsent(input: $input) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Consents_Revoke($consentId: ID!) {\n    revokeConsent(consentId: $consentId) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Consents_Revoke($consentId: ID!) {\n    revokeConsent(consentId: $consentId) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview_Viewer($assignedToMe: Boolean!) {\n    viewer {\n      ...ViewerFields\n      clients(first: 20, assignedToMe: $assignedToMe) {\n        totalCount\n        edges {\n          node {\n            ...ClientNameFields\n            myAccess {\n              relations\n              scopes\n            }\n            fixedContact @ifShared {\n              givenName\n              familyName\n            }\n            contactNow @ifShared {\n              ...ContactNowFields\n            }\n          }\n        }\n      }\n      consentsToAccept {\n        consentId\n        clientId\n        clientName\n        scopes\n      }\n    }\n  }\n"): (typeof documents)["\n  query Overview_Viewer($assignedToMe: Boolean!) {\n    viewer {\n      ...ViewerFields\n      clients(first: 20, assignedToMe: $assignedToMe) {\n        totalCount\n        edges {\n          node {\n            ...ClientNameFields\n            myAccess {\n              relations\n              scopes\n            }\n            fixedContact @ifShared {\n              givenName\n              familyName\n            }\n            contactNow @ifShared {\n              ...ContactNowFields\n            }\n          }\n        }\n      }\n      consentsToAccept {\n        consentId\n        clientId\n        clientName\n        scopes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Overview_AcceptConsent($consentId: ID!) {\n    acceptConsent(consentId: $consentId) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Overview_AcceptConsent($consentId: ID!) {\n    acceptConsent(consentId: $consentId) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Overview_DeclineConsent($consentId: ID!) {\n    declineConsent(consentId: $consentId) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Overview_DeclineConsent($consentId: ID!) {\n    declineConsent(consentId: $consentId) {\n      consentId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query CoordinatorClient_Details($id: ID!) {\n    viewer {\n      isCoordinator\n      unitStaff {\n        ...UnitStaffFields\n      }\n    }\n    client(id: $id) {\n      ...ClientNameFields\n      fixedContact {\n        ...ContactPersonFields\n      }\n      deputy {\n        ...ContactPersonFields\n      }\n      offer {\n        status\n        reason\n        clientView\n        assessedAt\n      }\n    }\n  }\n"): (typeof documents)["\n  query CoordinatorClient_Details($id: ID!) {\n    viewer {\n      isCoordinator\n      unitStaff {\n        ...UnitStaffFields\n      }\n    }\n    client(id: $id) {\n      ...ClientNameFields\n      fixedContact {\n        ...ContactPersonFields\n      }\n      deputy {\n        ...ContactPersonFields\n      }\n      offer {\n        status\n        reason\n        clientView\n        assessedAt\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CoordinatorClient_Appoint($input: AppointContactInput!) {\n    appointContact(input: $input) {\n      assignment {\n        id\n      }\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CoordinatorClient_Appoint($input: AppointContactInput!) {\n    appointContact(input: $input) {\n      assignment {\n        id\n      }\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CoordinatorClient_RecordOffer($input: RecordOfferInput!) {\n    recordOffer(input: $input) {\n      offerId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CoordinatorClient_RecordOffer($input: RecordOfferInput!) {\n    recordOffer(input: $input) {\n      offerId\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Coordinator_Clients {\n    viewer {\n      isCoordinator\n      clients(first: 20) {\n        totalCount\n        edges {\n          node {\n            ...ClientNameFields\n            careSetting\n            fixedContact {\n              ...StaffNameFields\n            }\n            deputy {\n              ...StaffNameFields\n            }\n            offer {\n              status\n            }\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Coordinator_Clients {\n    viewer {\n      isCoordinator\n      clients(first: 20) {\n        totalCount\n        edges {\n          node {\n            ...ClientNameFields\n            careSetting\n            fixedContact {\n              ...StaffNameFields\n            }\n            deputy {\n              ...StaffNameFields\n            }\n            offer {\n              status\n            }\n          }\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Absence_Staff {\n    viewer {\n      isCoordinator\n      unitStaff {\n        ...UnitStaffFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query Absence_Staff {\n    viewer {\n      isCoordinator\n      unitStaff {\n        ...UnitStaffFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Absence_Record($input: RecordAbsenceInput!) {\n    recordAbsence(input: $input) {\n      absence {\n        id\n      }\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Absence_Record($input: RecordAbsenceInput!) {\n    recordAbsence(input: $input) {\n      absence {\n        id\n      }\n      error {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query UnitLog_Entries($deniedOnly: Boolean!) {\n    viewer {\n      isCoordinator\n      unitAuditLog(first: 50, deniedOnly: $deniedOnly) {\n        totalCount\n        edges {\n          node {\n            ...AuditEntryFields\n            clientId\n          }\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query UnitLog_Entries($deniedOnly: Boolean!) {\n    viewer {\n      isCoordinator\n      unitAuditLog(first: 50, deniedOnly: $deniedOnly) {\n        totalCount\n        edges {\n          node {\n            ...AuditEntryFields\n            clientId\n          }\n        }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;