import type { EntityManager } from '@mikro-orm/postgresql';
import { byIds } from '../request/batch';
import { type WhoToContact, whoToContactNow } from './who-to-contact';

/** The contacts module's per-request batch loaders. */
export function contactLoaders(em: EntityManager) {
  return {
    whoToContact: byIds<WhoToContact>((ids) => whoToContactNow(em, ids)),
  };
}
