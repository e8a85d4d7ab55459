import { graphql } from '../../graphql/generated';

/** Phones are asked for in a second step, only for the clients whose scopes allow them. */
export const Overview_Viewer = graphql(`
  query Overview_Viewer($phones: Boolean! = false) {
    viewer {
      ...ViewerFields
      clients(first: 20) {
        totalCount
        edges {
          node {
            ...ClientNameFields
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

/** Whom to call now, with the numbers, for one client whose scopes allow phones. */
export const Overview_Phones = graphql(`
  query Overview_Phones($id: ID!, $phones: Boolean! = true) {
    client(id: $id) {
      id
      contactNow {
        ...ContactNowFields
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
