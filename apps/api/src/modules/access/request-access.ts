import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import type { GateDecision } from '../../kit/gate';
import type { ReadAuditLog } from '../audit/read-audit';
import { allows, type Gate, loadStandings, type Standing } from './standing';

/**
 * One request's view of access: standings are loaded in one batch per tick and kept for the
 * request only (never shared between requests, so one person's access never reaches another).
 */
export class RequestAccess {
  private readonly standings: DataLoader<string, Standing>;

  constructor(
    em: EntityManager,
    readonly personId: string | null,
    private readonly audit: ReadAuditLog,
  ) {
    this.standings = new DataLoader(async (ids) => {
      const map = await loadStandings(em, personId, ids);
      return ids.map((id) => map.get(id)!);
    });
  }

  standing(clientId: string): Promise<Standing> {
    return this.standings.load(clientId);
  }

  /** Standings already read with other data (the viewer's client list) need no second query. */
  prime(standing: Standing): void {
    this.standings.prime(standing.clientId, standing);
  }

  /**
   * Whether the person passes the gate for the client; audited either way, except that a field
   * asked `@ifShared` by someone who may see the client (and so reads their own scopes) is not a
   * denied read: it is `notShared` and logged as nothing. Anyone else is denied and logged.
   */
  async check(clientId: string, gate: Gate, options?: { ifShared?: boolean }): Promise<GateDecision> {
    const standing = await this.standing(clientId);
    const allowed = allows(standing, gate);
    if (!allowed && options?.ifShared && allows(standing, 'VISIBLE')) return 'notShared';
    this.audit.record(clientId, gate, allowed);
    return allowed ? 'allowed' : 'denied';
  }
}
