import type { ConsentScope } from '../graphql/generated/graphql';

export interface Access {
  relations: string[];
  scopes: ConsentScope[];
}

/** What the viewer may see of a client, for saying plainly what is not shared (never as an error). */
export function sees(access: Access | null | undefined) {
  const relations = access?.relations ?? [];
  const full = relations.some((r) => r !== 'RELATIVE');
  const scopes = access?.scopes ?? [];
  return {
    self: relations.includes('SELF'),
    staff: relations.includes('STAFF') || relations.includes('COORDINATOR'),
    contact: full || scopes.includes('VIEW_CONTACT'),
    phones: full || scopes.includes('VIEW_CONTACT_DETAILS'),
    read: full || scopes.includes('READ_CONVERSATION'),
    write: full || scopes.includes('SEND_MESSAGES'),
  };
}
