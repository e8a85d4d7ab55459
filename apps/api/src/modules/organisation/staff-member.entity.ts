import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { StaffTitle } from '@spindeln/care-values';

// The column's values: one definition, in @spindeln/care-values.
export { STAFF_TITLES, type StaffTitle } from '@spindeln/care-values';

export const SYSTEM_ROLES = ['CARE_STAFF', 'COORDINATOR'] as const;
export type SystemRole = (typeof SYSTEM_ROLES)[number];

/** One stretch of working time on a weekday (1 = Monday … 7 = Sunday), local Swedish time. */
export interface WorkingHours {
  weekday: number;
  start: string;
  end: string;
}

export class StaffMember {
  [OptionalProps]?: 'titleProvenOn' | 'workMobile' | 'workingHours' | 'roles';
  id!: string;
  personId!: string;
  /** The home-care group the staff member works in; a coordinator's unit. */
  unitId!: string;
  title!: StaffTitle;
  /** When the protected title undersköterska was proven (Socialstyrelsen's bevis). */
  titleProvenOn: string | null = null;
  workMobile: string | null = null;
  workingHours: WorkingHours[] = [];
  roles: SystemRole[] = [];
}

export class TeamMembership {
  staffId!: string;
  teamId!: string;
}

export const StaffMemberSchema = new EntitySchema<StaffMember>({
  class: StaffMember,
  tableName: 'staff_member',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    personId: { type: 'uuid' },
    unitId: { type: 'uuid' },
    title: { type: 'string' },
    titleProvenOn: { type: 'date', nullable: true },
    workMobile: { type: 'string', nullable: true },
    workingHours: { type: 'json' },
    roles: { type: 'string[]', columnType: 'text[]' },
  },
});

export const TeamMembershipSchema = new EntitySchema<TeamMembership>({
  class: TeamMembership,
  tableName: 'team_membership',
  properties: {
    staffId: { type: 'uuid', primary: true },
    teamId: { type: 'uuid', primary: true },
  },
});
