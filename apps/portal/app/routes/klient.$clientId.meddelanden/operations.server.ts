import { graphql } from '../../graphql/generated';

export const Messages_Conversation = graphql(`
  query Messages_Conversation($id: ID!) {
    client(id: $id) {
      ...ClientNameFields
      myAccess {
        relations
        scopes
      }
      conversation(first: 50) {
        totalCount
        edges {
          node {
            ...MessageFields
          }
        }
      }
    }
  }
`);

export const Messages_Send = graphql(`
  mutation Messages_Send($input: SendMessageInput!) {
    sendMessage(input: $input) {
      messageId
      error {
        ...UserErrorFields
      }
    }
  }
`);

export const Messages_Mark = graphql(`
  mutation Messages_Mark($input: MarkMessageInput!) {
    markMessage(input: $input) {
      messageId
      state
      error {
        ...UserErrorFields
      }
    }
  }
`);
