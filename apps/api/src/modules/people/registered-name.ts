import type { EntityManager } from '@mikro-orm/postgresql';
import type { VerifiedName } from '@spindeln/api-token';
import type { ViewerIdentity } from '../access/viewer';
import { updateNameFromLogin } from './people.queries';

/**
 * A person's own name comes from a verified login: when the token carries the login's names and
 * they differ from the registered ones, the person's row is updated and the change audited, in one
 * statement. Nothing happens when they agree (the usual request), nor for a person unknown here.
 */
export async function recordNameFromLogin(
  em: EntityManager,
  viewer: ViewerIdentity,
  name: VerifiedName | null,
  requestId: string,
): Promise<ViewerIdentity> {
  if (!name || !viewer.personId) return viewer;
  if (viewer.givenName === name.givenName && viewer.familyName === name.familyName) return viewer;
  await updateNameFromLogin(em, {
    personId: viewer.personId,
    clientId: viewer.clientId,
    givenName: name.givenName,
    familyName: name.familyName,
    requestId,
  });
  return { ...viewer, givenName: name.givenName, familyName: name.familyName };
}
