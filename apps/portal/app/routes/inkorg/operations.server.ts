import { graphql } from '../../graphql/generated';

export const Inbox_Items = graphql(`
  query Inbox_Items {
    viewer {
      isStaff
      inbox(first: 50) {
        totalCount
        edges {
          node {
            unanswered
            waitingMinutes
            waitingSince
            lastMessageAt
            client {
              ...ClientNameFields
            }
            lastMessage {
              ...MessageFields
            }
          }
        }
      }
      clients(first: 20) {
        edges {
          node {
            ...ClientNameFields
            myAccess {
              relations
            }
          }
        }
      }
    }
  }
`);
