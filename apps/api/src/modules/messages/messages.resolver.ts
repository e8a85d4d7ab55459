import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { asPayload } from '../../kit/user-error';
import { Gated } from '../access/gated';
import { ClientNode } from '../clients/client.type';
import { type GraphQLContext, nameViewer, requireActor } from '../request/context';
import { messagesByIds } from './conversation.service';
import { markMessage, postMessage } from './messages.service';
import {
  InboxItem,
  MarkMessageInput,
  MarkMessagePayload,
  MessageType,
  SendMessageInput,
  SendMessagePayload,
} from './messages.type';

@Resolver(() => InboxItem)
export class MessagesResolver {
  @Gated('VISIBLE')
  @FieldResolver(() => ClientNode, { nullable: true })
  async client(@Root() item: InboxItem, @Ctx() ctx: GraphQLContext) {
    const row = await ctx.loaders.client.load(item.clientId);
    return row ? ClientNode.from(row, await nameViewer(ctx, item.clientId)) : null;
  }

  @Gated('READ_CONVERSATION')
  @FieldResolver(() => MessageType, { nullable: true })
  async lastMessage(@Root() item: InboxItem, @Ctx() ctx: GraphQLContext) {
    const row = await ctx.loaders.message.load(item.lastMessageId);
    return row ? MessageType.from(row, await nameViewer(ctx, item.clientId)) : null;
  }

  @Mutation(() => SendMessagePayload, {
    description: 'The client, a relative with the messaging scope, or staff writes in the client’s conversation.',
  })
  async sendMessage(@Arg('input', () => SendMessageInput) input: SendMessageInput, @Ctx() ctx: GraphQLContext) {
    const r = await asPayload('message', () =>
      postMessage(ctx.em, requireActor(ctx), { ...input, private: input.private ?? false }),
    );
    if (!r.message) return { messageId: null, message: null, error: r.error };
    const row = (await messagesByIds(ctx.em, [r.message.id])).get(r.message.id);
    const message = row ? MessageType.from(row, await nameViewer(ctx, row.client_id)) : null;
    return { messageId: r.message.id, message, error: null };
  }

  @Mutation(() => MarkMessagePayload, { description: 'Staff mark a message read or answered.' })
  async markMessage(@Arg('input', () => MarkMessageInput) input: MarkMessageInput, @Ctx() ctx: GraphQLContext) {
    const r = await asPayload('message', () => markMessage(ctx.em, requireActor(ctx), input));
    return { messageId: r.message?.id ?? null, state: r.message?.state ?? null, error: r.error };
  }
}
