import { Arg, Args, Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { type PageArgs, PageArgs as PageArgsType, pageOf, pageWithTotal, toConnection } from '../../graphql/connection';
import type { GraphQLContext } from '../../graphql/context';
import { forbidden } from '../../graphql/gate';
import { AccessDenied } from '../../shared/errors';
import { fromPgTimestamp } from '../../shared/time';
import { AuditEntryConnection, AuditEntryType } from '../audit/audit.type';
import { unitAuditLog } from '../audit/audit-log.service';
import { ClientConnection, ClientNode } from '../clients/client.type';
import { inboxPage } from '../messages/conversation.service';
import { InboxConnection, InboxItem } from '../messages/messages.type';
import { consentsAwaitingAcceptance } from '../relatives/consent.service';
import { ConsentInvitation } from '../relatives/relatives.type';
import { standingFromRow, visibleClients } from './standing';
import { ViewerType } from './viewer.type';

/** A service's denial of one of the viewer's own lists becomes a FORBIDDEN error at the field. */
async function asForbidden<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (e) {
    if (e instanceof AccessDenied) throw forbidden();
    throw e;
  }
}

@Resolver(() => ViewerType)
export class ViewerResolver {
  @Query(() => ViewerType, { nullable: true, description: 'Null without a login.' })
  viewer(@Ctx() ctx: GraphQLContext): ViewerType | null {
    const v = ctx.viewer;
    if (!v) return null;
    return Object.assign(new ViewerType(), {
      givenName: v.givenName,
      familyName: v.familyName,
      isClient: v.clientId !== null,
      isStaff: v.staff !== null,
      isCoordinator: v.staff?.roles.includes('COORDINATOR') ?? false,
    });
  }

  @FieldResolver(() => ClientConnection, {
    description: 'Myself if I am a client, each client who consented to me, and for staff the clients I work for.',
  })
  async clients(@Args(() => PageArgsType) args: PageArgs, @Ctx() ctx: GraphQLContext) {
    const page = pageOf(args);
    const personId = ctx.viewer?.personId;
    if (!personId) return toConnection([], page, 0);
    const { rows, total } = await pageWithTotal(page, (p) => visibleClients(ctx.em, personId, p));
    // The list already carries each standing: the gates below need no second query.
    for (const r of rows) ctx.access.prime(standingFromRow(r));
    return toConnection(
      rows.map((r) => ClientNode.from({ ...r, id: r.client_id })),
      page,
      total,
    );
  }

  @FieldResolver(() => InboxConnection, {
    nullable: true,
    description: 'Staff: conversations of my clients and my teams’ clients, unanswered first.',
  })
  async inbox(@Args(() => PageArgsType) args: PageArgs, @Ctx() ctx: GraphQLContext) {
    const page = pageOf(args);
    const now = Date.now();
    const { rows, total } = await pageWithTotal(page, (p) => asForbidden(inboxPage(ctx.em, ctx.viewer, p)));
    const items = rows.map((r) =>
      Object.assign(new InboxItem(), {
        clientId: r.client_id,
        lastMessageId: r.last_message_id,
        unanswered: r.unanswered,
        waitingSince: fromPgTimestamp(r.oldest_unanswered_at),
        waitingMinutes: r.oldest_unanswered_at
          ? Math.floor((now - fromPgTimestamp(r.oldest_unanswered_at).getTime()) / 60_000)
          : null,
        lastMessageAt: fromPgTimestamp(r.last_message_at),
      }),
    );
    return toConnection(items, page, total);
  }

  @FieldResolver(() => AuditEntryConnection, {
    nullable: true,
    description: 'Coordinators: log follow-up for the unit’s clients.',
  })
  async unitAuditLog(
    @Args(() => PageArgsType) args: PageArgs,
    @Arg('deniedOnly', () => Boolean, { defaultValue: false }) deniedOnly: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageOf(args);
    const { rows, total } = await pageWithTotal(page, (p) =>
      asForbidden(unitAuditLog(ctx.em, ctx.viewer, { ...p, deniedOnly })),
    );
    return toConnection(rows.map(AuditEntryType.from), page, total);
  }

  @FieldResolver(() => [ConsentInvitation], { description: 'Consents given to me that wait for me to accept.' })
  async consentsToAccept(@Ctx() ctx: GraphQLContext): Promise<ConsentInvitation[]> {
    const personId = ctx.viewer?.personId;
    if (!personId) return [];
    return (await consentsAwaitingAcceptance(ctx.em, personId)).map((r) => ({
      consentId: r.consent_id,
      clientId: r.client_id,
      clientName: `${r.given_name} ${r.family_name}`,
      scopes: r.scopes,
    }));
  }
}
