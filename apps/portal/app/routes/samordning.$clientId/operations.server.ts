import { graphql } from '../../graphql/generated';

export const CoordinatorClient_Details = graphql(`
  query CoordinatorClient_Details($id: ID!) {
    viewer {
      isCoordinator
      clients(first: 20) {
        edges {
          node {
            fixedContact {
              staffId
              givenName
              familyName
              title
            }
            deputy {
              staffId
              givenName
              familyName
              title
            }
          }
        }
      }
    }
    client(id: $id) {
      id
      givenName
      familyName
      fixedContact {
        ...ContactPersonFields
      }
      deputy {
        ...ContactPersonFields
      }
      offer {
        status
        reason
        clientView
        assessedAt
      }
    }
  }
`);

export const CoordinatorClient_Appoint = graphql(`
  mutation CoordinatorClient_Appoint($input: AppointContactInput!) {
    appointContact(input: $input) {
      assignment {
        id
      }
      error {
        code
        field
        rule
        message
      }
    }
  }
`);

export const CoordinatorClient_RecordOffer = graphql(`
  mutation CoordinatorClient_RecordOffer($input: RecordOfferInput!) {
    recordOffer(input: $input) {
      offerId
      error {
        code
        field
        rule
        message
      }
    }
  }
`);
