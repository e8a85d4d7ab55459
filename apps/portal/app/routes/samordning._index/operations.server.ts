import { graphql } from '../../graphql/generated';

export const Coordinator_Clients = graphql(`
  query Coordinator_Clients {
    viewer {
      isCoordinator
      clients(first: 20) {
        totalCount
        edges {
          node {
            ...ClientNameFields
            careSetting
            fixedContact {
              ...StaffNameFields
            }
            deputy {
              ...StaffNameFields
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
