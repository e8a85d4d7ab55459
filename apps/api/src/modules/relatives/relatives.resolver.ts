import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { asPayload } from '../../kit/user-error';
import { type GraphQLContext, requireActor } from '../request/context';
import {
  acceptConsent,
  addRelative,
  changeConsent,
  declineConsent,
  grantConsent,
  revokeConsent,
} from './consent.service';
import type { Consent, Relationship } from './relatives.entity';
import {
  AddRelativeInput,
  ChangeConsentInput,
  ConsentPayload,
  GrantConsentInput,
  RecordInPersonConsentInput,
  RelativePayload,
} from './relatives.type';

const consentPayload = (r: { consent: Consent | null; error: ConsentPayload['error'] }): ConsentPayload => ({
  consentId: r.consent?.id ?? null,
  scopes: r.consent?.scopes ?? null,
  error: r.error,
});

/** Consent: the client grants, changes and revokes; a coordinator records one given in person. */
@Resolver()
export class RelativesResolver {
  @Mutation(() => RelativePayload, { description: 'List a relative. Listing alone gives no access.' })
  async addRelative(@Arg('input', () => AddRelativeInput) input: AddRelativeInput, @Ctx() ctx: GraphQLContext) {
    const r = await asPayload('link', () =>
      addRelative(ctx.em, requireActor(ctx), { ...input, relationship: input.relationship as Relationship }),
    );
    return { relativeId: r.link?.id ?? null, error: r.error };
  }

  @Mutation(() => ConsentPayload, { description: 'The client grants a relative access in the portal.' })
  async grantConsent(@Arg('input', () => GrantConsentInput) input: GrantConsentInput, @Ctx() ctx: GraphQLContext) {
    return consentPayload(
      await asPayload('consent', () =>
        grantConsent(ctx.em, requireActor(ctx), { ...input, relativeLinkId: input.relativeId }),
      ),
    );
  }

  @Mutation(() => ConsentPayload, { description: 'A coordinator records a consent the client gave in person.' })
  async recordInPersonConsent(
    @Arg('input', () => RecordInPersonConsentInput) input: RecordInPersonConsentInput,
    @Ctx() ctx: GraphQLContext,
  ) {
    return consentPayload(
      await asPayload('consent', () =>
        grantConsent(ctx.em, requireActor(ctx), {
          ...input,
          relativeLinkId: input.relativeId,
          inPerson: { capacityNote: input.capacityNote },
        }),
      ),
    );
  }

  @Mutation(() => ConsentPayload, {
    description:
      'Change scopes or expiry; the old consent is kept as history. The client changes in the portal; a coordinator records a change the client gave in person (capacityNote). A change that widens access waits for the relative’s new acceptance.',
  })
  async changeConsent(@Arg('input', () => ChangeConsentInput) input: ChangeConsentInput, @Ctx() ctx: GraphQLContext) {
    return consentPayload(await asPayload('consent', () => changeConsent(ctx.em, requireActor(ctx), input)));
  }

  @Mutation(() => ConsentPayload, {
    description:
      'Revoke at once: the relative’s next request is denied. A coordinator revokes on the client’s word and notes how it was given.',
  })
  async revokeConsent(
    @Arg('consentId', () => ID) consentId: string,
    @Arg('note', () => String, { nullable: true, description: 'Required for a coordinator.' }) note: string | null,
    @Ctx() ctx: GraphQLContext,
  ) {
    return consentPayload(
      await asPayload('consent', () => revokeConsent(ctx.em, requireActor(ctx), { consentId, note })),
    );
  }

  @Mutation(() => ConsentPayload, { description: 'The relative accepts the processing of their own data.' })
  async acceptConsent(@Arg('consentId', () => ID) consentId: string, @Ctx() ctx: GraphQLContext) {
    return consentPayload(await asPayload('consent', () => acceptConsent(ctx.em, requireActor(ctx), { consentId })));
  }

  @Mutation(() => ConsentPayload, {
    description:
      'The relative declines a consent waiting for their acceptance: it ends (DECLINED) and gives no access.',
  })
  async declineConsent(@Arg('consentId', () => ID) consentId: string, @Ctx() ctx: GraphQLContext) {
    return consentPayload(await asPayload('consent', () => declineConsent(ctx.em, requireActor(ctx), { consentId })));
  }
}
