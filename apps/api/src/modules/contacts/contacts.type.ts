import type { ContactRole } from '@spindeln/care-values';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { LocalDate } from '../../kit/scalars';
import { UserError } from '../../kit/user-error';
import { ClientOwnedType, Gated } from '../access/gated';
import { AbsenceKindEnum, ContactReasonEnum, ContactRoleEnum, PhoneKindEnum, StaffTitleEnum } from '../enums';
import type { ContactReason } from './who-to-contact';

@ObjectType({ description: 'Working time on a weekday (1 = Monday), Swedish local time.' })
export class WorkingHoursType {
  @Field(() => Number) weekday!: number;
  @Field(() => String) start!: string;
  @Field(() => String) end!: string;
}

@ObjectType({ description: 'Away on these days; the reason is the staff member’s own.' })
export class AwayPeriod {
  @Field(() => LocalDate) firstDay!: string;
  @Field(() => LocalDate, { nullable: true, description: 'Null: until further notice.' }) lastDay!: string | null;
}

@ClientOwnedType()
@ObjectType({ description: 'The fixed care contact or the deputy, as a client or relative sees them.' })
export class ContactPerson {
  clientId!: string;
  @Field(() => ID) staffId!: string;
  @Gated('VIEW_CONTACT') @Field(() => ContactRoleEnum, { nullable: true }) role!: string;
  @Gated('VIEW_CONTACT') @Field(() => String, { nullable: true }) givenName!: string;
  @Gated('VIEW_CONTACT') @Field(() => String, { nullable: true }) familyName!: string;
  @Gated('VIEW_CONTACT') @Field(() => StaffTitleEnum, { nullable: true }) title!: string;
  @Gated('VIEW_CONTACT')
  @Field(() => AwayPeriod, { nullable: true, description: 'Set while away today.' })
  away!: AwayPeriod | null;
  @Gated('VIEW_CONTACT_DETAILS') @Field(() => String, { nullable: true }) workMobile!: string | null;
  @Gated('VIEW_CONTACT_DETAILS')
  @Field(() => [WorkingHoursType], { nullable: true })
  workingHours!: WorkingHoursType[];
}

@ClientOwnedType()
@ObjectType({ description: 'Who to contact for the client right now, and why.' })
export class ContactNow {
  clientId!: string;
  @Gated('VIEW_CONTACT') @Field(() => ContactReasonEnum, { nullable: true }) reason!: ContactReason;
  @Gated('VIEW_CONTACT')
  @Field(() => ContactPerson, { nullable: true, description: 'Null: call the team.' })
  contact!: ContactPerson | null;
  @Gated('VIEW_CONTACT')
  @Field(() => LocalDate, { nullable: true, description: 'The fixed contact is away until this day.' })
  primaryAwayUntil!: string | null;
  @Gated('VIEW_CONTACT') @Field(() => String, { nullable: true }) teamName!: string;
  @Gated('VIEW_CONTACT_DETAILS') @Field(() => String, { nullable: true }) teamPhone!: string;
}

@ClientOwnedType()
@ObjectType({ description: 'A line of the client’s phone list.' })
export class PhoneEntry {
  clientId!: string;
  @Gated('VIEW_CONTACT_DETAILS') @Field(() => PhoneKindEnum, { nullable: true }) kind!: string;
  @Gated('VIEW_CONTACT_DETAILS') @Field(() => String, { nullable: true }) name!: string;
  @Gated('VIEW_CONTACT_DETAILS') @Field(() => String, { nullable: true }) number!: string;
}

@ObjectType('ContactAssignment')
export class ContactAssignmentType {
  @Field(() => ID) id!: string;
  @Field(() => ID) clientId!: string;
  @Field(() => ID) staffId!: string;
  @Field(() => ContactRoleEnum) role!: string;
  @Field(() => LocalDate) validFrom!: string;
  @Field(() => LocalDate, { nullable: true, description: 'The first day it no longer holds.' }) validTo!: string | null;
}

@ObjectType()
export class ContactAssignmentPayload {
  @Field(() => ContactAssignmentType, { nullable: true }) assignment!: ContactAssignmentType | null;
  @Field(() => UserError, { nullable: true }) error!: UserError | null;
}

@InputType()
export class AppointContactInput {
  @Field(() => ID) clientId!: string;
  @Field(() => ID) staffId!: string;
  @Field(() => ContactRoleEnum) role!: ContactRole;
  @Field(() => LocalDate, { nullable: true, description: 'Today when omitted.' }) validFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'Required when someone is replaced.' }) reason?: string | null;
}

@InputType()
export class EndContactInput {
  @Field(() => ID) assignmentId!: string;
  @Field(() => LocalDate, { nullable: true }) validTo?: string | null;
  @Field(() => String, { nullable: true }) reason?: string | null;
}

@InputType()
export class RecordAbsenceInput {
  @Field(() => ID) staffId!: string;
  @Field(() => AbsenceKindEnum) kind!: string;
  @Field(() => LocalDate) firstDay!: string;
  @Field(() => LocalDate, { nullable: true, description: 'Inclusive; omitted: until further notice.' })
  lastDay?: string | null;
}

@ObjectType('Absence')
export class AbsenceType {
  @Field(() => ID) id!: string;
  @Field(() => ID) staffId!: string;
  @Field(() => AbsenceKindEnum) kind!: string;
  @Field(() => LocalDate) firstDay!: string;
  @Field(() => LocalDate, { nullable: true }) lastDay!: string | null;
}

@ObjectType()
export class AbsencePayload {
  @Field(() => AbsenceType, { nullable: true }) absence!: AbsenceType | null;
  @Field(() => UserError, { nullable: true }) error!: UserError | null;
}
