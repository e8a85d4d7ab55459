import { graphql } from '../../graphql/generated';

export const Coordinator_Clients = graphql(`
  query Coordinator_Clients {
    viewer {
      isCoordinator
      clients(first: 20) {
        totalCount
        edges {
          node {
            id
            givenName
            familyName
            careSetting
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
            offer {
              status
            }
          }
        }
      }
    }
  }
`);
