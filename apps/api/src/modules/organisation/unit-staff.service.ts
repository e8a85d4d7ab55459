import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessDenied } from '../../shared/errors';
import type { Actor } from '../access/actor';
import { staffOf } from '../access/standing';
import { type UnitStaffRow, unitStaffRows } from './unit-staff.queries';

export type { UnitStaffRow };

/**
 * The staff of a coordinator's own unit (hemtjänstgrupp), to appoint contact and deputy and record
 * absences from. Coordinators only, for their own unit; anyone else is denied.
 */
export async function unitStaff(em: EntityManager, actor: Actor): Promise<UnitStaffRow[]> {
  const staff = await staffOf(em, actor.personId);
  if (!staff?.roles.includes('COORDINATOR')) throw new AccessDenied('unitStaff');
  return unitStaffRows(em, staff.unitId);
}
