import type { EntityManager } from '@mikro-orm/postgresql';
import type { SystemRole } from '../organisation/staff-member.entity';
import { viewerRow } from './viewer.queries';

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
  const row = await viewerRow(em, personnummer);
  return {
    personnummer,
    personId: row?.id ?? null,
    givenName: row?.given_name ?? null,
    familyName: row?.family_name ?? null,
    clientId: row?.client_id ?? null,
    staff: row?.staff_id ? { id: row.staff_id, roles: row.roles ?? [], unitId: row.unit_id! } : null,
  };
}
