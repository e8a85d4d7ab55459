import type { EntityManager } from '@mikro-orm/postgresql';
import { runPrepared } from '../../db/prepared';
import { sql, uuidArray } from '../../db/sql';
import { isUuid } from '../../shared/validate';
import type { Gate } from '../access/standing';
import { READ_ACTIONS, type ReadAction } from './actions';

/**
 * The reads of one request, allowed and denied, collected while resolving and written in one
 * statement before the response leaves; if that write fails the response carries no data.
 */
export class ReadAuditLog {
  private readonly events = new Map<string, { clientId: string | null; action: ReadAction; allowed: boolean }>();

  constructor(
    private readonly actorPersonId: string | null,
    private readonly requestId: string,
  ) {}

  record(clientId: string | null, gate: Gate, allowed: boolean): void {
    this.recordAction(clientId, READ_ACTIONS[gate], allowed);
  }

  recordAction(clientId: string | null, action: ReadAction, allowed: boolean): void {
    // A malformed id names no client; the attempt is still logged.
    if (clientId !== null && !isUuid(clientId)) clientId = null;
    this.events.set(`${clientId}|${action}|${allowed}`, { clientId, action, allowed });
  }

  get size(): number {
    return this.events.size;
  }

  async flush(em: EntityManager): Promise<void> {
    if (this.events.size === 0) return;
    const rows = [...this.events.values()];
    this.events.clear();
    const q = sql`INSERT INTO audit_event (actor_person_id, action, client_id, outcome, request_id)
      SELECT ${this.actorPersonId}::uuid, e.action, e.client_id, e.outcome, ${this.requestId}
        FROM unnest(${`{${rows.map((r) => r.action).join(',')}}`}::text[],
                    ${uuidArray(rows.map((r) => r.clientId ?? 'NULL'))}::uuid[],
                    ${`{${rows.map((r) => (r.allowed ? 'ALLOWED' : 'DENIED')).join(',')}}`}::text[])
             AS e(action, client_id, outcome)`;
    await runPrepared(em, 'read_audit', q);
  }
}
