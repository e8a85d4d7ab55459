import { EntitySchema, OptionalProps } from '@mikro-orm/core';
import type { AbsenceKind, ContactRole } from '@spindeln/care-values';

// The column values: one definition each, in @spindeln/care-values.
export { ABSENCE_KINDS, type AbsenceKind, CONTACT_ROLES, type ContactRole } from '@spindeln/care-values';

/**
 * Fast omsorgskontakt (PRIMARY) or deputy for a client over [validFrom, validTo). Rows are never
 * overwritten: a replacement ends the old row and adds a new one.
 */
export class ContactAssignment {
  [OptionalProps]?: 'validTo' | 'appointedAt' | 'changeReason' | 'endedBy';
  id!: string;
  clientId!: string;
  staffId!: string;
  role!: ContactRole;
  validFrom!: string;
  validTo: string | null = null;
  appointedBy!: string;
  appointedAt!: Date;
  changeReason: string | null = null;
  endedBy: string | null = null;
}

/** Whole days, lastDay inclusive; null lastDay means until further notice. */
export class StaffAbsence {
  [OptionalProps]?: 'lastDay' | 'recordedAt';
  id!: string;
  staffId!: string;
  kind!: AbsenceKind;
  firstDay!: string;
  lastDay: string | null = null;
  recordedBy!: string;
  recordedAt!: Date;
}

export const ContactAssignmentSchema = new EntitySchema<ContactAssignment>({
  class: ContactAssignment,
  tableName: 'contact_assignment',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    clientId: { type: 'uuid' },
    staffId: { type: 'uuid' },
    role: { type: 'string' },
    validFrom: { type: 'date' },
    validTo: { type: 'date', nullable: true },
    appointedBy: { type: 'uuid' },
    appointedAt: { type: 'Date', defaultRaw: 'now()' },
    changeReason: { type: 'text', nullable: true },
    endedBy: { type: 'uuid', nullable: true },
  },
});

export const StaffAbsenceSchema = new EntitySchema<StaffAbsence>({
  class: StaffAbsence,
  tableName: 'staff_absence',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    staffId: { type: 'uuid' },
    kind: { type: 'string' },
    firstDay: { type: 'date' },
    lastDay: { type: 'date', nullable: true },
    recordedBy: { type: 'uuid' },
    recordedAt: { type: 'Date', defaultRaw: 'now()' },
  },
});
