import type { OfferStatus } from '@spindeln/care-values';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../../kit/connection';
import { DateTime } from '../../kit/scalars';
import { UserError } from '../../kit/user-error';
import { ClientOwnedType, Gated } from '../access/gated';
import { CareSettingEnum, ClientRelationEnum, ConsentScopeEnum, NameWithheldEnum, OfferStatusEnum } from '../enums';
import { type NameViewer, shownName } from '../people/shown-name';

@ClientOwnedType()
@ObjectType('Client', { description: 'A person with home care, as far as the viewer may see them.' })
export class ClientNode {
  clientId!: string;
  teamId!: string;
  @Field(() => ID) id!: string;
  @Gated('VISIBLE')
  @Field(() => String, { nullable: true, description: '"Skyddad identitet" when withheld (see nameWithheld).' })
  givenName!: string | null;
  @Gated('VISIBLE') @Field(() => String, { nullable: true }) familyName!: string | null;
  @Gated('VISIBLE')
  @Field(() => NameWithheldEnum, { nullable: true, description: 'Why the client’s name is not shown.' })
  nameWithheld!: string | null;
  @Gated('CLIENT_AND_STAFF') @Field(() => CareSettingEnum, { nullable: true }) careSetting!: string;

  /** As one viewer may see the client: a protected client is named only to themself and assigned staff. */
  static from(
    r: {
      id: string;
      person_id: string;
      given_name: string | null;
      family_name: string | null;
      protected_identity: boolean;
      team_id: string;
      care_setting: string;
    },
    viewer: NameViewer,
  ) {
    const name = shownName(viewer, {
      personId: r.person_id,
      givenName: r.given_name,
      familyName: r.family_name,
      protectedIdentity: r.protected_identity,
      role: 'CLIENT',
    });
    return Object.assign(new ClientNode(), {
      clientId: r.id,
      id: r.id,
      teamId: r.team_id,
      givenName: name.givenName,
      familyName: name.familyName,
      nameWithheld: name.withheld,
      careSetting: r.care_setting,
    });
  }
}

export const ClientConnection = Connection('Client', ClientNode);

@ObjectType({ description: 'How the viewer stands to the client, read from the database on every request.' })
export class ClientAccess {
  @Field(() => [ClientRelationEnum]) relations!: string[];
  @Field(() => [ConsentScopeEnum], { description: 'For a relative: what the client consented to.' })
  scopes!: string[];
}

@ClientOwnedType()
@ObjectType('FixedContactOffer')
export class FixedContactOfferType {
  clientId!: string;
  @Field(() => ID) id!: string;
  @Gated('CLIENT_AND_STAFF') @Field(() => OfferStatusEnum, { nullable: true }) status!: string;
  @Gated('CLIENT_AND_STAFF') @Field(() => String, { nullable: true }) reason!: string | null;
  @Gated('CLIENT_AND_STAFF') @Field(() => String, { nullable: true }) clientView!: string | null;
  @Gated('CLIENT_AND_STAFF') @Field(() => DateTime, { nullable: true }) assessedAt!: Date;
}

@InputType()
export class RecordOfferInput {
  @Field(() => ID) clientId!: string;
  @Field(() => OfferStatusEnum) status!: OfferStatus;
  @Field(() => String, { nullable: true, description: 'Required for an exemption.' }) reason?: string | null;
  @Field(() => String, { nullable: true, description: 'The client’s own view; required for an exemption.' })
  clientView?: string | null;
}

@ObjectType()
export class OfferPayload {
  @Field(() => ID, { nullable: true }) offerId!: string | null;
  @Field(() => OfferStatusEnum, { nullable: true }) status!: string | null;
  @Field(() => UserError, { nullable: true }) error!: UserError | null;
}
