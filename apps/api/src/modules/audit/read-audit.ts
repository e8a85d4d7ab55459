import type { EntityManager } from '@mikro-orm/postgresql';
import { isUuid } from '../../shared/validate';
import type { Gate } from '../access/standing';
import { READ_ACTIONS, type ReadAction } from './actions';
import { insertReadEvents } from './audit.queries';

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
    await insertReadEvents(
      em,
      this.actorPersonId,
      this.requestId,
      rows.map((r) => ({ action: r.action, clientId: r.clientId, outcome: r.allowed ? 'ALLOWED' : 'DENIED' })),
    );
  }
}
