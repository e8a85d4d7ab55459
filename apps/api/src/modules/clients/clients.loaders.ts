import type { EntityManager } from '@mikro-orm/postgresql';
import { byIds } from '../request/batch';
import { FixedContactOffer } from './client.entity';
import { type ClientRow, clientRows } from './clients.queries';

export type { ClientRow };

/** The clients module's per-request batch loaders. */
export function clientLoaders(em: EntityManager) {
  return {
    client: byIds<ClientRow>(async (ids) => {
      const rows = await clientRows(em, ids);
      return new Map(rows.map((r) => [r.id, r]));
    }),
    offer: byIds<FixedContactOffer>(async (ids) => {
      const offers = await em.find(
        FixedContactOffer,
        { clientId: { $in: ids } },
        { orderBy: [{ clientId: 'asc' }, { assessedAt: 'desc' }] },
      );
      const latest = new Map<string, FixedContactOffer>();
      for (const o of offers) if (!latest.has(o.clientId)) latest.set(o.clientId, o);
      return latest;
    }),
  };
}
