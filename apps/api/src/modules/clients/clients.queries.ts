import type { EntityManager } from '@mikro-orm/postgresql';
import { rows, sql } from '../../db/query';

export interface ClientRow {
  id: string;
  person_id: string;
  given_name: string | null;
  family_name: string | null;
  protected_identity: boolean;
  team_id: string;
  care_setting: string;
}

/** Clients by id (uuids), with their registered name. */
export function clientRows(em: EntityManager, ids: string[]) {
  return rows<ClientRow>(
    em,
    sql`SELECT c.id, c.person_id, p.given_name, p.family_name, p.protected_identity, c.team_id, c.care_setting
        FROM client c JOIN person p ON p.id = c.person_id WHERE c.id = ANY(${ids}::uuid[])`,
    { name: 'clients_by_id' },
  );
}
