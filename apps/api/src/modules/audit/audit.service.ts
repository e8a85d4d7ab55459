import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessDenied, translateDatabaseError } from '../../shared/errors';
import type { Actor } from '../access/actor';
import type { WriteAction } from './actions';
import { AuditEvent, type AuditOutcome } from './audit-event.entity';

export interface AuditScope {
  /** The client the action concerns, set by the work once it knows. */
  clientId: string | null;
  detail: Record<string, unknown> | null;
}

function auditRow(actor: Actor | null, action: WriteAction, scope: AuditScope, outcome: AuditOutcome) {
  return {
    actorPersonId: actor?.personId ?? null,
    action,
    clientId: scope.clientId,
    outcome,
    requestId: actor?.requestId ?? null,
    detail: scope.detail,
  };
}

/**
 * Runs one change in one transaction and writes its audit event in that same transaction. A refusal
 * rolls everything back; a denial is then recorded on its own, so denied attempts are audited too.
 */
export async function auditedCommand<T>(
  em: EntityManager,
  actor: Actor,
  action: WriteAction,
  work: (tx: EntityManager, audit: AuditScope) => Promise<T>,
): Promise<T> {
  const scope: AuditScope = { clientId: null, detail: null };
  try {
    return await em.transactional(async (tx) => {
      const result = await work(tx, scope);
      await tx.flush();
      await tx.insert(AuditEvent, auditRow(actor, action, scope, 'ALLOWED'));
      return result;
    });
  } catch (error) {
    if (error instanceof AccessDenied) {
      await em.fork().insert(AuditEvent, auditRow(actor, action, scope, 'DENIED'));
    }
    throw translateDatabaseError(error);
  }
}
