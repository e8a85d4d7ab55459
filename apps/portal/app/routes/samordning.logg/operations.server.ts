import { graphql } from '../../graphql/generated';

export const UnitLog_Entries = graphql(`
  query UnitLog_Entries($deniedOnly: Boolean!) {
    viewer {
      isCoordinator
      unitAuditLog(first: 50, deniedOnly: $deniedOnly) {
        totalCount
        edges {
          node {
            ...AuditEntryFields
            clientId
          }
        }
      }
    }
  }
`);
