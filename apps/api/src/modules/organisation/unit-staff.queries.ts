import type { EntityManager } from '@mikro-orm/postgresql';
import { rows, sql } from '../../db/query';
import type { StaffTitle } from './staff-member.entity';

export interface UnitStaffRow {
  staff_id: string;
  given_name: string | null;
  family_name: string | null;
  title: StaffTitle;
  title_proven_on: string | null;
}

/** Everyone on a unit's staff, by name. */
export function unitStaffRows(em: EntityManager, unitId: string) {
  return rows<UnitStaffRow>(
    em,
    sql`SELECT s.id AS staff_id, p.given_name, p.family_name, s.title, s.title_proven_on
    FROM staff_member s JOIN person p ON p.id = s.person_id
   WHERE s.unit_id = ${unitId}
   ORDER BY p.family_name, p.given_name, s.id`,
  );
}
