import type { EntityManager } from '@mikro-orm/postgresql';
import { EXEMPTABLE_SERVICES } from '@spindeln/care-values';
import { invalid, ruleViolation } from '../../shared/errors';
import { stockholmDay } from '../../shared/time';
import { optionalText, requireOneOf } from '../../shared/validate';
import type { Actor } from '../access/actor';
import { loadClient, requireCoordinatorForClient } from '../access/standing';
import { auditedCommand } from '../audit/audit.service';
import { FixedContactOffer, GrantedService, OFFER_STATUSES, type OfferStatus } from './client.entity';

export interface OfferInput {
  clientId: string;
  status: OfferStatus;
  /** Required for an exemption: the individual assessment. */
  reason?: string | null;
  /** The client's own view; required for an exemption, kept for a decline. */
  clientView?: string | null;
}

/** Records an offer, the client's answer, or an exemption after an individual assessment. */
export function recordOffer(em: EntityManager, actor: Actor, input: OfferInput) {
  return auditedCommand(em, actor, 'offer.record', async (tx, audit) => {
    const status = requireOneOf('status', OFFER_STATUSES, input.status);
    const reason = optionalText('reason', input.reason, 2000);
    const clientView = optionalText('clientView', input.clientView, 2000);
    const client = await loadClient(tx, input.clientId);
    audit.clientId = client.id;
    const coordinator = await requireCoordinatorForClient(tx, actor, client);
    if (status === 'EXEMPT') {
      if (!reason) throw invalid('reason', 'required', 'reason: an exemption needs the assessment’s reason');
      if (!clientView) throw invalid('clientView', 'required', 'clientView: an exemption needs the client’s own view');
      const today = stockholmDay();
      const services = await tx.find(GrantedService, {
        clientId: client.id,
        grantedFrom: { $lte: today },
        $or: [{ grantedTo: null }, { grantedTo: { $gte: today } }],
      });
      const blocking = services.filter((s) => !EXEMPTABLE_SERVICES.includes(s.type));
      if (blocking.length > 0) {
        throw ruleViolation(
          'status',
          'exemption_not_obvious',
          `status: a fixed contact is not obviously unnecessary with ${blocking.map((s) => s.type).join(', ')}`,
        );
      }
    }
    const offer = tx.create(FixedContactOffer, {
      clientId: client.id,
      status,
      reason,
      clientView,
      assessedBy: coordinator.id,
    });
    audit.detail = { status };
    return offer;
  });
}

/** The current offer status of each client: its latest assessment (rows are never changed, only added). */
export async function latestOffers(
  em: EntityManager,
  clientIds: readonly string[],
): Promise<Map<string, FixedContactOffer>> {
  const offers = await em.find(
    FixedContactOffer,
    { clientId: { $in: [...clientIds] } },
    { orderBy: [{ clientId: 'asc' }, { assessedAt: 'desc' }] },
  );
  const latest = new Map<string, FixedContactOffer>();
  for (const o of offers) if (!latest.has(o.clientId)) latest.set(o.clientId, o);
  return latest;
}

export async function currentOffer(em: EntityManager, clientId: string): Promise<FixedContactOffer | null> {
  return (await latestOffers(em, [clientId])).get(clientId) ?? null;
}
