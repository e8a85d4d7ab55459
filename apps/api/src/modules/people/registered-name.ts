import type { EntityManager } from '@mikro-orm/postgresql';
import type { VerifiedName } from '@spindeln/api-token';
import type { ViewerIdentity } from '../access/viewer';
import type { WriteAction } from '../audit/actions';

const ACTION: WriteAction = 'person.name_from_login';

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
  await em.execute(
    `WITH changed AS (
       UPDATE person SET given_name = ?, family_name = ?
        WHERE id = ? AND (given_name IS DISTINCT FROM ? OR family_name IS DISTINCT FROM ?)
        RETURNING id)
     INSERT INTO audit_event (actor_person_id, action, client_id, outcome, request_id, detail)
     SELECT id, ?, ?::uuid, 'ALLOWED', ?, '{"source":"verified_login"}'::jsonb FROM changed`,
    [
      name.givenName,
      name.familyName,
      viewer.personId,
      name.givenName,
      name.familyName,
      ACTION,
      viewer.clientId,
      requestId,
    ],
  );
  return { ...viewer, givenName: name.givenName, familyName: name.familyName };
}
