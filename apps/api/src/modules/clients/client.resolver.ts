import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { type PageArgs, PageArgs as PageArgsType, pageOf, pageWithTotal, toConnection } from '../../kit/connection';
import { asPayload } from '../../kit/user-error';
import { Gated } from '../access/gated';
import { relationsOf, seesPrivateMessages } from '../access/standing';
import { AuditEntryConnection, AuditEntryType } from '../audit/audit.type';
import { clientAccessLog } from '../audit/audit-log.service';
import { ContactNow, ContactPerson, PhoneEntry } from '../contacts/contacts.type';
import { type ContactPerson as ContactFacts, phoneListOf, type WhoToContact } from '../contacts/who-to-contact';
import { MessageConnection, MessageType } from '../messages/messages.type';
import { shownRelativeLabel } from '../people/shown-name';
import { consentHistory, relativesOf } from '../relatives/consent.service';
import { ConsentType, RelativeType } from '../relatives/relatives.type';
import { type GraphQLContext, nameViewer, requireActor } from '../request/context';
import { ClientAccess, ClientNode, FixedContactOfferType, OfferPayload, RecordOfferInput } from './client.type';
import { recordOffer } from './offer.service';

function contactPerson(clientId: string, p: ContactFacts | null): ContactPerson | null {
  if (!p) return null;
  return Object.assign(new ContactPerson(), {
    clientId,
    staffId: p.staffId,
    role: p.role,
    givenName: p.givenName,
    familyName: p.familyName,
    title: p.title,
    away: p.absence ? { firstDay: p.absence.firstDay, lastDay: p.absence.lastDay } : null,
    workMobile: p.workMobile,
    workingHours: p.workingHours,
  });
}

async function whoToContact(ctx: GraphQLContext, clientId: string): Promise<WhoToContact | null> {
  return ctx.loaders.whoToContact.load(clientId);
}

@Resolver(() => ClientNode)
export class ClientResolver {
  @Query(() => ClientNode, {
    nullable: true,
    description: 'A client the viewer may see; null when there is no such client or no access (the same answer).',
  })
  async client(@Arg('id', () => ID) id: string, @Ctx() ctx: GraphQLContext): Promise<ClientNode | null> {
    if ((await ctx.access.check(id, 'VISIBLE')) !== 'allowed') return null;
    const row = await ctx.loaders.client.load(id);
    return row ? ClientNode.from(row, await nameViewer(ctx, id)) : null;
  }

  @Gated('VISIBLE')
  @FieldResolver(() => ClientAccess, { nullable: true })
  async myAccess(@Root() client: ClientNode, @Ctx() ctx: GraphQLContext): Promise<ClientAccess> {
    const s = await ctx.access.standing(client.clientId);
    return { relations: relationsOf(s), scopes: s.scopes };
  }

  @Gated('VIEW_CONTACT')
  @FieldResolver(() => ContactPerson, { nullable: true, description: 'The fast omsorgskontakt.' })
  async fixedContact(@Root() client: ClientNode, @Ctx() ctx: GraphQLContext) {
    return contactPerson(client.clientId, (await whoToContact(ctx, client.clientId))?.primary ?? null);
  }

  @Gated('VIEW_CONTACT')
  @FieldResolver(() => ContactPerson, { nullable: true, description: 'The vice omsorgskontakt.' })
  async deputy(@Root() client: ClientNode, @Ctx() ctx: GraphQLContext) {
    return contactPerson(client.clientId, (await whoToContact(ctx, client.clientId))?.deputy ?? null);
  }

  @Gated('VIEW_CONTACT')
  @FieldResolver(() => ContactNow, { nullable: true })
  async contactNow(@Root() client: ClientNode, @Ctx() ctx: GraphQLContext): Promise<ContactNow | null> {
    const w = await whoToContact(ctx, client.clientId);
    if (!w) return null;
    return Object.assign(new ContactNow(), {
      clientId: client.clientId,
      reason: w.reason,
      contact: contactPerson(client.clientId, w.contact),
      primaryAwayUntil: w.primaryAbsentUntil,
      teamName: w.teamName,
      teamPhone: w.teamPhone,
    });
  }

  @Gated('VIEW_CONTACT_DETAILS')
  @FieldResolver(() => [PhoneEntry], { nullable: true, description: 'The current phone list for the client.' })
  async phoneList(@Root() client: ClientNode, @Ctx() ctx: GraphQLContext): Promise<PhoneEntry[]> {
    const w = await whoToContact(ctx, client.clientId);
    if (!w) return [];
    return phoneListOf(w).map((e) => Object.assign(new PhoneEntry(), { clientId: client.clientId, ...e }));
  }

  @Gated('CLIENT_AND_STAFF')
  @FieldResolver(() => FixedContactOfferType, { nullable: true, description: 'The latest assessment of the offer.' })
  async offer(@Root() client: ClientNode, @Ctx() ctx: GraphQLContext) {
    const o = await ctx.loaders.offer.load(client.clientId);
    return o ? Object.assign(new FixedContactOfferType(), { ...o, clientId: client.clientId }) : null;
  }

  @Gated('CLIENT_OR_COORDINATOR')
  @FieldResolver(() => [RelativeType], { nullable: true })
  async relatives(@Root() client: ClientNode, @Ctx() ctx: GraphQLContext): Promise<RelativeType[]> {
    const viewer = await nameViewer(ctx, client.clientId);
    return (await relativesOf(ctx.em, client.clientId)).map((r) => {
      const name = shownRelativeLabel(viewer, {
        personId: r.person_id,
        protectedIdentity: r.protected_identity,
        givenName: r.given_name,
        familyName: r.family_name,
      });
      return Object.assign(new RelativeType(), {
        clientId: client.clientId,
        id: r.link_id,
        givenName: name.givenName,
        familyName: name.familyName,
        nameWithheld: name.withheld,
        relationship: name.relationshipShown ? r.relationship : null,
        consent: r.consent_id
          ? Object.assign(new ConsentType(), {
              clientId: client.clientId,
              id: r.consent_id,
              relativeName: name.name,
              relativeNameWithheld: name.withheld,
              scopes: r.scopes,
              givenVia: r.given_via,
              capacityNote: null,
              grantedAt: r.granted_at,
              expiresAt: r.expires_at,
              relativeAcceptedAt: r.relative_accepted_at,
              endedAt: null,
              endReason: null,
            })
          : null,
      });
    });
  }

  @Gated('CLIENT_OR_COORDINATOR')
  @FieldResolver(() => [ConsentType], { nullable: true, description: 'Every consent given, newest first.' })
  async consentHistory(@Root() client: ClientNode, @Ctx() ctx: GraphQLContext): Promise<ConsentType[]> {
    const viewer = await nameViewer(ctx, client.clientId);
    return (await consentHistory(ctx.em, client.clientId)).map((c) => {
      const name = shownRelativeLabel(viewer, {
        personId: c.person_id,
        protectedIdentity: c.protected_identity,
        givenName: c.given_name,
        familyName: c.family_name,
      });
      return Object.assign(new ConsentType(), {
        clientId: client.clientId,
        id: c.id,
        relativeName: name.name,
        relativeNameWithheld: name.withheld,
        scopes: c.scopes,
        givenVia: c.given_via,
        capacityNote: c.capacity_note,
        grantedAt: c.granted_at,
        expiresAt: c.expires_at,
        relativeAcceptedAt: c.relative_accepted_at,
        endedAt: c.ended_at,
        endReason: c.end_reason,
      });
    });
  }

  @Gated('READ_CONVERSATION')
  @FieldResolver(() => MessageConnection, { nullable: true, description: 'Newest first.' })
  async conversation(@Root() client: ClientNode, @Args(() => PageArgsType) args: PageArgs, @Ctx() ctx: GraphQLContext) {
    const page = pageOf(args);
    const includePrivate = seesPrivateMessages(await ctx.access.standing(client.clientId));
    const { rows, total } = await pageWithTotal(page, (p) =>
      ctx.loaders.conversation.load({ clientId: client.clientId, ...p, includePrivate }),
    );
    const viewer = await nameViewer(ctx, client.clientId);
    return toConnection(
      rows.map((r) => MessageType.from(r, viewer)),
      page,
      total,
    );
  }

  @Gated('CLIENT_ONLY')
  @FieldResolver(() => AuditEntryConnection, { nullable: true, description: 'Who looked at my information, and when.' })
  async accessLog(@Root() client: ClientNode, @Args(() => PageArgsType) args: PageArgs, @Ctx() ctx: GraphQLContext) {
    const page = pageOf(args);
    const { rows, total } = await pageWithTotal(page, (p) => clientAccessLog(ctx.em, client.clientId, p));
    const viewer = await nameViewer(ctx, client.clientId);
    return toConnection(
      rows.map((r) => AuditEntryType.from(r, viewer)),
      page,
      total,
    );
  }

  @Mutation(() => OfferPayload, { description: 'A coordinator records the offer, the answer, or an exemption.' })
  async recordOffer(@Arg('input', () => RecordOfferInput) input: RecordOfferInput, @Ctx() ctx: GraphQLContext) {
    const r = await asPayload('offer', () => recordOffer(ctx.em, requireActor(ctx), input));
    return { offerId: r.offer?.id ?? null, status: r.offer?.status ?? null, error: r.error };
  }
}
