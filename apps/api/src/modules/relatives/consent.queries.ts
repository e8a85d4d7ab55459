import type { EntityManager } from '@mikro-orm/postgresql';
import type { ConsentScope } from '@spindeln/consent-scopes';
import { row, rows, sql } from '../../db/query';
import { consentAwaitingAcceptance } from '../access/predicates';
import type { ConsentEndReason, ConsentGivenVia, Relationship } from './relatives.entity';

/** The client and the relative of a consent, whether it has ended or been accepted; null for an unknown id. */
export function consentTarget(tx: EntityManager, consentId: string) {
  return row<{ client_id: string; person_id: string; ended: boolean; accepted_at: Date | null }>(
    tx,
    sql`SELECT l.client_id, l.person_id, c.ended_at IS NOT NULL AS ended, c.relative_accepted_at AS accepted_at
          FROM consent c JOIN relative_link l ON l.id = c.relative_link_id WHERE c.id = ${consentId}`,
    { name: 'consent_target' },
  );
}

export interface RelativeRow {
  link_id: string;
  client_id: string;
  person_id: string;
  given_name: string;
  family_name: string;
  relationship: Relationship;
  consent_id: string | null;
  scopes: ConsentScope[] | null;
  given_via: ConsentGivenVia | null;
  granted_at: Date | null;
  expires_at: Date | null;
  relative_accepted_at: Date | null;
  protected_identity: boolean;
}

/** The client's relatives with the consent row that has not ended, if any (accepted or not). */
export function relativeRows(em: EntityManager, clientId: string) {
  return rows<RelativeRow>(
    em,
    sql`SELECT l.id AS link_id, l.client_id, l.person_id, l.given_name, l.family_name, l.relationship,
            c.id AS consent_id, c.scopes, c.given_via, c.granted_at, c.expires_at, c.relative_accepted_at,
            p.protected_identity
       FROM relative_link l JOIN person p ON p.id = l.person_id
       LEFT JOIN consent c ON c.relative_link_id = l.id AND c.ended_at IS NULL
      WHERE l.client_id = ${clientId} ORDER BY l.family_name, l.given_name`,
    { name: 'relatives_of' },
  );
}

/** Every consent the client ever gave, with how it ended: nothing is deleted. */
export interface ConsentRow {
  id: string;
  client_id: string;
  person_id: string;
  given_name: string;
  family_name: string;
  protected_identity: boolean;
  scopes: ConsentScope[];
  given_via: ConsentGivenVia;
  capacity_note: string | null;
  granted_at: Date;
  expires_at: Date | null;
  relative_accepted_at: Date | null;
  ended_at: Date | null;
  end_reason: ConsentEndReason | null;
  replaces_id: string | null;
}

export function consentHistoryRows(em: EntityManager, clientId: string) {
  return rows<ConsentRow>(
    em,
    sql`SELECT c.*, l.client_id, l.person_id, l.given_name, l.family_name, p.protected_identity
       FROM consent c JOIN relative_link l ON l.id = c.relative_link_id JOIN person p ON p.id = l.person_id
      WHERE l.client_id = ${clientId} ORDER BY c.granted_at DESC`,
    { name: 'consent_history' },
  );
}

export interface AwaitingConsentRow {
  consent_id: string;
  client_id: string;
  client_person_id: string;
  given_name: string | null;
  family_name: string | null;
  protected_identity: boolean;
  scopes: ConsentScope[];
}

/** Consents given to this person that wait for their acceptance at `at`. */
export function awaitingConsentRows(em: EntityManager, personId: string, at: Date) {
  return rows<AwaitingConsentRow>(
    em,
    sql`SELECT c.id AS consent_id, l.client_id, cl.person_id AS client_person_id, p.given_name, p.family_name,
            p.protected_identity, c.scopes
       FROM consent c JOIN relative_link l ON l.id = c.relative_link_id
       JOIN client cl ON cl.id = l.client_id JOIN person p ON p.id = cl.person_id
      WHERE l.person_id = ${personId} AND ${consentAwaitingAcceptance('c', at)}`,
    { name: 'consents_awaiting_acceptance' },
  );
}
