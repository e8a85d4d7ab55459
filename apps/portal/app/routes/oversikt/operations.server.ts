import { graphql } from '../../graphql/generated';

/**
 * Everyone the viewer sees (staff: the clients they are contact or deputy for today), and for each
 * whom to contact now: numbers only where shared.
 */
export const Overview_Viewer = graphql(`
  query Overview_Viewer($assignedToMe: Boolean!) {
    viewer {
      ...ViewerFields
      clients(first: 20, assignedToMe: $assignedToMe) {
        totalCount
        edges {
          node {
            ...ClientNameFields
            myAccess {
              relations
              scopes
            }
            fixedContact @ifShared {
              givenName
              familyName
            }
            contactNow @ifShared {
              ...ContactNowFields
            }
          }
        }
      }
      consentsToAccept {
        consentId
        clientId
        clientName
        scopes
      }
    }
  }
`);

export const Overview_AcceptConsent = graphql(`
  mutation Overview_AcceptConsent($consentId: ID!) {
    acceptConsent(consentId: $consentId) {
      consentId
      error {
        ...UserErrorFields
      }
    }
  }
`);

export const Overview_DeclineConsent = graphql(`
  mutation Overview_DeclineConsent($consentId: ID!) {
    declineConsent(consentId: $consentId) {
      consentId
      error {
        ...UserErrorFields
      }
    }
  }
`);
