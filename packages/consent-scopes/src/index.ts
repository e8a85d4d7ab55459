/**
 * The one list of consent scopes. A client grants a relative some of these; every field a relative
 * can reach names the scope it needs. The API, the portal, the database check constraint and the
 * tests all read this list. Health data (HSL) is never in any scope.
 */

export const CONSENT_SCOPES = [
  /** Who the fixed contact and the deputy are, and who to contact now. */
  'VIEW_CONTACT',
  /** Their work mobile numbers, working hours and the team's phone list. */
  'VIEW_CONTACT_DETAILS',
  /** Write messages to the care contact. */
  'SEND_MESSAGES',
  /** Read the conversation (never what the client marked private). */
  'READ_CONVERSATION',
] as const;

export type ConsentScope = (typeof CONSENT_SCOPES)[number];

export function isConsentScope(value: string): value is ConsentScope {
  return (CONSENT_SCOPES as readonly string[]).includes(value);
}

export const SCOPE_LABELS: Record<ConsentScope, { sv: string; en: string }> = {
  VIEW_CONTACT: {
    sv: 'Se vem som är fast omsorgskontakt och ersättare',
    en: 'See who the fixed contact and deputy are',
  },
  VIEW_CONTACT_DETAILS: {
    sv: 'Se telefonnummer och arbetstider',
    en: 'See phone numbers and working hours',
  },
  SEND_MESSAGES: { sv: 'Skicka meddelanden', en: 'Send messages' },
  READ_CONVERSATION: { sv: 'Läsa meddelanden', en: 'Read the conversation' },
};

/** SQL array literal of the scopes, for the database check constraint. */
export function scopesSqlArray(): string {
  return `ARRAY[${CONSENT_SCOPES.map((s) => `'${s}'`).join(', ')}]::text[]`;
}
