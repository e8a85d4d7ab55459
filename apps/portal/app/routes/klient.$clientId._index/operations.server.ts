import { graphql } from '../../graphql/generated';

/** First what the viewer may see of the client: the page then asks for no more than that. */
export const ClientPage_Access = graphql(`
  query ClientPage_Access($id: ID!) {
    client(id: $id) {
      id
      myAccess {
        relations
        scopes
      }
    }
  }
`);

export const ClientPage_Client = graphql(`
  query ClientPage_Client($id: ID!, $phones: Boolean!) {
    client(id: $id) {
      ...ClientNameFields
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
      phoneList @include(if: $phones) {
        kind
        name
        number
      }
    }
  }
`);
