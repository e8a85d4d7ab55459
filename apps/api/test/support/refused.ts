import { expect } from 'vitest';
import { DomainError } from '../../src/shared/errors';

/** Awaits a command that must be refused, and returns the domain error it was refused with. */
export async function refused(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}
