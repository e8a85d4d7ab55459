import type { EntityManager } from '@mikro-orm/postgresql';
import { sql } from '../../db/sql';
import { AccessDenied } from '../../shared/errors';
import type { ViewerIdentity } from '../access/viewer';
import type { StaffTitle } from './staff-member.entity';

export interface UnitStaffRow {
  staff_id: string;
  given_name: string | null;
  family_name: string | null;
  title: StaffTitle;
  title_proven_on: string | null;
}

/**
 * The staff of a coordinator's own unit (hemtjänstgrupp), to appoint contact and deputy and record
 * absences from. Coordinators only, for their own unit; anyone else is denied.
 */
export async function unitStaff(em: EntityManager, viewer: ViewerIdentity | null): Promise<UnitStaffRow[]> {
  if (!viewer?.staff?.roles.includes('COORDINATOR')) throw new AccessDenied('unitStaff');
  const q = sql`SELECT s.id AS staff_id, p.given_name, p.family_name, s.title, s.title_proven_on::text
    FROM staff_member s JOIN person p ON p.id = s.person_id
   WHERE s.unit_id = ${viewer.staff.unitId}
   ORDER BY p.family_name, p.given_name, s.id`;
  return em.execute<UnitStaffRow[]>(q.text, q.values);
}
