import type { EntityManager } from '@mikro-orm/postgresql';
import type { ConsentScope } from '@spindeln/consent-scopes';
import { rows, sql } from '../../db/query';
import { assignmentHolds, currentConsent } from './predicates';

/** The viewer's staff record, if any: the CTE every standing query starts from. */
const meCte = (personId: string) => sql`
WITH me AS (
  SELECT s.id AS staff_id, s.unit_id, 'COORDINATOR' = ANY(s.roles) AS is_coordinator
    FROM staff_member s WHERE s.person_id = ${personId}
)`;

/** Standing columns for client `c` in team `t`. */
const standingColumns = (personId: string, at: Date, day: string) => sql`
       c.id AS client_id,
       c.person_id = ${personId}::uuid AS self,
       coalesce((SELECT cs.scopes FROM relative_link l JOIN consent cs ON cs.relative_link_id = l.id
                  WHERE l.client_id = c.id AND l.person_id = ${personId}::uuid
                    AND ${currentConsent('cs', at)}), '{}') AS scopes,
       EXISTS (SELECT 1 FROM me JOIN contact_assignment a ON a.staff_id::text = me.staff_id::text
                WHERE a.client_id = c.id AND ${assignmentHolds('a', day)}) AS assigned,
       EXISTS (SELECT 1 FROM me JOIN team_membership m ON m.staff_id = me.staff_id WHERE m.team_id = c.team_id)
         AS on_team,
       EXISTS (SELECT 1 FROM me WHERE me.is_coordinator AND me.unit_id = t.group_id) AS coordinator`;

export interface StandingRow {
  client_id: string;
  self: boolean;
  assigned: boolean;
  on_team: boolean;
  coordinator: boolean;
  scopes: ConsentScope[];
}

/** The person's standing rows towards the given clients (uuids), on `day` at `at`. */
export function standingRows(em: EntityManager, personId: string, clientIds: string[], at: Date, day: string) {
  return rows<StandingRow>(
    em,
    sql`${meCte(personId)}
SELECT ${standingColumns(personId, at, day)}
  FROM client c JOIN work_team t ON t.id = c.team_id
 WHERE c.id = ANY(${clientIds}::uuid[])`,
    { name: 'standings' },
  );
}

/** The standing row towards one client; none when no such client exists. */
export function standingRowIfClient(em: EntityManager, personId: string, clientId: string, at: Date, day: string) {
  return rows<StandingRow>(
    em,
    sql`${meCte(personId)}
SELECT ${standingColumns(personId, at, day)}
  FROM client c JOIN work_team t ON t.id = c.team_id
 WHERE c.id = ${clientId}::uuid`,
    { name: 'standing_if_client' },
  );
}

export interface VisibleClientRow extends StandingRow {
  person_id: string;
  given_name: string | null;
  family_name: string | null;
  protected_identity: boolean;
  team_id: string;
  care_setting: string;
  total: string;
}

/** A page of every client the person may see, with standing and name (see `visibleClients`). */
export function visibleClientRows(
  em: EntityManager,
  personId: string,
  page: { limit: number; offset: number },
  at: Date,
  day: string,
  assignedToMe = false,
) {
  // By staff_id::text: the b-tree for it, not the exclusion constraint's GiST (see the migration).
  const assigned = sql`SELECT a.client_id FROM me JOIN contact_assignment a ON a.staff_id::text = me.staff_id::text
   WHERE ${assignmentHolds('a', day)}`;
  const candidates = assignedToMe
    ? assigned
    : sql`SELECT c.id FROM client c WHERE c.person_id = ${personId}::uuid
  UNION
  SELECT l.client_id FROM relative_link l JOIN consent cs ON cs.relative_link_id = l.id
   WHERE l.person_id = ${personId}::uuid AND ${currentConsent('cs', at)}
  UNION
  ${assigned}
  UNION
  SELECT c.id FROM me JOIN team_membership m ON m.staff_id = me.staff_id JOIN client c ON c.team_id = m.team_id
  UNION
  SELECT c.id FROM me JOIN work_team wt ON wt.group_id = me.unit_id AND me.is_coordinator
    JOIN client c ON c.team_id = wt.id`;
  return rows<VisibleClientRow>(
    em,
    sql`${meCte(personId)}, candidate (id) AS (
  ${candidates}
)
SELECT ${standingColumns(personId, at, day)},
       c.person_id, c.given_name, c.family_name, c.protected_identity, c.team_id, c.care_setting,
       count(*) OVER () AS total
  -- Index lookups per candidate: a prepared statement's generic plan cannot know how few there
  -- are, and a hash join would read every client and team (LIMIT keeps each subquery apart).
  FROM candidate
  CROSS JOIN LATERAL (SELECT client.*, person.given_name, person.family_name, person.protected_identity
                        FROM client JOIN person ON person.id = client.person_id
                       WHERE client.id = candidate.id LIMIT 1) c
  CROSS JOIN LATERAL (SELECT * FROM work_team WHERE work_team.id = c.team_id LIMIT 1) t
 ORDER BY c.family_name, c.given_name, c.id
 LIMIT ${page.limit} OFFSET ${page.offset}`,
    { name: assignedToMe ? 'visible_clients_assigned' : 'visible_clients' },
  );
}
