import { EntitySchema, OptionalProps } from '@mikro-orm/core';

export const AUTHOR_ROLES = ['CLIENT', 'RELATIVE', 'STAFF'] as const;
export type AuthorRole = (typeof AUTHOR_ROLES)[number];
/** A message to the care contact; staff replies carry none. */
export const HANDLING_STATES = ['NEW', 'READ', 'ANSWERED'] as const;
export type HandlingState = (typeof HANDLING_STATES)[number];
/** What staff may mark a message as. */
export const MARK_STATES = ['READ', 'ANSWERED'] as const satisfies readonly HandlingState[];

export const MESSAGE_MAX_LENGTH = 4000;

export class Conversation {
  [OptionalProps]?: 'createdAt';
  id!: string;
  clientId!: string;
  createdAt!: Date;
}

export class Message {
  [OptionalProps]?: 'private' | 'inReplyTo' | 'state' | 'handledBy' | 'handledAt' | 'createdAt';
  id!: string;
  conversationId!: string;
  authorPersonId!: string;
  authorRole!: AuthorRole;
  body!: string;
  /** Marked private by the client: never shown to relatives. */
  private = false;
  inReplyTo: string | null = null;
  /** Handling state of a message to the care contact; null on staff replies. */
  state: HandlingState | null = null;
  handledBy: string | null = null;
  handledAt: Date | null = null;
  /** Chosen by the sender's device, so a resent message is stored once. */
  idempotencyKey!: string;
  createdAt!: Date;
}

export const ConversationSchema = new EntitySchema<Conversation>({
  class: Conversation,
  tableName: 'conversation',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    clientId: { type: 'uuid' },
    createdAt: { type: 'Date', defaultRaw: 'now()' },
  },
});

export const MessageSchema = new EntitySchema<Message>({
  class: Message,
  tableName: 'message',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    conversationId: { type: 'uuid' },
    authorPersonId: { type: 'uuid' },
    authorRole: { type: 'string' },
    body: { type: 'text' },
    private: { type: 'boolean' },
    inReplyTo: { type: 'uuid', nullable: true },
    state: { type: 'string', nullable: true },
    handledBy: { type: 'uuid', nullable: true },
    handledAt: { type: 'Date', nullable: true },
    idempotencyKey: { type: 'string' },
    createdAt: { type: 'Date', defaultRaw: 'now()' },
  },
});
