import type { EntityManager } from '@mikro-orm/postgresql';
import type { ConsentScope } from '@spindeln/consent-scopes';
import { AccessDenied } from '../../shared/errors';
import { isUuid } from '../../shared/validate';
import { Client } from '../clients/client.entity';
import { StaffMember } from '../organisation/staff-member.entity';
import type { Actor } from './actor';

/**
 * A person's standing towards one client, always read from the database: roles and consent are never
 * taken from a token, so a revoked consent stops working on the very next request.
 */

export async function loadClient(em: EntityManager, clientId: string): Promise<Client> {
  const client = isUuid(clientId) ? await em.findOne(Client, { id: clientId }) : null;
  if (!client) throw new AccessDenied('clientId');
  return client;
}

export async function staffOf(em: EntityManager, personId: string): Promise<StaffMember | null> {
  return em.findOne(StaffMember, { personId });
}

/** The client's group (unit), through the client's team. */
async function groupOfClient(em: EntityManager, client: Client): Promise<string> {
  const rows = await em.execute<{ group_id: string }[]>('SELECT group_id FROM work_team WHERE id = ?', [client.teamId]);
  return rows[0]!.group_id;
}

/** A coordinator may act for clients in the unit (hemtjänstgrupp) they coordinate. */
export async function requireCoordinatorForClient(
  em: EntityManager,
  actor: Actor,
  client: Client,
): Promise<StaffMember> {
  const staff = await staffOf(em, actor.personId);
  if (!staff?.roles.includes('COORDINATOR') || staff.unitId !== (await groupOfClient(em, client))) {
    throw new AccessDenied('clientId');
  }
  return staff;
}

export async function requireCoordinatorForStaff(
  em: EntityManager,
  actor: Actor,
  staffId: string,
): Promise<{ coordinator: StaffMember; staff: StaffMember }> {
  const coordinator = await staffOf(em, actor.personId);
  const staff = isUuid(staffId) ? await em.findOne(StaffMember, { id: staffId }) : null;
  if (!coordinator?.roles.includes('COORDINATOR') || !staff || staff.unitId !== coordinator.unitId) {
    throw new AccessDenied('staffId');
  }
  return { coordinator, staff };
}

/**
 * Care staff act for a client when they are the client's contact or deputy today, or a member of
 * the client's work team.
 */
export async function staffActsForClient(
  em: EntityManager,
  staffId: string,
  client: Client,
  day: string,
): Promise<boolean> {
  const rows = await em.execute<{ ok: boolean }[]>(
    `SELECT EXISTS (
       SELECT 1 FROM contact_assignment a
        WHERE a.client_id = ? AND a.staff_id = ? AND a.valid_from <= ?::date
          AND (a.valid_to IS NULL OR a.valid_to > ?::date)
     ) OR EXISTS (
       SELECT 1 FROM team_membership m WHERE m.team_id = ? AND m.staff_id = ?
     ) AS ok`,
    [client.id, staffId, day, day, client.teamId, staffId],
  );
  return rows[0]?.ok === true;
}

/**
 * The scopes a relative holds for a client right now: the current consent, not expired, accepted by
 * the relative. None when there is no such consent.
 */
export async function relativeScopes(
  em: EntityManager,
  personId: string,
  clientId: string,
  at: Date = new Date(),
): Promise<ConsentScope[]> {
  const rows = await em.execute<{ scopes: ConsentScope[] }[]>(
    `SELECT c.scopes FROM consent c
       JOIN relative_link l ON l.id = c.relative_link_id
      WHERE l.client_id = ? AND l.person_id = ? AND c.ended_at IS NULL
        AND c.relative_accepted_at IS NOT NULL
        AND (c.expires_at IS NULL OR c.expires_at > ?)`,
    [clientId, personId, at],
  );
  return rows[0]?.scopes ?? [];
}
