import { graphql } from '../../graphql/generated';

export const CoordinatorClient_Details = graphql(`
  query CoordinatorClient_Details($id: ID!) {
    viewer {
      isCoordinator
      unitStaff {
        ...UnitStaffFields
      }
    }
    client(id: $id) {
      ...ClientNameFields
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
        ...UserErrorFields
      }
    }
  }
`);

export const CoordinatorClient_RecordOffer = graphql(`
  mutation CoordinatorClient_RecordOffer($input: RecordOfferInput!) {
    recordOffer(input: $input) {
      offerId
      error {
        ...UserErrorFields
      }
    }
  }
`);
