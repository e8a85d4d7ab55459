import type { EntityManager } from '@mikro-orm/postgresql';
import { runPrepared } from '../../db/prepared';
import { sql } from '../../db/sql';
import type { SystemRole } from '../organisation/staff-member.entity';

/** The person behind a verified token, as the database knows them. */
export interface ViewerIdentity {
  personnummer: string;
  /** Null when the database has no such person: they see nothing about any client. */
  personId: string | null;
  givenName: string | null;
  familyName: string | null;
  clientId: string | null;
  staff: { id: string; roles: SystemRole[]; unitId: string } | null;
}

export async function loadViewer(em: EntityManager, personnummer: string): Promise<ViewerIdentity> {
  const [row] = await runPrepared<{
    id: string;
    given_name: string;
    family_name: string;
    client_id: string | null;
    staff_id: string | null;
    roles: SystemRole[] | null;
    unit_id: string | null;
  }>(
    em,
    'viewer',
    sql`SELECT p.id, p.given_name, p.family_name, c.id AS client_id, s.id AS staff_id, s.roles, s.unit_id
          FROM person p LEFT JOIN client c ON c.person_id = p.id LEFT JOIN staff_member s ON s.person_id = p.id
         WHERE p.personnummer = ${personnummer}`,
  );
  return {
    personnummer,
    personId: row?.id ?? null,
    givenName: row?.given_name ?? null,
    familyName: row?.family_name ?? null,
    clientId: row?.client_id ?? null,
    staff: row?.staff_id ? { id: row.staff_id, roles: row.roles ?? [], unitId: row.unit_id! } : null,
  };
}
