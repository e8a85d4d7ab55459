import { graphql } from '../../graphql/generated';

export const Consents_Client = graphql(`
  query Consents_Client($id: ID!) {
    client(id: $id) {
      ...ClientNameFields
      myAccess {
        relations
      }
      relatives {
        id
        givenName
        familyName
        relationship
        consent {
          id
          scopes
          grantedAt
          relativeAcceptedAt
          expiresAt
        }
      }
      consentHistory {
        id
        relativeName
        scopes
        grantedAt
        endedAt
        endReason
        givenVia
      }
      accessLog(first: 30) {
        totalCount
        edges {
          node {
            ...AuditEntryFields
          }
        }
      }
    }
  }
`);

export const Consents_AddRelative = graphql(`
  mutation Consents_AddRelative($input: AddRelativeInput!) {
    addRelative(input: $input) {
      relativeId
      error {
        ...UserErrorFields
      }
    }
  }
`);

export const Consents_Grant = graphql(`
  mutation Consents_Grant($input: GrantConsentInput!) {
    grantConsent(input: $input) {
      consentId
      error {
        ...UserErrorFields
      }
    }
  }
`);

export const Consents_Change = graphql(`
  mutation Consents_Change($input: ChangeConsentInput!) {
    changeConsent(input: $input) {
      consentId
      error {
        ...UserErrorFields
      }
    }
  }
`);

export const Consents_Revoke = graphql(`
  mutation Consents_Revoke($consentId: ID!) {
    revokeConsent(consentId: $consentId) {
      consentId
      error {
        ...UserErrorFields
      }
    }
  }
`);
