import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessDenied } from '../../shared/errors';
import type { Actor } from '../access/actor';
import { staffOf } from '../access/standing';
import { type AuditRow, clientAuditRows, unitAuditRows } from './audit.queries';

export type { AuditRow };

/** Who looked at or changed the client's information, newest first: the client's own access log. */
export async function clientAccessLog(
  em: EntityManager,
  clientId: string,
  page: { limit: number; offset: number },
): Promise<AuditRow[]> {
  return clientAuditRows(em, clientId, page);
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
  return unitAuditRows(em, staff.unitId, options);
}
