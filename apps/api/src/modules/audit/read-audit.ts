import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../shared/validate';
import type { Gate } from '../access/standing';
import { insertReadEvents } from './audit.queries';

/** What a read through each gate is called in the audit log. */
export const READ_ACTIONS: Record<Gate, string> = {
  VISIBLE: 'read.client',
  VIEW_CONTACT: 'read.contact',
  VIEW_CONTACT_DETAILS: 'read.contact_details',
  SEND_MESSAGES: 'read.messaging',
  READ_CONVERSATION: 'read.conversation',
  CLIENT_AND_STAFF: 'read.care_info',
  CLIENT_OR_COORDINATOR: 'read.consents',
  CLIENT_ONLY: 'read.access_log',
};

/** Reads that are not one client's gated field: the viewer's own lists that carry clients' data. */
export const LIST_READ_ACTIONS = {
  /** A coordinator's log follow-up: the entries about each client on the page. */
  unitAuditLog: 'read.unit_audit_log',
  /** A relative's invitations: the client's name and the scopes offered. */
  consentsToAccept: 'read.consent_invitation',
  /** A coordinator's list of their unit's staff (no client's data; logged as a read all the same). */
  unitStaff: 'read.unit_staff',
} as const;

/**
 * The reads of one request, allowed and denied, collected while resolving and written in one
 * statement before the response leaves; if that write fails the response carries no data.
 */
export class ReadAuditLog {
  private readonly events = new Map<string, { clientId: string | null; action: string; allowed: boolean }>();

  constructor(
    private readonly actorPersonId: string | null,
    private readonly requestId: string,
  ) {}

  record(clientId: string | null, gate: Gate, allowed: boolean): void {
    this.recordAction(clientId, READ_ACTIONS[gate], allowed);
  }

  recordAction(clientId: string | null, action: string, allowed: boolean): void {
    // A malformed id names no client; the attempt is still logged.
    if (clientId !== null && !isUuid(clientId)) clientId = null;
    this.events.set(`${clientId}|${action}|${allowed}`, { clientId, action, allowed });
  }

  get size(): number {
    return this.events.size;
  }

  async flush(em: EntityManager): Promise<void> {
    if (this.events.size === 0) return;
    const rows = [...this.events.values()];
    this.events.clear();
    await insertReadEvents(
      em,
      this.actorPersonId,
      this.requestId,
      rows.map((r) => ({ action: r.action, clientId: r.clientId, outcome: r.allowed ? 'ALLOWED' : 'DENIED' })),
    );
  }
}
