import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { FixedContactOffer } from '../modules/clients/client.entity';
import { type WhoToContact, whoToContactNow } from '../modules/contacts/who-to-contact';
import { type ConversationRequest, conversationPages, type MessageRow } from '../modules/messages/conversation.service';
import { runPrepared } from '../shared/prepared';
import { sql, uuidArray } from '../shared/sql';
import { isUuid } from '../shared/validate';

const conversationKey = (r: ConversationRequest) => `${r.clientId}:${r.includePrivate}:${r.limit}:${r.offset}`;

export interface ClientRow {
  id: string;
  person_id: string;
  given_name: string | null;
  family_name: string | null;
  protected_identity: boolean;
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
      const q = sql`SELECT c.id, c.person_id, p.given_name, p.family_name, p.protected_identity, c.team_id, c.care_setting
        FROM client c JOIN person p ON p.id = c.person_id WHERE c.id = ANY(${uuidArray(ids)}::uuid[])`;
      const rows = await runPrepared<ClientRow>(em, 'clients_by_id', q);
      return new Map(rows.map((r) => [r.id, r]));
    }),
    whoToContact: byIds<WhoToContact>((ids) => whoToContactNow(em, ids)),
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
    /** Conversation pages: requests with the same page size and offset share one statement. */
    conversation: new DataLoader<ConversationRequest, MessageRow[], string>(
      async (requests) => {
        const groups = new Map<string, ConversationRequest[]>();
        for (const r of requests) {
          const key = `${r.limit}:${r.offset}`;
          groups.set(key, [...(groups.get(key) ?? []), r]);
        }
        const pages = new Map<string, MessageRow[]>();
        for (const group of groups.values()) {
          const result = await conversationPages(em, group);
          for (const r of group) pages.set(conversationKey(r), result.get(r.clientId) ?? []);
        }
        return requests.map((r) => pages.get(conversationKey(r)) ?? []);
      },
      { cacheKeyFn: conversationKey },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
