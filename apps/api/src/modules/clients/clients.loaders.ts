import type { EntityManager } from '@mikro-orm/postgresql';
import { runPrepared } from '../../db/prepared';
import { sql, uuidArray } from '../../db/sql';
import { byIds } from '../request/batch';
import { FixedContactOffer } from './client.entity';

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
