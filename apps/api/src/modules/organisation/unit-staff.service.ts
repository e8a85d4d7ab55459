import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessDenied } from '../../shared/errors';
import type { ViewerIdentity } from '../access/viewer';
import { type UnitStaffRow, unitStaffRows } from './unit-staff.queries';

export type { UnitStaffRow };

/**
 * The staff of a coordinator's own unit (hemtjänstgrupp), to appoint contact and deputy and record
 * absences from. Coordinators only, for their own unit; anyone else is denied.
 */
export async function unitStaff(em: EntityManager, viewer: ViewerIdentity | null): Promise<UnitStaffRow[]> {
  if (!viewer?.staff?.roles.includes('COORDINATOR')) throw new AccessDenied('unitStaff');
  return unitStaffRows(em, viewer.staff.unitId);
}
