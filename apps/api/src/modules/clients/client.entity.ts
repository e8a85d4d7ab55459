import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { CareSetting, OfferStatus, ServiceType } from '@spindeln/care-values';

// The column values: one definition each, in @spindeln/care-values.
export {
  CARE_SETTINGS,
  type CareSetting,
  OFFER_STATUSES,
  type OfferStatus,
  SERVICE_TYPES,
  type ServiceType,
} from '@spindeln/care-values';

export class Client {
  [OptionalProps]?: 'createdAt';
  id!: string;
  personId!: string;
  teamId!: string;
  careSetting!: CareSetting;
  createdAt!: Date;
}

/** Insats: a granted service with its period (granted_to inclusive, NULL while it runs). */
export class GrantedService {
  [OptionalProps]?: 'grantedTo';
  id!: string;
  clientId!: string;
  type!: ServiceType;
  grantedFrom!: string;
  grantedTo: string | null = null;
}

/** One assessment of the fixed-contact offer; the latest row is the current status. */
export class FixedContactOffer {
  [OptionalProps]?: 'reason' | 'clientView' | 'assessedAt';
  id!: string;
  clientId!: string;
  status!: OfferStatus;
  reason: string | null = null;
  clientView: string | null = null;
  assessedBy!: string;
  assessedAt!: Date;
}

export const ClientSchema = new EntitySchema<Client>({
  class: Client,
  tableName: 'client',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    personId: { type: 'uuid' },
    teamId: { type: 'uuid' },
    careSetting: { type: 'string' },
    createdAt: { type: 'Date', defaultRaw: 'now()' },
  },
});

export const GrantedServiceSchema = new EntitySchema<GrantedService>({
  class: GrantedService,
  tableName: 'granted_service',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    clientId: { type: 'uuid' },
    type: { type: 'string' },
    grantedFrom: { type: 'date' },
    grantedTo: { type: 'date', nullable: true },
  },
});

export const FixedContactOfferSchema = new EntitySchema<FixedContactOffer>({
  class: FixedContactOffer,
  tableName: 'fixed_contact_offer',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    clientId: { type: 'uuid' },
    status: { type: 'string' },
    reason: { type: 'text', nullable: true },
    clientView: { type: 'text', nullable: true },
    assessedBy: { type: 'uuid' },
    assessedAt: { type: 'Date', defaultRaw: 'now()' },
  },
});
