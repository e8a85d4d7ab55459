import { graphql } from '../../graphql/generated';

export const Overview_Viewer = graphql(`
  query Overview_Viewer {
    viewer {
      givenName
      familyName
      isClient
      isStaff
      isCoordinator
      clients(first: 20) {
        totalCount
        edges {
          node {
            id
            givenName
            familyName
            myAccess {
              relations
              scopes
            }
            fixedContact {
              givenName
              familyName
            }
            contactNow {
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
        code
        rule
        message
      }
    }
  }
`);
