import type { EntityManager } from '@mikro-orm/postgresql';
import DataLoader from 'dataloader';
import { byIds } from '../request/batch';
import { type ConversationRequest, conversationPages, type MessageRow, messagesByIds } from './conversation.service';

const conversationKey = (r: ConversationRequest) => `${r.clientId}:${r.includePrivate}:${r.limit}:${r.offset}`;

/** The messages module's per-request batch loaders. */
export function messageLoaders(em: EntityManager) {
  return {
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
    /** Messages by id (the inbox's last messages): one statement for the page. */
    message: byIds((ids) => messagesByIds(em, ids)),
  };
}
