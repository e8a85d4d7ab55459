/**
 * The one definition of each closed list of values in the care domain, and the date of the
 * undersköterska rule. The API's column types, GraphQL enums and input checks, the generator and the
 * portal's choices are derived from these; the database's CHECK constraints (written out in the
 * migrations, which are history) are compared with them by a test (apps/api/test/value-lists.test.ts).
 * Consent scopes have their own package (`@spindeln/consent-scopes`).
 */

/** Modelled, not hard-coded: the offer extends to särskilt boende (Prop. 2025/26:60). */
export const CARE_SETTINGS = ['HEMTJANST', 'SARSKILT_BOENDE'] as const;
export type CareSetting = (typeof CARE_SETTINGS)[number];

/** Insatser: the services a client can be granted. */
export const SERVICE_TYPES = [
  'PERSONAL_CARE',
  'CLEANING',
  'SHOPPING',
  'LAUNDRY',
  'MEAL_DELIVERY',
  'SAFETY_ALARM',
  'ACCOMPANIMENT',
  'RESPITE',
  'SUPERVISION',
  'SOCIAL_SUPPORT',
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

/**
 * Services that alone can make a fixed contact "uppenbart obehövligt" (SoL): a safety alarm, meal
 * boxes, cleaning or shopping. Anything else, personal care above all, rules the exemption out.
 */
export const EXEMPTABLE_SERVICES: readonly ServiceType[] = ['SAFETY_ALARM', 'MEAL_DELIVERY', 'CLEANING', 'SHOPPING'];

/** One assessment of the fixed-contact offer. */
export const OFFER_STATUSES = ['OFFERED', 'ACCEPTED', 'DECLINED', 'EXEMPT'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** Fast omsorgskontakt (PRIMARY) or vice omsorgskontakt (DEPUTY). */
export const CONTACT_ROLES = ['PRIMARY', 'DEPUTY'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export const ABSENCE_KINDS = ['VACATION', 'SICK', 'PARENTAL_LEAVE', 'LEAVE_OF_ABSENCE', 'TRAINING', 'OTHER'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

export const STAFF_TITLES = [
  'UNDERSKOTERSKA',
  'VARDBITRADE',
  'SJUKSKOTERSKA',
  'ARBETSTERAPEUT',
  'FYSIOTERAPEUT',
  'ENHETSCHEF',
  'SAMORDNARE',
  'OTHER',
] as const;
export type StaffTitle = (typeof STAFF_TITLES)[number];

/** How a relative stands to the client, as the client names it; the most common first (the portal's order). */
export const RELATIONSHIPS = ['CHILD', 'PARTNER', 'OTHER_RELATIVE', 'FRIEND', 'GOD_MAN', 'FORVALTARE'] as const;
export type Relationship = (typeof RELATIONSHIPS)[number];

/**
 * From this day (a Swedish calendar day) only an undersköterska, title proven by then, may be
 * appointed fast omsorgskontakt; earlier appointments stand. The database's trigger holds it too.
 */
export const UNDERSKOTERSKA_RULE_FROM = '2023-07-01';
