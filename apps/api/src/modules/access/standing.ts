import type { EntityManager } from '@mikro-orm/postgresql';
import { CONSENT_SCOPES, type ConsentScope } from '@spindeln/consent-scopes';
import { AccessDenied } from '../../shared/errors';
import { lookupId } from '../../shared/lookup-id';
import { stockholmDay } from '../../shared/time';
import { isUuid } from '../../shared/validate';
import { Client } from '../clients/client.entity';
import { StaffMember } from '../organisation/staff-member.entity';
import type { Actor } from './actor';
import {
  type StandingRow,
  standingRowIfClient,
  standingRows,
  type VisibleClientRow,
  visibleClientRows,
} from './standing.queries';

/**
 * A person's standing towards a client, always read from the database: roles and consent are never
 * taken from a token, so a revoked consent stops working on the very next request. One statement
 * answers for any number of clients; the services and the GraphQL layer both use it.
 */
export interface Standing {
  clientId: string;
  /** The person is the client. */
  self: boolean;
  /** Care staff acting for the client: contact or deputy today, or on the client's work team. */
  staff: boolean;
  /** The client's fixed contact or deputy today (staff assigned to the client, not just the team). */
  assigned: boolean;
  /** A coordinator of the client's unit (hemtjänstgrupp). */
  coordinator: boolean;
  /** What the client's current, accepted, unexpired consent lets this relative see. */
  scopes: ConsentScope[];
}

export const NO_STANDING = (clientId: string): Standing => ({
  clientId,
  self: false,
  staff: false,
  assigned: false,
  coordinator: false,
  scopes: [],
});

/** Gates: a consent scope, or a rule for things relatives never reach. */
export const GATES = [
  ...CONSENT_SCOPES,
  'VISIBLE',
  'CLIENT_AND_STAFF',
  'CLIENT_OR_COORDINATOR',
  'CLIENT_ONLY',
] as const;
export type Gate = (typeof GATES)[number];

/** The one place that says who passes which gate. Deny unless a rule allows. */
export function allows(s: Standing, gate: Gate): boolean {
  if (s.self) return true;
  if (gate === 'CLIENT_ONLY') return false;
  if (s.coordinator) return true;
  if (gate === 'CLIENT_OR_COORDINATOR') return false;
  if (s.staff) return true;
  if (gate === 'CLIENT_AND_STAFF') return false;
  if (gate === 'VISIBLE') return s.scopes.length > 0;
  return s.scopes.includes(gate);
}

/** Only the client and the staff around them read what the client marked private. */
export function seesPrivateMessages(s: Standing): boolean {
  return s.self || s.staff || s.coordinator;
}

export const CLIENT_RELATIONS = ['SELF', 'RELATIVE', 'STAFF', 'ASSIGNED', 'COORDINATOR'] as const;
export type ClientRelation = (typeof CLIENT_RELATIONS)[number];

/** How the viewer stands to the client, as the API tells them: a relative only through consented scopes. */
export function relationsOf(s: Standing): ClientRelation[] {
  const relations: ClientRelation[] = [];
  if (s.self) relations.push('SELF');
  if (s.scopes.length > 0) relations.push('RELATIVE');
  if (s.staff) relations.push('STAFF');
  if (s.assigned) relations.push('ASSIGNED');
  if (s.coordinator) relations.push('COORDINATOR');
  return relations;
}

export type { StandingRow, VisibleClientRow };

export function standingFromRow(r: StandingRow): Standing {
  return {
    clientId: r.client_id,
    self: r.self,
    staff: r.assigned || r.on_team,
    assigned: r.assigned,
    coordinator: r.coordinator,
    scopes: r.scopes,
  };
}

export async function loadStandings(
  em: EntityManager,
  personId: string | null,
  clientIds: readonly string[],
  at: Date = new Date(),
): Promise<Map<string, Standing>> {
  const result = new Map<string, Standing>();
  const ids = [...new Set(clientIds.filter(isUuid))];
  if (personId && ids.length > 0) {
    for (const r of await standingRows(em, personId, ids, at, stockholmDay(at))) {
      result.set(r.client_id, standingFromRow(r));
    }
  }
  for (const id of clientIds) if (!result.has(id)) result.set(id, NO_STANDING(id));
  return result;
}

/**
 * Every client the person may see, with their standing and name, in one statement: themself, the
 * clients whose current consent they hold, the clients they act for as staff, and as coordinator
 * their unit's clients. Ordered by name; `limit`/`offset` page through them. `assignedToMe`: only
 * the clients the person is fixed contact or deputy for today (staff's own list), paged as such.
 */
export async function visibleClients(
  em: EntityManager,
  personId: string,
  page: { limit: number; offset: number },
  options: { assignedToMe?: boolean } = {},
  at: Date = new Date(),
): Promise<VisibleClientRow[]> {
  return visibleClientRows(em, personId, page, at, stockholmDay(at), options.assignedToMe ?? false);
}

export async function standingOf(em: EntityManager, personId: string, clientId: string): Promise<Standing> {
  return (await loadStandings(em, personId, [clientId])).get(clientId)!;
}

/**
 * The person's standing towards one client, or null when no such client exists: one statement and
 * plain rows either way (no entity), so a denial and an unknown id cost the same.
 */
export async function standingIfClient(
  em: EntityManager,
  personId: string,
  clientId: string,
  at: Date = new Date(),
): Promise<Standing | null> {
  const [row] = await standingRowIfClient(em, personId, lookupId(clientId), at, stockholmDay(at));
  return row ? standingFromRow(row) : null;
}

export async function loadClient(em: EntityManager, clientId: string): Promise<Client> {
  const client = isUuid(clientId) ? await em.findOne(Client, { id: clientId }) : null;
  if (!client) throw new AccessDenied('clientId');
  return client;
}

export async function staffOf(em: EntityManager, personId: string): Promise<StaffMember | null> {
  return em.findOne(StaffMember, { personId });
}

/** A coordinator may act for clients in the unit (hemtjänstgrupp) they coordinate. */
export async function requireCoordinatorForClient(
  em: EntityManager,
  actor: Actor,
  client: Client,
  /** The input field the caller named the client by: a denial must look like that id being unknown. */
  field = 'clientId',
): Promise<StaffMember> {
  const standing = await standingOf(em, actor.personId, client.id);
  const staff = standing.coordinator ? await staffOf(em, actor.personId) : null;
  if (!staff) throw new AccessDenied(field);
  return staff;
}

export async function requireCoordinatorForStaff(
  em: EntityManager,
  actor: Actor,
  staffId: string,
): Promise<{ coordinator: StaffMember; staff: StaffMember }> {
  const coordinator = await staffOf(em, actor.personId);
  const staff = isUuid(staffId) ? await em.findOne(StaffMember, { id: staffId }) : null;
  if (!coordinator?.roles.includes('COORDINATOR') || !staff || staff.unitId !== coordinator.unitId) {
    throw new AccessDenied('staffId');
  }
  return { coordinator, staff };
}

/** The scopes a relative holds for a client right now; none without a current, accepted consent. */
export async function relativeScopes(
  em: EntityManager,
  personId: string,
  clientId: string,
  at: Date = new Date(),
): Promise<ConsentScope[]> {
  return (await loadStandings(em, personId, [clientId], at)).get(clientId)!.scopes;
}
