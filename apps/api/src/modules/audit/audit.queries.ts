import type { EntityManager } from '@mikro-orm/postgresql';
import { rows, run, sql } from '../../db/query';

export interface AuditRow {
  id: string;
  at: Date;
  action: string;
  outcome: 'ALLOWED' | 'DENIED';
  client_id: string | null;
  actor_person_id: string | null;
  actor_given_name: string | null;
  actor_family_name: string | null;
  actor_protected: boolean | null;
  actor_is_staff: boolean;
  /** The actor is the client the event is about. */
  actor_is_client: boolean;
  /** The client's label for the actor when the actor is one of the client's relatives. */
  actor_label_given_name: string | null;
  actor_label_family_name: string | null;
  total: string;
}

const COLUMNS = sql`e.id, e.at, e.action, e.outcome, e.client_id, e.actor_person_id, p.given_name AS actor_given_name,
  p.family_name AS actor_family_name, p.protected_identity AS actor_protected, (s.id IS NOT NULL) AS actor_is_staff,
  coalesce(ec.person_id = e.actor_person_id, false) AS actor_is_client,
  al.given_name AS actor_label_given_name, al.family_name AS actor_label_family_name`;

/** The actor, how they stand to the event's client, and the client's label for them. */
const ACTOR_JOINS = sql`LEFT JOIN person p ON p.id = e.actor_person_id LEFT JOIN staff_member s ON s.person_id = p.id
    LEFT JOIN client ec ON ec.id = e.client_id
    LEFT JOIN relative_link al ON al.client_id = e.client_id AND al.person_id = e.actor_person_id`;

/** A page of the events about one client, newest first. */
export function clientAuditRows(em: EntityManager, clientId: string, page: { limit: number; offset: number }) {
  return rows<AuditRow>(
    em,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total
    FROM audit_event e ${ACTOR_JOINS}
   WHERE e.client_id = ${clientId}
   ORDER BY e.at DESC, e.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`,
    { name: 'client_access_log' },
  );
}

/** A page of the events about a unit's clients, newest first; only the denied ones when asked. */
export function unitAuditRows(
  em: EntityManager,
  unitId: string,
  options: { limit: number; offset: number; deniedOnly: boolean },
) {
  return rows<AuditRow>(
    em,
    sql`SELECT ${COLUMNS}, count(*) OVER () AS total
    FROM audit_event e
    JOIN client c ON c.id = e.client_id JOIN work_team t ON t.id = c.team_id AND t.group_id = ${unitId}
    ${ACTOR_JOINS}
   WHERE (NOT ${options.deniedOnly}::boolean OR e.outcome = 'DENIED')
   ORDER BY e.at DESC, e.id DESC LIMIT ${options.limit} OFFSET ${options.offset}`,
    // Unnamed: planned for the values it runs with (denied only or not, a large unit or a small one).
  );
}

/** One request's reads, in one statement. */
export async function insertReadEvents(
  em: EntityManager,
  actorPersonId: string | null,
  requestId: string,
  events: { action: string; clientId: string | null; outcome: 'ALLOWED' | 'DENIED' }[],
): Promise<void> {
  await run(
    em,
    sql`INSERT INTO audit_event (actor_person_id, action, client_id, outcome, request_id)
      SELECT ${actorPersonId}::uuid, e.action, e.client_id, e.outcome, ${requestId}
        FROM unnest(${events.map((e) => e.action)}::text[], ${events.map((e) => e.clientId)}::uuid[],
                    ${events.map((e) => e.outcome)}::text[])
             AS e(action, client_id, outcome)`,
    { name: 'read_audit' },
  );
}
