import type { EntityManager } from '@mikro-orm/postgresql';
import { run, sql } from '../../db/query';
import type { WriteAction } from '../audit/actions';

const ACTION: WriteAction = 'person.name_from_login';

/**
 * Sets the person's registered name when it differs, and records the change in the audit log, in
 * one statement (nothing is written when the name is the same).
 */
export async function updateNameFromLogin(
  em: EntityManager,
  change: { personId: string; clientId: string | null; givenName: string; familyName: string; requestId: string },
): Promise<void> {
  const { personId, clientId, givenName, familyName, requestId } = change;
  await run(
    em,
    sql`WITH changed AS (
       UPDATE person SET given_name = ${givenName}, family_name = ${familyName}
        WHERE id = ${personId} AND (given_name IS DISTINCT FROM ${givenName} OR family_name IS DISTINCT FROM ${familyName})
        RETURNING id)
     INSERT INTO audit_event (actor_person_id, action, client_id, outcome, request_id, detail)
     SELECT id, ${ACTION}, ${clientId}::uuid, 'ALLOWED', ${requestId}, '{"source":"verified_login"}'::jsonb FROM changed`,
    { name: 'name_from_login' },
  );
}
