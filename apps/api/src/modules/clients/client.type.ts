import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { Connection } from '../../graphql/connection';
import { CareSettingEnum, ClientRelationEnum, ConsentScopeEnum, OfferStatusEnum } from '../../graphql/enums';
import { Gated } from '../../graphql/gate';
import { DateTime } from '../../graphql/scalars';
import { UserError } from '../../graphql/user-error';

@ObjectType('Client', { description: 'A person with home care, as far as the viewer may see them.' })
export class ClientNode {
  clientId!: string;
  teamId!: string;
  @Field(() => ID) id!: string;
  @Gated('VISIBLE') @Field(() => String, { nullable: true }) givenName!: string;
  @Gated('VISIBLE') @Field(() => String, { nullable: true }) familyName!: string;
  @Gated('CLIENT_AND_STAFF') @Field(() => CareSettingEnum, { nullable: true }) careSetting!: string;

  static from(r: { id: string; given_name: string; family_name: string; team_id: string; care_setting: string }) {
    return Object.assign(new ClientNode(), {
      clientId: r.id,
      id: r.id,
      teamId: r.team_id,
      givenName: r.given_name,
      familyName: r.family_name,
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
  @Field(() => OfferStatusEnum) status!: 'OFFERED' | 'ACCEPTED' | 'DECLINED' | 'EXEMPT';
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
