import { Field, ObjectType, registerEnumType } from 'type-graphql';
import { DomainError, type ErrorCode } from '../shared/errors';

export const UserErrorCode = {
  INVALID_INPUT: 'INVALID_INPUT',
  RULE_VIOLATION: 'RULE_VIOLATION',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  FORBIDDEN: 'FORBIDDEN',
} as const satisfies Record<ErrorCode, ErrorCode>;
registerEnumType(UserErrorCode, { name: 'UserErrorCode' });

/** An expected failure, returned as data: which field, which rule, and a message to show. */
@ObjectType()
export class UserError {
  @Field(() => UserErrorCode) code!: ErrorCode;
  @Field(() => String, { nullable: true, description: 'The input field concerned.' }) field!: string | null;
  @Field(() => String, { description: 'The rule, e.g. a constraint name.' }) rule!: string;
  @Field(() => String) message!: string;
}

/**
 * Runs a mutation's service call: a refusal becomes `{ error }`; anything unexpected is thrown and
 * masked by the server's error formatter.
 */
export async function asPayload<T, K extends string>(
  key: K,
  work: () => Promise<T>,
): Promise<{ [P in K]: T | null } & { error: UserError | null }> {
  try {
    const value = await work();
    return { [key]: value, error: null } as { [P in K]: T | null } & { error: UserError | null };
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    const error: UserError = { code: e.code, field: e.field, rule: e.rule, message: e.message };
    return { [key]: null, error } as { [P in K]: T | null } & { error: UserError | null };
  }
}
