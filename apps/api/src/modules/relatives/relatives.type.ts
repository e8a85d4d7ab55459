import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { DateTime } from '../../kit/scalars';
import { UserError } from '../../kit/user-error';
import { ClientOwnedType, Gated } from '../access/gated';
import { ConsentScopeEnum, NameWithheldEnum, RelationshipEnum } from '../enums';

@ClientOwnedType()
@ObjectType('Consent')
export class ConsentType {
  clientId!: string;
  @Field(() => ID) id!: string;
  @Gated('CLIENT_OR_COORDINATOR')
  @Field(() => String, { nullable: true, description: 'As the client labelled the relative.' })
  relativeName!: string | null;
  @Gated('CLIENT_OR_COORDINATOR') @Field(() => NameWithheldEnum, { nullable: true }) relativeNameWithheld!:
    | string
    | null;
  @Gated('CLIENT_OR_COORDINATOR') @Field(() => [ConsentScopeEnum], { nullable: true }) scopes!: string[];
  @Gated('CLIENT_OR_COORDINATOR') @Field(() => String, { nullable: true }) givenVia!: string;
  @Gated('CLIENT_OR_COORDINATOR') @Field(() => String, { nullable: true }) capacityNote!: string | null;
  @Gated('CLIENT_OR_COORDINATOR') @Field(() => DateTime, { nullable: true }) grantedAt!: Date;
  @Gated('CLIENT_OR_COORDINATOR') @Field(() => DateTime, { nullable: true }) expiresAt!: Date | null;
  @Gated('CLIENT_OR_COORDINATOR') @Field(() => DateTime, { nullable: true }) relativeAcceptedAt!: Date | null;
  @Gated('CLIENT_OR_COORDINATOR') @Field(() => DateTime, { nullable: true }) endedAt!: Date | null;
  @Gated('CLIENT_OR_COORDINATOR') @Field(() => String, { nullable: true }) endReason!: string | null;
}

@ClientOwnedType()
@ObjectType('Relative', { description: 'A person the client listed; only a consent gives them access.' })
export class RelativeType {
  clientId!: string;
  @Field(() => ID) id!: string;
  @Gated('CLIENT_OR_COORDINATOR')
  @Field(() => String, { nullable: true, description: 'The client’s label for the relative.' })
  givenName!: string | null;
  @Gated('CLIENT_OR_COORDINATOR') @Field(() => String, { nullable: true }) familyName!: string | null;
  @Gated('CLIENT_OR_COORDINATOR') @Field(() => NameWithheldEnum, { nullable: true }) nameWithheld!: string | null;
  @Gated('CLIENT_OR_COORDINATOR') @Field(() => RelationshipEnum, { nullable: true }) relationship!: string | null;
  @Gated('CLIENT_OR_COORDINATOR')
  @Field(() => ConsentType, { nullable: true, description: 'The current consent.' })
  consent!: ConsentType | null;
}

@ObjectType({ description: 'A consent given to the viewer that waits for them to accept it.' })
export class ConsentInvitation {
  @Field(() => ID) consentId!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => String, { nullable: true, description: '"Skyddad identitet" when withheld (see clientNameWithheld).' })
  clientName!: string | null;
  @Field(() => NameWithheldEnum, { nullable: true }) clientNameWithheld!: string | null;
  @Field(() => [ConsentScopeEnum]) scopes!: string[];
}

@InputType()
export class AddRelativeInput {
  @Field(() => ID) clientId!: string;
  @Field(() => String) personnummer!: string;
  @Field(() => String) givenName!: string;
  @Field(() => String) familyName!: string;
  @Field(() => RelationshipEnum) relationship!: string;
}

@InputType()
export class GrantConsentInput {
  @Field(() => ID) relativeId!: string;
  @Field(() => [ConsentScopeEnum]) scopes!: string[];
  @Field(() => Boolean, { description: 'The client waives secrecy towards this relative.' }) secrecyWaiver!: boolean;
  @Field(() => Boolean, { description: 'The client consents to processing of personal data.' })
  dataProcessing!: boolean;
  @Field(() => DateTime, { nullable: true }) expiresAt?: Date | null;
}

@InputType()
export class RecordInPersonConsentInput extends GrantConsentInput {
  @Field(() => String, { description: 'How the coordinator judged the client’s capacity to consent.' })
  capacityNote!: string;
}

@InputType()
export class ChangeConsentInput {
  @Field(() => ID) consentId!: string;
  @Field(() => [ConsentScopeEnum]) scopes!: string[];
  @Field(() => DateTime, { nullable: true }) expiresAt?: Date | null;
  @Field(() => String, {
    nullable: true,
    description:
      'Coordinators only, and then required: how the client gave this change in person and their capacity. The change is recorded as given in person; the client’s own change in the portal has none.',
  })
  capacityNote?: string | null;
}

@ObjectType()
export class RelativePayload {
  @Field(() => ID, { nullable: true }) relativeId!: string | null;
  @Field(() => UserError, { nullable: true }) error!: UserError | null;
}

@ObjectType()
export class ConsentPayload {
  @Field(() => ID, { nullable: true }) consentId!: string | null;
  @Field(() => [ConsentScopeEnum], { nullable: true }) scopes!: string[] | null;
  @Field(() => UserError, { nullable: true }) error!: UserError | null;
}
