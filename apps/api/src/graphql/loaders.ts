import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { type WhoToContact, whoToContactNow } from '../modules/contacts/who-to-contact';
import { sql, uuidArray } from '../shared/sql';
import { isUuid } from '../shared/validate';

export interface ClientRow {
  id: string;
  given_name: string;
  family_name: string;
  team_id: string;
  care_setting: string;
}

/** Per-request batch loaders: one statement per kind of data per tick, whatever the number of clients. */
export function createLoaders(em: EntityManager) {
  const byIds = <T>(load: (ids: string[]) => Promise<Map<string, T>>) =>
    new DataLoader<string, T | null>(async (ids) => {
      const map = await load(ids.filter(isUuid));
      return ids.map((id) => map.get(id) ?? null);
    });
  return {
    client: byIds<ClientRow>(async (ids) => {
      const q = sql`SELECT c.id, p.given_name, p.family_name, c.team_id, c.care_setting
        FROM client c JOIN person p ON p.id = c.person_id WHERE c.id = ANY(${uuidArray(ids)}::uuid[])`;
      const rows = await em.execute<ClientRow[]>(q.text, q.values);
      return new Map(rows.map((r) => [r.id, r]));
    }),
    whoToContact: byIds<WhoToContact>((ids) => whoToContactNow(em, ids)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
