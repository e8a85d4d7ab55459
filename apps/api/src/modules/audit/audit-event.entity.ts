import { EntitySchema, OptionalProps } from '@mikro-orm/core';

export const AUDIT_OUTCOMES = ['ALLOWED', 'DENIED'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/**
 * Append-only: the database rejects UPDATE, DELETE and TRUNCATE on this table, and sets `at`, the
 * chain position and the hash itself (docs/decisions/0006-database-roles.md).
 */
export class AuditEvent {
  [OptionalProps]?: 'at' | 'actorPersonId' | 'clientId' | 'requestId' | 'detail';
  id!: string;
  at!: Date;
  actorPersonId: string | null = null;
  action!: string;
  clientId: string | null = null;
  outcome!: AuditOutcome;
  requestId: string | null = null;
  detail: Record<string, unknown> | null = null;
}

export const AuditEventSchema = new EntitySchema<AuditEvent>({
  class: AuditEvent,
  tableName: 'audit_event',
  properties: {
    id: { type: 'bigint', primary: true, autoincrement: true },
    at: { type: 'Date', defaultRaw: 'clock_timestamp()' },
    actorPersonId: { type: 'uuid', nullable: true },
    action: { type: 'string' },
    clientId: { type: 'uuid', nullable: true },
    outcome: { type: 'string' },
    requestId: { type: 'string', nullable: true },
    detail: { type: 'json', nullable: true },
  },
});
