import type { Gate } from '../access/standing';

/** Changes: each service's `auditedCommand` names one of these (its type allows no other). */
export const WRITE_ACTIONS = [
  'absence.record',
  'consent.accept',
  'consent.change',
  'consent.decline',
  'consent.grant',
  'consent.revoke',
  'contact.appoint',
  'contact.end',
  'message.mark',
  'message.post',
  'offer.record',
  'person.name_from_login',
  'relative.add',
] as const;

/** What a read through each gate is called in the audit log. */
export const READ_ACTIONS = {
  VISIBLE: 'read.client',
  VIEW_CONTACT: 'read.contact',
  VIEW_CONTACT_DETAILS: 'read.contact_details',
  SEND_MESSAGES: 'read.messaging',
  READ_CONVERSATION: 'read.conversation',
  CLIENT_AND_STAFF: 'read.care_info',
  CLIENT_OR_COORDINATOR: 'read.consents',
  CLIENT_ONLY: 'read.access_log',
} as const satisfies Record<Gate, `read.${string}`>;

/** Reads that are not one client's gated field: the viewer's own lists that carry clients' data. */
export const LIST_READ_ACTIONS = {
  /** A coordinator's log follow-up: the entries about each client on the page. */
  unitAuditLog: 'read.unit_audit_log',
  /** A relative's invitations: the client's name and the scopes offered. */
  consentsToAccept: 'read.consent_invitation',
  /** A coordinator's list of their unit's staff (no client's data; logged as a read all the same). */
  unitStaff: 'read.unit_staff',
} as const;

export type WriteAction = (typeof WRITE_ACTIONS)[number];
export type ReadAction =
  | (typeof READ_ACTIONS)[keyof typeof READ_ACTIONS]
  | (typeof LIST_READ_ACTIONS)[keyof typeof LIST_READ_ACTIONS];
export type AuditAction = WriteAction | ReadAction;

/** Every action name the audit log can hold, read and write: the one list. */
export const AUDIT_ACTIONS: readonly AuditAction[] = [
  ...WRITE_ACTIONS,
  ...Object.values(READ_ACTIONS),
  ...Object.values(LIST_READ_ACTIONS),
];
