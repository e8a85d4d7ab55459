import type { EntityManager } from '@mikro-orm/postgresql';
import { rows, sql } from '../../db/query';
import { absenceCovers, assignmentHolds } from '../access/predicates';
import type { WorkingHours } from '../organisation/staff-member.entity';
import type { AbsenceKind, ContactRole } from './contacts.entity';

export interface ContactRow {
  client_id: string;
  team_phone: string;
  team_name: string;
  group_name: string;
  group_phone: string;
  working_hours: WorkingHours[] | null;
  staff_id: string | null;
  role: ContactRole | null;
  given_name: string | null;
  family_name: string | null;
  title: string | null;
  work_mobile: string | null;
  absence_kind: AbsenceKind | null;
  absence_first_day: string | null;
  absence_last_day: string | null;
}

/**
 * Each client's team and group, and a row per assignment that holds on `day` with any absence
 * covering it (one row with no staff when none holds).
 */
export function contactRows(em: EntityManager, clientIds: string[], day: string) {
  return rows<ContactRow>(
    em,
    sql`
    SELECT c.id AS client_id, coalesce(t.phone, g.phone) AS team_phone, t.name AS team_name,
           g.name AS group_name, g.phone AS group_phone,
           a.staff_id, a.role, p.given_name, p.family_name, s.title, s.work_mobile, s.working_hours,
           ab.kind AS absence_kind, ab.first_day::text AS absence_first_day, ab.last_day::text AS absence_last_day
      FROM client c
      JOIN work_team t ON t.id = c.team_id
      JOIN care_group g ON g.id = t.group_id
      LEFT JOIN contact_assignment a ON a.client_id = c.id AND ${assignmentHolds('a', day)}
      LEFT JOIN staff_member s ON s.id = a.staff_id
      LEFT JOIN person p ON p.id = s.person_id
      LEFT JOIN staff_absence ab ON ab.staff_id = a.staff_id AND ${absenceCovers('ab', day)}
     WHERE c.id = ANY(${clientIds}::uuid[])`,
    { name: 'who_to_contact' },
  );
}
