import { Arg, Args, Ctx, FieldResolver, Query, Resolver } from 'type-graphql';
import { type PageArgs, PageArgs as PageArgsType, pageOf, pageWithTotal, toConnection } from '../../kit/connection';
import { forbidden } from '../../kit/gate';
import { AccessDenied } from '../../shared/errors';
import { LIST_READ_ACTIONS } from '../audit/actions';
import { AuditEntryConnection, AuditEntryType } from '../audit/audit.type';
import { type AuditRow, unitAuditLog } from '../audit/audit-log.service';
import { ClientConnection, ClientNode } from '../clients/client.type';
import { inboxPage, minutesWaiting } from '../messages/conversation.service';
import { InboxConnection, InboxItem } from '../messages/messages.type';
import { unitStaff } from '../organisation/unit-staff.service';
import { UnitStaffMember } from '../organisation/unit-staff.type';
import { shownName } from '../people/shown-name';
import { consentsAwaitingAcceptance } from '../relatives/consent.service';
import { ConsentInvitation } from '../relatives/relatives.type';
import { type GraphQLContext, readerActor } from '../request/context';
import { NO_STANDING, standingFromRow, visibleClients } from './standing';
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
  async clients(
    @Args(() => PageArgsType) args: PageArgs,
    @Arg('assignedToMe', () => Boolean, {
      defaultValue: false,
      description: 'Staff: only the clients I am fixed contact or deputy for today.',
    })
    assignedToMe: boolean,
    @Ctx() ctx: GraphQLContext,
  ) {
    const page = pageOf(args);
    const personId = ctx.viewer?.personId;
    if (!personId) return toConnection([], page, 0);
    const { rows, total } = await pageWithTotal(page, (p) => visibleClients(ctx.em, personId, p, { assignedToMe }));
    // The list already carries each standing: the gates below need no second query.
    const nodes = rows.map((r) => {
      const standing = standingFromRow(r);
      ctx.access.prime(standing);
      // Being on the list is itself a read of the client (who they are to me): audited as one.
      ctx.audit.record(r.client_id, 'VISIBLE', true);
      return ClientNode.from({ ...r, id: r.client_id }, { personId, standing });
    });
    return toConnection(nodes, page, total);
  }

  @FieldResolver(() => InboxConnection, {
    nullable: true,
    description: 'Staff: conversations of my clients and my teams’ clients, unanswered first.',
  })
  async inbox(@Args(() => PageArgsType) args: PageArgs, @Ctx() ctx: GraphQLContext) {
    const page = pageOf(args);
    const now = new Date();
    const actor = readerActor(ctx);
    if (!actor) throw forbidden();
    const { rows, total } = await pageWithTotal(page, (p) => asForbidden(inboxPage(ctx.em, actor, p)));
    const items = rows.map((r) =>
      Object.assign(new InboxItem(), {
        clientId: r.client_id,
        lastMessageId: r.last_message_id,
        unanswered: r.unanswered,
        waitingSince: r.oldest_unanswered_at,
        waitingMinutes: minutesWaiting(r.oldest_unanswered_at, now),
        lastMessageAt: r.last_message_at,
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
    let rows: AuditRow[];
    let total: number;
    try {
      const actor = readerActor(ctx);
      if (!actor) throw new AccessDenied('unitAuditLog');
      ({ rows, total } = await pageWithTotal(page, (p) => unitAuditLog(ctx.em, actor, { ...p, deniedOnly })));
    } catch (e) {
      if (e instanceof AccessDenied) ctx.audit.recordAction(null, LIST_READ_ACTIONS.unitAuditLog, false);
      throw e instanceof AccessDenied ? forbidden() : e;
    }
    // Each client whose entries the coordinator read finds that read in their own log.
    for (const r of rows) if (r.client_id) ctx.audit.recordAction(r.client_id, LIST_READ_ACTIONS.unitAuditLog, true);
    const personId = ctx.viewer?.personId ?? null;
    const entries = rows.map((r) =>
      // Every row is about a client of the coordinator's own unit.
      AuditEntryType.from(r, {
        personId,
        standing: { ...NO_STANDING(r.client_id ?? ''), coordinator: true },
      }),
    );
    return toConnection(entries, page, total);
  }

  @FieldResolver(() => [UnitStaffMember], {
    nullable: true,
    description: 'Coordinators: the staff of my unit, to appoint contact and deputy from.',
  })
  async unitStaff(@Ctx() ctx: GraphQLContext): Promise<UnitStaffMember[]> {
    try {
      const actor = readerActor(ctx);
      if (!actor) throw new AccessDenied('unitStaff');
      const rows = await unitStaff(ctx.em, actor);
      ctx.audit.recordAction(null, LIST_READ_ACTIONS.unitStaff, true);
      return rows.map((r) =>
        Object.assign(new UnitStaffMember(), {
          staffId: r.staff_id,
          givenName: r.given_name,
          familyName: r.family_name,
          title: r.title,
          titleProvenOn: r.title_proven_on,
        }),
      );
    } catch (e) {
      if (e instanceof AccessDenied) ctx.audit.recordAction(null, LIST_READ_ACTIONS.unitStaff, false);
      throw e instanceof AccessDenied ? forbidden() : e;
    }
  }

  @FieldResolver(() => [ConsentInvitation], { description: 'Consents given to me that wait for me to accept.' })
  async consentsToAccept(@Ctx() ctx: GraphQLContext): Promise<ConsentInvitation[]> {
    const personId = ctx.viewer?.personId;
    if (!personId) return [];
    return (await consentsAwaitingAcceptance(ctx.em, personId)).map((r) => {
      ctx.audit.recordAction(r.client_id, LIST_READ_ACTIONS.consentsToAccept, true);
      // Not yet accepted: the invited relative has no standing, so a protected client stays unnamed.
      const name = shownName(
        { personId, standing: NO_STANDING(r.client_id) },
        {
          personId: r.client_person_id,
          givenName: r.given_name,
          familyName: r.family_name,
          protectedIdentity: r.protected_identity,
          role: 'CLIENT',
        },
      );
      return Object.assign(new ConsentInvitation(), {
        consentId: r.consent_id,
        clientId: r.client_id,
        clientName: name.name,
        clientNameWithheld: name.withheld,
        scopes: r.scopes,
      });
    });
  }
}
