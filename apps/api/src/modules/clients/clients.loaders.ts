import type { EntityManager } from '@mikro-orm/postgresql';
import { byIds } from '../request/batch';
import type { FixedContactOffer } from './client.entity';
import { type ClientRow, clientRows } from './clients.queries';
import { latestOffers } from './offer.service';

export type { ClientRow };

/** The clients module's per-request batch loaders. */
export function clientLoaders(em: EntityManager) {
  return {
    client: byIds<ClientRow>(async (ids) => {
      const rows = await clientRows(em, ids);
      return new Map(rows.map((r) => [r.id, r]));
    }),
    offer: byIds<FixedContactOffer>((ids) => latestOffers(em, ids)),
  };
}
