import { EntitySchema, OptionalProps } from '@mikro-orm/core';

export class Person {
  [OptionalProps]?: 'givenName' | 'familyName' | 'protectedIdentity' | 'createdAt';
  id!: string;
  personnummer!: string;
  /**
   * The registered name: from a verified login (the token's names) or the register, never from what
   * a client typed (that is the client's label on the relative link). Null until one is known.
   */
  givenName: string | null = null;
  familyName: string | null = null;
  /** Skyddade personuppgifter: never shown beyond the people who must see it. */
  protectedIdentity = false;
  createdAt!: Date;
}

export const PersonSchema = new EntitySchema<Person>({
  class: Person,
  tableName: 'person',
  properties: {
    id: { type: 'uuid', primary: true, defaultRaw: 'gen_random_uuid()' },
    personnummer: { type: 'string' },
    givenName: { type: 'string', nullable: true },
    familyName: { type: 'string', nullable: true },
    protectedIdentity: { type: 'boolean' },
    createdAt: { type: 'Date', defaultRaw: 'now()' },
  },
});
