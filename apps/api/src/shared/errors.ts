import { UNDERSKOTERSKA_RULE_FROM } from '@spindeln/care-values';

/**
 * Domain errors name the field and the rule, so the API and the portal can show a clear message.
 * Database constraint violations are translated here too: the constraint name is the rule.
 */
export type ErrorCode = 'INVALID_INPUT' | 'RULE_VIOLATION' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'RATE_LIMITED';

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    readonly field: string,
    readonly rule: string,
    message: string,
  ) {
    super(message);
  }
}

export const invalid = (field: string, rule: string, message: string) =>
  new DomainError('INVALID_INPUT', field, rule, message);
export const ruleViolation = (field: string, rule: string, message: string) =>
  new DomainError('RULE_VIOLATION', field, rule, message);
/**
 * "No such thing" and "not yours to see" are the same error, so existence never leaks.
 */
export const notFound = (field: string) => new DomainError('NOT_FOUND', field, 'not_found', `${field}: not found`);

/** Thrown when a rule denies the actor; the caller records a denied audit event. */
export class AccessDenied extends DomainError {
  constructor(field: string) {
    super('NOT_FOUND', field, 'not_found', `${field}: not found`);
  }
}

interface ConstraintRule {
  field: string;
  code: ErrorCode;
  message: string;
}

/**
 * Every named database rule a user can trip, with the field it concerns: CHECK, UNIQUE and EXCLUDE
 * constraints, unique indexes, and the rule names triggers raise. A test holds this list and
 * NOT_USER_REACHABLE together against the database (test/constraint-rules.test.ts).
 */
export const CONSTRAINT_RULES: Record<string, ConstraintRule> = {
  person_personnummer_valid: {
    field: 'personnummer',
    code: 'INVALID_INPUT',
    message: 'not a valid personnummer (date or check digit)',
  },
  person_personnummer_unique: {
    field: 'personnummer',
    code: 'CONFLICT',
    message: 'a person with this personnummer already exists',
  },
  contact_assignment_one_per_role: {
    field: 'role',
    code: 'RULE_VIOLATION',
    message: 'the client already has an active contact in this role for that period',
  },
  contact_assignment_primary_not_deputy: {
    field: 'staffId',
    code: 'RULE_VIOLATION',
    message: 'the fixed contact and the deputy must be different people',
  },
  contact_assignment_primary_underskoterska: {
    field: 'staffId',
    code: 'RULE_VIOLATION',
    message: `from ${UNDERSKOTERSKA_RULE_FROM} only an undersköterska may be appointed fixed care contact`,
  },
  contact_assignment_period_valid: {
    field: 'validTo',
    code: 'INVALID_INPUT',
    message: 'the end must not be before the start',
  },
  staff_absence_no_overlap: {
    field: 'period',
    code: 'RULE_VIOLATION',
    message: 'the staff member already has an absence recorded in that period',
  },
  staff_absence_period_valid: {
    field: 'lastDay',
    code: 'INVALID_INPUT',
    message: 'the last day must not be before the first day',
  },
  consent_requires_both_consents: {
    field: 'consents',
    code: 'RULE_VIOLATION',
    message: 'both the secrecy waiver and the consent to processing personal data are required',
  },
  consent_scopes_valid: {
    field: 'scopes',
    code: 'INVALID_INPUT',
    message: 'at least one scope, from the list of consent scopes',
  },
  consent_in_person_recorded: {
    field: 'capacityNote',
    code: 'INVALID_INPUT',
    message: 'a consent given in person needs the recording staff member and a note on capacity',
  },
  consent_widened_needs_acceptance: {
    field: 'scopes',
    code: 'RULE_VIOLATION',
    message: 'a consent that widens access needs a new acceptance by the relative',
  },
  consent_portal_not_recorded: {
    field: 'capacityNote',
    code: 'INVALID_INPUT',
    message: 'a consent given in the portal is the client’s own: no recording staff member, no capacity note',
  },
  consent_expiry_after_grant: {
    field: 'expiresAt',
    code: 'INVALID_INPUT',
    message: 'the expiry must be after the grant',
  },
  consent_one_current_per_relative: {
    field: 'relativeId',
    code: 'CONFLICT',
    message: 'the relative already has a current consent; change it instead',
  },
  relative_link_unique: {
    field: 'personnummer',
    code: 'CONFLICT',
    message: 'this person is already listed as a relative',
  },
  message_body_length: {
    field: 'body',
    code: 'INVALID_INPUT',
    message: 'a message is 1 to 4000 characters',
  },
  message_idempotency_key_unique: {
    field: 'idempotencyKey',
    code: 'CONFLICT',
    message: 'a message with this idempotency key was already sent with other content',
  },
  fixed_contact_offer_exempt_reasoned: {
    field: 'reason',
    code: 'INVALID_INPUT',
    message: 'an exemption needs the reason and the client’s own view',
  },
};

/**
 * The database's other named rules, each with why no request can trip it: a violation is a bug and
 * stays a server error. (Primary keys, foreign keys and NOT NULL are left out as kinds: ids are the
 * database's own, services load what a reference names first, and inputs are never null.)
 */
export const NOT_USER_REACHABLE: Record<string, string> = {
  audit_chain_head_singleton_check: 'only the audit trigger writes the chain head; the API role has no rights on it',
  audit_event_chain_position_unique: 'the audit trigger sets the position under the head row lock',
  audit_event_outcome_valid: 'outcomes are set by the audit code, never by input',
  audit_event_append_only: 'the API never updates or deletes audit rows',
  care_group_name_unique: 'no request writes groups (seed and generator only)',
  care_group_phone_valid: 'no request writes groups (seed and generator only)',
  work_team_name_unique: 'no request writes teams (seed and generator only)',
  work_team_phone_valid: 'no request writes teams (seed and generator only)',
  provider_kind_valid: 'no request writes providers (seed and generator only)',
  provider_name_unique: 'no request writes providers (seed and generator only)',
  staff_member_person_unique: 'no request writes staff (seed and generator only)',
  staff_member_roles_valid: 'no request writes staff (seed and generator only)',
  staff_member_title_valid: 'no request writes staff (seed and generator only)',
  staff_member_underskoterska_proven: 'no request writes staff (seed and generator only)',
  staff_member_work_mobile_valid: 'no request writes staff (seed and generator only)',
  staff_member_working_hours_list: 'no request writes staff (seed and generator only)',
  client_person_unique: 'no request creates clients (seed and generator only)',
  client_care_setting_valid: 'no request creates clients (seed and generator only)',
  granted_service_type_valid: 'no request writes granted services (seed and generator only)',
  granted_service_period_valid: 'no request writes granted services (seed and generator only)',
  person_given_name_present: 'names come from a verified login, checked by @spindeln/api-token (usableName)',
  person_family_name_present: 'names come from a verified login, checked by @spindeln/api-token (usableName)',
  person_name_whole: 'a verified name has both parts or none (verifiedNameOf)',
  relative_link_names_present: 'addRelative checks both names first (requireText, 100)',
  relative_link_relationship_valid: 'the GraphQL enum and requireOneOf refuse other values first',
  contact_assignment_role_valid: 'the GraphQL enum and requireOneOf refuse other values first',
  staff_absence_kind_valid: 'the GraphQL enum and requireOneOf refuse other values first',
  fixed_contact_offer_status_valid: 'the GraphQL enum and requireOneOf refuse other values first',
  consent_given_via_valid: 'set by the consent service from who records it, never by input',
  consent_end_valid: 'ended and end reason are set together by the consent service',
  consent_declined_unaccepted: 'declineConsent refuses an accepted consent before it writes (consent_accepted)',
  conversation_client_unique: 'conversationFor inserts with ON CONFLICT DO NOTHING',
  message_author_role_valid: 'set by the message service from the sender’s standing',
  message_state_valid: 'set by the message service from the author role',
  message_handled_consistent: 'handled_by and handled_at are set together with the state',
  message_idempotency_key_valid: 'sendMessage checks the key’s length first',
  consent_history_kept: 'the consent service changes only the columns the trigger allows',
  consent_end_kept: 'the consent service never reopens an ended consent',
  contact_assignment_history_kept: 'the contact service changes only the end of an assignment',
  contact_assignment_end_kept: 'endContact only ends an assignment earlier (it checks the day first)',
  fixed_contact_offer_history_kept: 'offers are only ever inserted',
  message_history_kept: 'the message service changes only the handling columns',
  message_end_kept: 'marking only moves a handled message between READ and ANSWERED',
};

/** Translates a PostgreSQL error on a named constraint into a DomainError; anything else passes. */
export function translateDatabaseError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const e = error as { constraint?: string; code?: string; message?: string };
  const constraint = e?.constraint;
  if (constraint && CONSTRAINT_RULES[constraint]) {
    const rule = CONSTRAINT_RULES[constraint];
    return new DomainError(rule.code, rule.field, constraint, `${rule.field}: ${rule.message}`);
  }
  return error;
}

/** SQLSTATEs and socket errors that mean "the database cannot answer now", not "the request is wrong". */
const UNAVAILABLE_SQLSTATE = /^(08|57P0[1-3]|53300|57014)/;
const UNAVAILABLE_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGE =
  /Connection terminated|timeout expired|Query read timeout|Timeout acquiring a connection|Client has encountered a connection error|Connection ended unexpectedly|the database system is (starting up|shutting down|in recovery mode)/i;

/**
 * True when an error (or what it wraps: the ORM's `previous`, `cause`, GraphQL's `originalError`)
 * says the database is down, frozen or refusing connections: a retry later may succeed.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const seen = new Set<unknown>();
  let e = error as
    | {
        code?: unknown;
        name?: unknown;
        message?: unknown;
        previous?: unknown;
        cause?: unknown;
        originalError?: unknown;
      }
    | undefined;
  while (e && typeof e === 'object' && !seen.has(e)) {
    seen.add(e);
    const code = typeof e.code === 'string' ? e.code : '';
    if (UNAVAILABLE_SQLSTATE.test(code) || UNAVAILABLE_SOCKET.has(code)) return true;
    if (e.name === 'ConnectionException' || e.name === 'KnexTimeoutError') return true;
    if (typeof e.message === 'string' && UNAVAILABLE_MESSAGE.test(e.message)) return true;
    e = (e.originalError ?? e.previous ?? e.cause) as typeof e;
  }
  return false;
}
