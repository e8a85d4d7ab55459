import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../db/sql';
import { AccessDenied } from '../../shared/errors';
import type { Actor } from '../access/actor';
import { staffOf } from '../access/standing';

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

/** Who looked at or changed the client's information, newest first: the client's own access log. */
export async function clientAccessLog(
  em: EntityManager,
  clientId: string,
  page: { limit: number; offset: number },
): Promise<AuditRow[]> {
  const q = sql`SELECT ${COLUMNS}, count(*) OVER () AS total
    FROM audit_event e ${ACTOR_JOINS}
   WHERE e.client_id = ${clientId}
   ORDER BY e.at DESC, e.id DESC LIMIT ${page.limit} OFFSET ${page.offset}`;
  return em.execute<AuditRow[]>(q.text, q.values);
}

/**
 * Log follow-up (logguppföljning) for a coordinator's unit: events about the unit's clients,
 * denied attempts first when asked.
 */
export async function unitAuditLog(
  em: EntityManager,
  actor: Actor,
  options: { limit: number; offset: number; deniedOnly: boolean },
): Promise<AuditRow[]> {
  // Coordinators only, for their own unit.
  const staff = await staffOf(em, actor.personId);
  if (!staff?.roles.includes('COORDINATOR')) throw new AccessDenied('unitAuditLog');
  const unitId = staff.unitId;
  const q = sql`SELECT ${COLUMNS}, count(*) OVER () AS total
    FROM audit_event e
    JOIN client c ON c.id = e.client_id JOIN work_team t ON t.id = c.team_id AND t.group_id = ${unitId}
    ${ACTOR_JOINS}
   WHERE (NOT ${options.deniedOnly} OR e.outcome = 'DENIED')
   ORDER BY e.at DESC, e.id DESC LIMIT ${options.limit} OFFSET ${options.offset}`;
  return em.execute<AuditRow[]>(q.text, q.values);
}
