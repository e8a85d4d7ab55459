import type { EntityManager } from '@mikro-orm/postgresql';
import { row, sql } from '../../db/query';
import type { SystemRole } from '../organisation/staff-member.entity';

export interface ViewerRow {
  id: string;
  given_name: string;
  family_name: string;
  client_id: string | null;
  staff_id: string | null;
  roles: SystemRole[] | null;
  unit_id: string | null;
}

/** The person with this personnummer, and whether they are a client and staff. */
export function viewerRow(em: EntityManager, personnummer: string) {
  return row<ViewerRow>(
    em,
    sql`SELECT p.id, p.given_name, p.family_name, c.id AS client_id, s.id AS staff_id, s.roles, s.unit_id
          FROM person p LEFT JOIN client c ON c.person_id = p.id LEFT JOIN staff_member s ON s.person_id = p.id
         WHERE p.personnummer = ${personnummer}`,
    { name: 'viewer' },
  );
}
