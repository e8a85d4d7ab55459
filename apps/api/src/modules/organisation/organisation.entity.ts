import { EntitySchema, OptionalProps } from '@mikro-orm/core';

export const PROVIDER_KINDS = ['MUNICIPAL', 'PRIVATE'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

/** Utförare: the municipal or private provider that organises the role. */
export class Provider {
  id!: string;
  name!: string;
  kind!: ProviderKind;
}

/** Hemtjänstgrupp: a home-care group with its phone number; a coordinator's unit. */
export class CareGroup {
  id!: string;
  providerId!: string;
  name!: string;
  phone!: string;
}

/** Arbetslag: a work team within a group. */
export class WorkTeam {
  [OptionalProps]?: 'phone';
  id!: string;
  groupId!: string;
  name!: string;
  phone: string | null = null;
}

export const ProviderSchema = new EntitySchema<Provider>({
  class: Provider,
  tableName: 'provider',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    name: { type: 'string' },
    kind: { type: 'string' },
  },
});

export const CareGroupSchema = new EntitySchema<CareGroup>({
  class: CareGroup,
  tableName: 'care_group',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    providerId: { type: 'uuid' },
    name: { type: 'string' },
    phone: { type: 'string' },
  },
});

export const WorkTeamSchema = new EntitySchema<WorkTeam>({
  class: WorkTeam,
  tableName: 'work_team',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    groupId: { type: 'uuid' },
    name: { type: 'string' },
    phone: { type: 'string', nullable: true },
  },
});
