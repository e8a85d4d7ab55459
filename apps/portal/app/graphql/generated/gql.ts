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
    "\n  fragment ContactNowFields on ContactNow {\n    reason\n    primaryAwayUntil\n    teamName\n    teamPhone\n    contact {\n      staffId\n      givenName\n      familyName\n      title\n      role\n      workMobile\n    }\n  }\n": typeof types.ContactNowFieldsFragmentDoc,
    "\n  fragment ContactPersonFields on ContactPerson {\n    staffId\n    givenName\n    familyName\n    title\n    role\n    workMobile\n    away {\n      firstDay\n      lastDay\n    }\n    workingHours {\n      weekday\n      start\n      end\n    }\n  }\n": typeof types.ContactPersonFieldsFragmentDoc,
    "\n  query LoginCallback_Viewer {\n    viewer {\n      givenName\n      familyName\n      isClient\n      isStaff\n      isCoordinator\n    }\n  }\n": typeof types.LoginCallback_ViewerDocument,
    "\n  query ClientPage_Client($id: ID!) {\n    viewer {\n      isStaff\n    }\n    client(id: $id) {\n      id\n      givenName\n      familyName\n      myAccess {\n        relations\n        scopes\n      }\n      contactNow {\n        ...ContactNowFields\n      }\n      fixedContact {\n        ...ContactPersonFields\n      }\n      deputy {\n        ...ContactPersonFields\n      }\n      phoneList {\n        kind\n        name\n        number\n      }\n    }\n  }\n": typeof types.ClientPage_ClientDocument,
    "\n  query Overview_Viewer {\n    viewer {\n      givenName\n      familyName\n      isClient\n      isStaff\n      isCoordinator\n      clients(first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            givenName\n            familyName\n            myAccess {\n              relations\n              scopes\n            }\n            fixedContact {\n              givenName\n              familyName\n            }\n            contactNow {\n              ...ContactNowFields\n            }\n          }\n        }\n      }\n      consentsToAccept {\n        consentId\n        clientId\n        clientName\n        scopes\n      }\n    }\n  }\n": typeof types.Overview_ViewerDocument,
    "\n  mutation Overview_AcceptConsent($consentId: ID!) {\n    acceptConsent(consentId: $consentId) {\n      consentId\n      error {\n        code\n        rule\n        message\n      }\n    }\n  }\n": typeof types.Overview_AcceptConsentDocument,
};
const documents: Documents = {
    "\n  fragment ContactNowFields on ContactNow {\n    reason\n    primaryAwayUntil\n    teamName\n    teamPhone\n    contact {\n      staffId\n      givenName\n      familyName\n      title\n      role\n      workMobile\n    }\n  }\n": types.ContactNowFieldsFragmentDoc,
    "\n  fragment ContactPersonFields on ContactPerson {\n    staffId\n    givenName\n    familyName\n    title\n    role\n    workMobile\n    away {\n      firstDay\n      lastDay\n    }\n    workingHours {\n      weekday\n      start\n      end\n    }\n  }\n": types.ContactPersonFieldsFragmentDoc,
    "\n  query LoginCallback_Viewer {\n    viewer {\n      givenName\n      familyName\n      isClient\n      isStaff\n      isCoordinator\n    }\n  }\n": types.LoginCallback_ViewerDocument,
    "\n  query ClientPage_Client($id: ID!) {\n    viewer {\n      isStaff\n    }\n    client(id: $id) {\n      id\n      givenName\n      familyName\n      myAccess {\n        relations\n        scopes\n      }\n      contactNow {\n        ...ContactNowFields\n      }\n      fixedContact {\n        ...ContactPersonFields\n      }\n      deputy {\n        ...ContactPersonFields\n      }\n      phoneList {\n        kind\n        name\n        number\n      }\n    }\n  }\n": types.ClientPage_ClientDocument,
    "\n  query Overview_Viewer {\n    viewer {\n      givenName\n      familyName\n      isClient\n      isStaff\n      isCoordinator\n      clients(first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            givenName\n            familyName\n            myAccess {\n              relations\n              scopes\n            }\n            fixedContact {\n              givenName\n              familyName\n            }\n            contactNow {\n              ...ContactNowFields\n            }\n          }\n        }\n      }\n      consentsToAccept {\n        consentId\n        clientId\n        clientName\n        scopes\n      }\n    }\n  }\n": types.Overview_ViewerDocument,
    "\n  mutation Overview_AcceptConsent($consentId: ID!) {\n    acceptConsent(consentId: $consentId) {\n      consentId\n      error {\n        code\n        rule\n        message\n      }\n    }\n  }\n": types.Overview_AcceptConsentDocument,
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
export function graphql(source: "\n  fragment ContactNowFields on ContactNow {\n    reason\n    primaryAwayUntil\n    teamName\n    teamPhone\n    contact {\n      staffId\n      givenName\n      familyName\n      title\n      role\n      workMobile\n    }\n  }\n"): (typeof documents)["\n  fragment ContactNowFields on ContactNow {\n    reason\n    primaryAwayUntil\n    teamName\n    teamPhone\n    contact {\n      staffId\n      givenName\n      familyName\n      title\n      role\n      workMobile\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ContactPersonFields on ContactPerson {\n    staffId\n    givenName\n    familyName\n    title\n    role\n    workMobile\n    away {\n      firstDay\n      lastDay\n    }\n    workingHours {\n      weekday\n      start\n      end\n    }\n  }\n"): (typeof documents)["\n  fragment ContactPersonFields on ContactPerson {\n    staffId\n    givenName\n    familyName\n    title\n    role\n    workMobile\n    away {\n      firstDay\n      lastDay\n    }\n    workingHours {\n      weekday\n      start\n      end\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query LoginCallback_Viewer {\n    viewer {\n      givenName\n      familyName\n      isClient\n      isStaff\n      isCoordinator\n    }\n  }\n"): (typeof documents)["\n  query LoginCallback_Viewer {\n    viewer {\n      givenName\n      familyName\n      isClient\n      isStaff\n      isCoordinator\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ClientPage_Client($id: ID!) {\n    viewer {\n      isStaff\n    }\n    client(id: $id) {\n      id\n      givenName\n      familyName\n      myAccess {\n        relations\n        scopes\n      }\n      contactNow {\n        ...ContactNowFields\n      }\n      fixedContact {\n        ...ContactPersonFields\n      }\n      deputy {\n        ...ContactPersonFields\n      }\n      phoneList {\n        kind\n        name\n        number\n      }\n    }\n  }\n"): (typeof documents)["\n  query ClientPage_Client($id: ID!) {\n    viewer {\n      isStaff\n    }\n    client(id: $id) {\n      id\n      givenName\n      familyName\n      myAccess {\n        relations\n        scopes\n      }\n      contactNow {\n        ...ContactNowFields\n      }\n      fixedContact {\n        ...ContactPersonFields\n      }\n      deputy {\n        ...ContactPersonFields\n      }\n      phoneList {\n        kind\n        name\n        number\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Overview_Viewer {\n    viewer {\n      givenName\n      familyName\n      isClient\n      isStaff\n      isCoordinator\n      clients(first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            givenName\n            familyName\n            myAccess {\n              relations\n              scopes\n            }\n            fixedContact {\n              givenName\n              familyName\n            }\n            contactNow {\n              ...ContactNowFields\n            }\n          }\n        }\n      }\n      consentsToAccept {\n        consentId\n        clientId\n        clientName\n        scopes\n      }\n    }\n  }\n"): (typeof documents)["\n  query Overview_Viewer {\n    viewer {\n      givenName\n      familyName\n      isClient\n      isStaff\n      isCoordinator\n      clients(first: 20) {\n        totalCount\n        edges {\n          node {\n            id\n            givenName\n            familyName\n            myAccess {\n              relations\n              scopes\n            }\n            fixedContact {\n              givenName\n              familyName\n            }\n            contactNow {\n              ...ContactNowFields\n            }\n          }\n        }\n      }\n      consentsToAccept {\n        consentId\n        clientId\n        clientName\n        scopes\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation Overview_AcceptConsent($consentId: ID!) {\n    acceptConsent(consentId: $consentId) {\n      consentId\n      error {\n        code\n        rule\n        message\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation Overview_AcceptConsent($consentId: ID!) {\n    acceptConsent(consentId: $consentId) {\n      consentId\n      error {\n        code\n        rule\n        message\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;