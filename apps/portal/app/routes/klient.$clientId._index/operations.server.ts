import { graphql } from '../../graphql/generated';

/** The whole page in one request: what is not shared comes back null (`@ifShared`), never as an error. */
export const ClientPage_Client = graphql(`
  query ClientPage_Client($id: ID!) {
    client(id: $id) {
      ...ClientNameFields
      myAccess {
        relations
        scopes
      }
      contactNow @ifShared {
        ...ContactNowFields
      }
      fixedContact @ifShared {
        ...ContactPersonFields
      }
      deputy @ifShared {
        ...ContactPersonFields
      }
      phoneList @ifShared {
        kind
        name
        number
      }
    }
  }
`);
