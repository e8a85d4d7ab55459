import { Field, ObjectType } from 'type-graphql';

@ObjectType('Viewer', { description: 'Who is asking: the person behind the verified login.' })
export class ViewerType {
  @Field(() => String, { nullable: true, description: 'Null when no such person is known here.' })
  givenName!: string | null;
  @Field(() => String, { nullable: true }) familyName!: string | null;
  @Field(() => Boolean) isClient!: boolean;
  @Field(() => Boolean) isStaff!: boolean;
  @Field(() => Boolean) isCoordinator!: boolean;
}
