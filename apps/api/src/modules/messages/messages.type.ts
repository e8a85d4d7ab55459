import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../kit/connection';
import { DateTime } from '../../kit/scalars';
import { UserError } from '../../kit/user-error';
import { ClientOwnedType, Gated } from '../access/gated';
import { AuthorRoleEnum, HandlingStateEnum, MarkStateEnum, NameWithheldEnum } from '../enums';
import { type NameViewer, shownName } from '../people/shown-name';
import type { MessageRow } from './conversation.service';

@ClientOwnedType()
@ObjectType('Message')
export class MessageType {
  clientId!: string;
  @Field(() => ID) id!: string;
  @Gated('READ_CONVERSATION') @Field(() => String, { nullable: true }) body!: string;
  @Gated('READ_CONVERSATION') @Field(() => AuthorRoleEnum, { nullable: true }) authorRole!: string;
  @Gated('READ_CONVERSATION')
  @Field(() => String, {
    nullable: true,
    description: 'Null when withheld (see authorNameWithheld) or not known: staff are named, other relatives never.',
  })
  authorName!: string | null;
  @Gated('READ_CONVERSATION')
  @Field(() => NameWithheldEnum, { nullable: true, description: 'Why the author’s name is not shown.' })
  authorNameWithheld!: string | null;
  @Gated('READ_CONVERSATION') @Field(() => DateTime, { nullable: true }) sentAt!: Date;
  @Gated('READ_CONVERSATION')
  @Field(() => Boolean, { nullable: true, description: 'Marked private by the client: never shown to relatives.' })
  private!: boolean;
  @Gated('READ_CONVERSATION')
  @Field(() => HandlingStateEnum, { nullable: true, description: 'Null on staff replies.' })
  state!: string | null;
  @Gated('READ_CONVERSATION') @Field(() => DateTime, { nullable: true }) handledAt!: Date | null;
  @Gated('READ_CONVERSATION') @Field(() => ID, { nullable: true }) inReplyTo!: string | null;

  /** As one viewer may see it: the author's name follows the naming rule (people/shown-name.ts). */
  static from(r: MessageRow, viewer: NameViewer): MessageType {
    const author = shownName(viewer, {
      personId: r.author_person_id,
      givenName: r.author_given_name,
      familyName: r.author_family_name,
      protectedIdentity: r.author_protected,
      role: r.author_role,
      label: r.author_label_given_name
        ? { givenName: r.author_label_given_name, familyName: r.author_label_family_name ?? '' }
        : null,
    });
    return Object.assign(new MessageType(), {
      clientId: r.client_id,
      id: r.id,
      body: r.body,
      authorRole: r.author_role,
      authorName: author.name,
      authorNameWithheld: author.withheld,
      sentAt: r.created_at,
      private: r.private,
      state: r.state,
      handledAt: r.handled_at,
      inReplyTo: r.in_reply_to,
    });
  }
}

export const MessageConnection = Connection('Message', MessageType);

@ClientOwnedType()
@ObjectType({ description: 'A conversation waiting in the staff inbox.' })
export class InboxItem {
  clientId!: string;
  lastMessageId!: string;
  @Gated('READ_CONVERSATION') @Field(() => Int, { nullable: true }) unanswered!: number;
  @Gated('READ_CONVERSATION')
  @Field(() => DateTime, { nullable: true, description: 'When the oldest unanswered message came in.' })
  waitingSince!: Date | null;
  @Gated('READ_CONVERSATION')
  @Field(() => Int, { nullable: true, description: 'Minutes the oldest has waited.' })
  waitingMinutes!: number | null;
  @Gated('READ_CONVERSATION') @Field(() => DateTime, { nullable: true }) lastMessageAt!: Date;
}

export const InboxConnection = Connection('Inbox', InboxItem);

@InputType()
export class SendMessageInput {
  @Field(() => ID) clientId!: string;
  @Field(() => String, { description: 'At most 4000 characters.' }) body!: string;
  @Field(() => String, { description: 'Chosen by the sender’s device; a resend with the same key is stored once.' })
  idempotencyKey!: string;
  @Field(() => Boolean, { nullable: true, description: 'Only the client may mark a message private.' })
  private?: boolean | null;
  @Field(() => ID, { nullable: true, description: 'The message this answers (staff replies).' })
  inReplyTo?: string | null;
}

@ObjectType()
export class SendMessagePayload {
  @Field(() => ID, { nullable: true }) messageId!: string | null;
  @Field(() => MessageType, { nullable: true, description: 'Readable with the conversation scope.' })
  message!: MessageType | null;
  @Field(() => UserError, { nullable: true }) error!: UserError | null;
}

@InputType()
export class MarkMessageInput {
  @Field(() => ID) messageId!: string;
  @Field(() => MarkStateEnum) state!: string;
}

@ObjectType()
export class MarkMessagePayload {
  @Field(() => ID, { nullable: true }) messageId!: string | null;
  @Field(() => HandlingStateEnum, { nullable: true }) state!: string | null;
  @Field(() => UserError, { nullable: true }) error!: UserError | null;
}
