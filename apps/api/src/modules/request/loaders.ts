import type { EntityManager } from '@mikro-orm/postgresql';
import { clientLoaders } from '../clients/clients.loaders';
import { contactLoaders } from '../contacts/contacts.loaders';
import { messageLoaders } from '../messages/messages.loaders';

/** Per-request batch loaders: one statement per kind of data per tick, whatever the number of clients. */
export function createLoaders(em: EntityManager) {
  return { ...clientLoaders(em), ...contactLoaders(em), ...messageLoaders(em) };
}

export type Loaders = ReturnType<typeof createLoaders>;
