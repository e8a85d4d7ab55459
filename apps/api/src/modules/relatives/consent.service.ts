import type { EntityManager } from '@mikro-orm/postgresql';
import { CONSENT_SCOPES, type ConsentScope } from '@spindeln/consent-scopes';
import { parsePersonnummer } from '@spindeln/personnummer';
import { AccessDenied, invalid, ruleViolation } from '../../shared/errors';
import { lookupId } from '../../shared/lookup-id';
import { isUuid, optionalText, requireOneOf, requireText } from '../../shared/validate';
import type { Actor } from '../access/actor';
import { loadClient, requireCoordinatorForClient } from '../access/standing';
import { auditedCommand } from '../audit/audit.service';
import type { Client } from '../clients/client.entity';
import { Person } from '../people/person.entity';
import {
  awaitingConsentRows,
  type ConsentRow,
  consentHistoryRows,
  consentTarget,
  type RelativeRow,
  relativeRows,
} from './consent.queries';
import { Consent, type ConsentGivenVia, RELATIONSHIPS, type Relationship, RelativeLink } from './relatives.entity';

function requireScopes(scopes: readonly string[]): ConsentScope[] {
  const unique = [...new Set(scopes)];
  if (unique.length === 0) throw invalid('scopes', 'required', 'scopes: choose at least one');
  for (const s of unique) requireOneOf('scopes', CONSENT_SCOPES, s);
  // Stored in the list's order, so equal sets compare equal.
  return CONSENT_SCOPES.filter((s) => unique.includes(s));
}

function requireFutureExpiry(expiresAt: Date | null | undefined, now: Date): Date | null {
  if (!expiresAt) return null;
  if (Number.isNaN(expiresAt.getTime()) || expiresAt <= now) {
    throw invalid('expiresAt', 'in_future', 'expiresAt: must be in the future');
  }
  return expiresAt;
}

/** The client themself, or a coordinator of the client's unit; a denial names the caller's field. */
async function requireClientOrCoordinator(
  tx: EntityManager,
  actor: Actor,
  client: Client,
  field: string,
): Promise<void> {
  if (client.personId === actor.personId) return;
  await requireCoordinatorForClient(tx, actor, client, field);
}

async function loadCurrentConsent(tx: EntityManager, consentId: string) {
  const consent = isUuid(consentId) ? await tx.findOne(Consent, { id: consentId }) : null;
  if (!consent) throw new AccessDenied('consentId');
  const link = await tx.findOneOrFail(RelativeLink, { id: consent.relativeLinkId });
  const client = await loadClient(tx, link.clientId);
  return { consent, link, client };
}

export interface AddRelativeInput {
  clientId: string;
  personnummer: string;
  givenName: string;
  familyName: string;
  relationship: Relationship;
}

/** Lists a person as the client's relative. Being listed gives no access: only a consent does. */
export function addRelative(em: EntityManager, actor: Actor, input: AddRelativeInput) {
  return auditedCommand(em, actor, 'relative.add', async (tx, audit) => {
    const parsed = parsePersonnummer(input.personnummer);
    if (!parsed.ok) throw invalid('personnummer', parsed.error, `personnummer: ${parsed.message}`);
    const relationship = requireOneOf('relationship', RELATIONSHIPS, input.relationship);
    const givenName = requireText('givenName', input.givenName, 100);
    const familyName = requireText('familyName', input.familyName, 100);
    const client = await loadClient(tx, input.clientId);
    audit.clientId = client.id;
    await requireClientOrCoordinator(tx, actor, client, 'clientId');
    // What the client typed is only their label for the relative (on the link), never the person's
    // registered name: that comes from the person's own verified login or the register.
    let person = await tx.findOne(Person, { personnummer: parsed.value });
    if (!person) person = tx.create(Person, { personnummer: parsed.value });
    if (person.id && person.id === client.personId) {
      throw ruleViolation('personnummer', 'not_self', 'personnummer: the client cannot be their own relative');
    }
    await tx.flush();
    const link = tx.create(RelativeLink, {
      clientId: client.id,
      personId: person.id,
      givenName,
      familyName,
      relationship,
    });
    audit.detail = { relationship };
    return link;
  });
}

export interface GrantConsentInput {
  relativeLinkId: string;
  scopes: string[];
  /** Waiving secrecy towards this relative (SKR's first consent). */
  secrecyWaiver: boolean;
  /** Processing of personal data (SKR's second consent). */
  dataProcessing: boolean;
  expiresAt?: Date | null;
  /** Given in person and recorded by a coordinator, with a note on the client's capacity. */
  inPerson?: { capacityNote: string } | null;
}

/**
 * The client grants a consent in the portal, or a coordinator records one the client gave in person.
 * The relative's own acceptance comes separately (acceptConsent); until then it gives no access.
 */
export function grantConsent(em: EntityManager, actor: Actor, input: GrantConsentInput) {
  return auditedCommand(em, actor, 'consent.grant', async (tx, audit) => {
    const now = new Date();
    const scopes = requireScopes(input.scopes);
    if (!input.secrecyWaiver || !input.dataProcessing) {
      throw ruleViolation(
        'consents',
        'consent_requires_both_consents',
        'consents: both the secrecy waiver and the consent to processing personal data are required',
      );
    }
    const expiresAt = requireFutureExpiry(input.expiresAt, now);
    const capacityNote = input.inPerson ? requireText('capacityNote', input.inPerson.capacityNote, 2000) : null;
    const link = isUuid(input.relativeLinkId) ? await tx.findOne(RelativeLink, { id: input.relativeLinkId }) : null;
    if (!link) throw new AccessDenied('relativeLinkId');
    const client = await loadClient(tx, link.clientId);
    audit.clientId = client.id;
    let recordedBy: string | null = null;
    if (input.inPerson) {
      recordedBy = (await requireCoordinatorForClient(tx, actor, client, 'relativeLinkId')).id;
    } else if (client.personId !== actor.personId) {
      throw new AccessDenied('relativeLinkId');
    }
    const consent = tx.create(Consent, {
      relativeLinkId: link.id,
      scopes,
      secrecyWaiver: true,
      dataProcessing: true,
      givenVia: input.inPerson ? 'IN_PERSON' : 'PORTAL',
      recordedBy,
      capacityNote,
      grantedAt: now,
      expiresAt,
    });
    audit.detail = { relativePersonId: link.personId, scopes, givenVia: consent.givenVia };
    return consent;
  });
}

/** The relative accepts the processing of their own personal data. */
export function acceptConsent(em: EntityManager, actor: Actor, input: { consentId: string }) {
  return auditedCommand(em, actor, 'consent.accept', async (tx, audit) => {
    // A plain row, no entities, until the caller is allowed: an unknown id and another person's
    // consent run the same one statement (issue 9, item 20).
    const target = await consentTarget(tx, lookupId(input.consentId));
    audit.clientId = target?.client_id ?? null;
    if (!target || target.person_id !== actor.personId || target.ended) throw new AccessDenied('consentId');
    const consent = await tx.findOneOrFail(Consent, { id: input.consentId });
    if (!consent.relativeAcceptedAt) consent.relativeAcceptedAt = new Date();
    return consent;
  });
}

/**
 * The relative declines a consent waiting for their acceptance: it ends as DECLINED, by them, and
 * stops waiting; the client sees that in the history. Denied and unknown ids run the same statement
 * as acceptConsent's and answer alike; an accepted consent is no longer theirs to decline.
 */
export function declineConsent(em: EntityManager, actor: Actor, input: { consentId: string }) {
  return auditedCommand(em, actor, 'consent.decline', async (tx, audit) => {
    const target = await consentTarget(tx, lookupId(input.consentId));
    audit.clientId = target?.client_id ?? null;
    if (!target || target.person_id !== actor.personId || target.ended) throw new AccessDenied('consentId');
    if (target.accepted_at) {
      throw ruleViolation('consentId', 'consent_accepted', 'consentId: an accepted consent is ended by the client');
    }
    const consent = await tx.findOneOrFail(Consent, { id: input.consentId });
    consent.endedAt = new Date();
    consent.endedBy = actor.personId;
    consent.endReason = 'DECLINED';
    return consent;
  });
}

/** Whether a change lets the relative see more: a scope added, or a later (or no) expiry. */
export function widens(
  from: { scopes: readonly string[]; expiresAt: Date | null },
  to: { scopes: readonly string[]; expiresAt: Date | null },
): boolean {
  if (to.scopes.some((s) => !from.scopes.includes(s))) return true;
  return from.expiresAt !== null && (to.expiresAt === null || to.expiresAt > from.expiresAt);
}

/**
 * Who changes a consent, and how that is recorded. The client acts in the portal. A coordinator acts
 * only on the client's word given in person, with a note on how the client gave it and their capacity:
 * the row is then IN_PERSON, recorded by the coordinator. Nobody else, and never PORTAL for staff.
 */
async function consentChanger(
  tx: EntityManager,
  actor: Actor,
  client: Client,
  note: string | null | undefined,
  field: string,
): Promise<{ givenVia: ConsentGivenVia; recordedBy: string | null; capacityNote: string | null }> {
  if (client.personId === actor.personId) {
    if (note != null && note.trim() !== '') {
      throw invalid(
        'capacityNote',
        'coordinator_only',
        'capacityNote: only a coordinator records a consent given in person',
      );
    }
    return { givenVia: 'PORTAL', recordedBy: null, capacityNote: null };
  }
  const coordinator = await requireCoordinatorForClient(tx, actor, client, field);
  if (note == null || note.trim() === '') {
    throw invalid(
      'capacityNote',
      'required',
      'capacityNote: a coordinator acts only on the client’s word in person: note how the client gave it and their capacity',
    );
  }
  return { givenVia: 'IN_PERSON', recordedBy: coordinator.id, capacityNote: requireText('capacityNote', note, 2000) };
}

/**
 * Changes scopes or expiry: the current row ends as CHANGED and a new row replaces it. A change that
 * widens what the relative sees needs their new acceptance (their old one is never carried over);
 * a narrowing keeps it.
 */
export function changeConsent(
  em: EntityManager,
  actor: Actor,
  input: { consentId: string; scopes: string[]; expiresAt?: Date | null; capacityNote?: string | null },
) {
  return auditedCommand(em, actor, 'consent.change', async (tx, audit) => {
    const now = new Date();
    const scopes = requireScopes(input.scopes);
    const expiresAt = requireFutureExpiry(input.expiresAt, now);
    const { consent, link, client } = await loadCurrentConsent(tx, input.consentId);
    audit.clientId = client.id;
    const how = await consentChanger(tx, actor, client, input.capacityNote, 'consentId');
    if (consent.endedAt) throw ruleViolation('consentId', 'consent_ended', 'consentId: this consent has ended');
    const widened = widens(consent, { scopes, expiresAt });
    consent.endedAt = now;
    consent.endedBy = actor.personId;
    consent.endReason = 'CHANGED';
    await tx.flush();
    const next = tx.create(Consent, {
      relativeLinkId: link.id,
      scopes,
      secrecyWaiver: consent.secrecyWaiver,
      dataProcessing: consent.dataProcessing,
      relativeAcceptedAt: widened ? null : consent.relativeAcceptedAt,
      ...how,
      grantedAt: now,
      expiresAt,
      replacesId: consent.id,
    });
    audit.detail = {
      relativePersonId: link.personId,
      from: consent.scopes,
      to: scopes,
      widened,
      givenVia: how.givenVia,
      recordedBy: how.recordedBy,
    };
    return next;
  });
}

/**
 * Revokes at once: the next request by the relative is denied. The client revokes in the portal; a
 * coordinator revokes on the client's word, noting how it was given (kept in the audit event, with
 * the coordinator as the one who ended the consent).
 */
export function revokeConsent(em: EntityManager, actor: Actor, input: { consentId: string; note?: string | null }) {
  return auditedCommand(em, actor, 'consent.revoke', async (tx, audit) => {
    const { consent, link, client } = await loadCurrentConsent(tx, input.consentId);
    audit.clientId = client.id;
    let recordedBy: string | null = null;
    if (client.personId !== actor.personId) {
      recordedBy = (await requireCoordinatorForClient(tx, actor, client, 'consentId')).id;
      if (input.note == null || input.note.trim() === '') {
        throw invalid('note', 'required', 'note: a coordinator revokes on the client’s word: note how it was given');
      }
    }
    if (consent.endedAt) throw ruleViolation('consentId', 'consent_ended', 'consentId: this consent has ended');
    consent.endedAt = new Date();
    consent.endedBy = actor.personId;
    consent.endReason = 'REVOKED';
    audit.detail = {
      relativePersonId: link.personId,
      givenVia: recordedBy ? 'IN_PERSON' : 'PORTAL',
      recordedBy,
      note: optionalText('note', input.note, 500),
    };
    return consent;
  });
}

export type { ConsentRow, RelativeRow };

/** The client's relatives with their current consent, if any. */
export async function relativesOf(em: EntityManager, clientId: string): Promise<RelativeRow[]> {
  return relativeRows(em, clientId);
}

export async function consentHistory(em: EntityManager, clientId: string): Promise<ConsentRow[]> {
  return consentHistoryRows(em, clientId);
}

/**
 * Consents given to this person that wait for their acceptance. "Expired" is judged at the time
 * the API passes in, as for every other consent rule (it was the database's now()).
 */
export async function consentsAwaitingAcceptance(em: EntityManager, personId: string, at: Date = new Date()) {
  return awaitingConsentRows(em, personId, at);
}
