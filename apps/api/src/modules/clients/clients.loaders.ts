import type { EntityManager } from '@mikro-orm/postgresql';
import { runPrepared } from '../../db/prepared';
import { sql, uuidArray } from '../../db/sql';
import { byIds } from '../request/batch';
import type { FixedContactOffer } from './client.entity';
import { latestOffers } from './offer.service';

export interface ClientRow {
  id: string;
  person_id: string;
  given_name: string | null;
  family_name: string | null;
  protected_identity: boolean;
  team_id: string;
  care_setting: string;
}

/** The clients module's per-request batch loaders. */
export function clientLoaders(em: EntityManager) {
  return {
    client: byIds<ClientRow>(async (ids) => {
      const q = sql`SELECT c.id, c.person_id, p.given_name, p.family_name, p.protected_identity, c.team_id, c.care_setting
        FROM client c JOIN person p ON p.id = c.person_id WHERE c.id = ANY(${uuidArray(ids)}::uuid[])`;
      const rows = await runPrepared<ClientRow>(em, 'clients_by_id', q);
      return new Map(rows.map((r) => [r.id, r]));
    }),
    offer: byIds<FixedContactOffer>((ids) => latestOffers(em, ids)),
  };
}
