import { graphql } from '../../graphql/generated';

export const ClientPage_Client = graphql(`
  query ClientPage_Client($id: ID!) {
    viewer {
      isStaff
    }
    client(id: $id) {
      id
      givenName
      familyName
      myAccess {
        relations
        scopes
      }
      contactNow {
        ...ContactNowFields
      }
      fixedContact {
        ...ContactPersonFields
      }
      deputy {
        ...ContactPersonFields
      }
      phoneList {
        kind
        name
        number
      }
    }
  }
`);
