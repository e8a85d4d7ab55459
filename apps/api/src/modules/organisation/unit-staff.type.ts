import { Field, ID, ObjectType } from 'type-graphql';
import { LocalDate } from '../../kit/scalars';
import { StaffTitleEnum } from '../enums';

@ObjectType('UnitStaffMember', {
  description: 'A staff member of the coordinator’s unit, as the coordinator sees them.',
})
export class UnitStaffMember {
  @Field(() => ID) staffId!: string;
  @Field(() => String, { nullable: true }) givenName!: string | null;
  @Field(() => String, { nullable: true }) familyName!: string | null;
  @Field(() => StaffTitleEnum) title!: string;
  @Field(() => LocalDate, { nullable: true, description: 'When the title undersköterska was proven.' })
  titleProvenOn!: string | null;
}
