import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { asPayload } from '../../kit/user-error';
import { type GraphQLContext, requireActor } from '../request/context';
import { appointContact, endContact, recordAbsence } from './contacts.service';
import {
  AbsencePayload,
  AppointContactInput,
  ContactAssignmentPayload,
  EndContactInput,
  RecordAbsenceInput,
} from './contacts.type';

/** Coordination: thin over the contacts service, which checks the coordinator's unit and audits. */
@Resolver()
export class ContactsResolver {
  @Mutation(() => ContactAssignmentPayload, { description: 'Appoint or replace the fixed contact or the deputy.' })
  appointContact(@Arg('input', () => AppointContactInput) input: AppointContactInput, @Ctx() ctx: GraphQLContext) {
    return asPayload('assignment', () =>
      appointContact(ctx.em, requireActor(ctx), { ...input, validFrom: input.validFrom ?? undefined }),
    );
  }

  @Mutation(() => ContactAssignmentPayload)
  endContact(@Arg('input', () => EndContactInput) input: EndContactInput, @Ctx() ctx: GraphQLContext) {
    return asPayload('assignment', () =>
      endContact(ctx.em, requireActor(ctx), { ...input, validTo: input.validTo ?? undefined }),
    );
  }

  @Mutation(() => AbsencePayload)
  recordAbsence(@Arg('input', () => RecordAbsenceInput) input: RecordAbsenceInput, @Ctx() ctx: GraphQLContext) {
    return asPayload('absence', () => recordAbsence(ctx.em, requireActor(ctx), input));
  }
}
