import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { Relationship } from '@spindeln/care-values';
import type { ConsentScope } from '@spindeln/consent-scopes';

// The column's values: one definition, in @spindeln/care-values.
export { RELATIONSHIPS, type Relationship } from '@spindeln/care-values';

export const CONSENT_GIVEN_VIA = ['PORTAL', 'IN_PERSON'] as const;
export type ConsentGivenVia = (typeof CONSENT_GIVEN_VIA)[number];
/** How a consent ended: the client revoked it, it was changed (a new row replaces it), or the relative declined it. */
export const CONSENT_END_REASONS = ['REVOKED', 'CHANGED', 'DECLINED'] as const;
export type ConsentEndReason = (typeof CONSENT_END_REASONS)[number];

export class RelativeLink {
  [OptionalProps]?: 'createdAt';
  id!: string;
  clientId!: string;
  personId!: string;
  /** As the client named them; never the name registered for the personnummer. */
  givenName!: string;
  familyName!: string;
  relationship!: Relationship;
  createdAt!: Date;
}

/**
 * The client's consent to one relative. SKR asks for two consents from the client (waiving secrecy,
 * processing personal data) and the relative's acceptance of processing their own data. A change
 * ends this row (CHANGED) and adds one that `replaces` it; nothing is deleted.
 */
export class Consent {
  [OptionalProps]?:
    | 'relativeAcceptedAt'
    | 'recordedBy'
    | 'capacityNote'
    | 'grantedAt'
    | 'expiresAt'
    | 'replacesId'
    | 'endedAt'
    | 'endedBy'
    | 'endReason';
  id!: string;
  relativeLinkId!: string;
  scopes!: ConsentScope[];
  secrecyWaiver!: boolean;
  dataProcessing!: boolean;
  relativeAcceptedAt: Date | null = null;
  givenVia!: ConsentGivenVia;
  recordedBy: string | null = null;
  capacityNote: string | null = null;
  grantedAt!: Date;
  expiresAt: Date | null = null;
  replacesId: string | null = null;
  endedAt: Date | null = null;
  endedBy: string | null = null;
  endReason: ConsentEndReason | null = null;
}

export const RelativeLinkSchema = new EntitySchema<RelativeLink>({
  class: RelativeLink,
  tableName: 'relative_link',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    clientId: { type: 'uuid' },
    personId: { type: 'uuid' },
    givenName: { type: 'string' },
    familyName: { type: 'string' },
    relationship: { type: 'string' },
    createdAt: { type: 'Date', defaultRaw: 'now()' },
  },
});

export const ConsentSchema = new EntitySchema<Consent>({
  class: Consent,
  tableName: 'consent',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    relativeLinkId: { type: 'uuid' },
    scopes: { type: 'string[]', columnType: 'text[]' },
    secrecyWaiver: { type: 'boolean' },
    dataProcessing: { type: 'boolean' },
    relativeAcceptedAt: { type: 'Date', nullable: true },
    givenVia: { type: 'string' },
    recordedBy: { type: 'uuid', nullable: true },
    capacityNote: { type: 'text', nullable: true },
    grantedAt: { type: 'Date', defaultRaw: 'now()' },
    expiresAt: { type: 'Date', nullable: true },
    replacesId: { type: 'uuid', nullable: true },
    endedAt: { type: 'Date', nullable: true },
    endedBy: { type: 'uuid', nullable: true },
    endReason: { type: 'string', nullable: true },
  },
});
