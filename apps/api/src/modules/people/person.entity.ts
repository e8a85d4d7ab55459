import { EntitySchema, OptionalProps } from '@mikro-orm/core';

export class Person {
  [OptionalProps]?: 'protectedIdentity' | 'createdAt';
  id!: string;
  personnummer!: string;
  givenName!: string;
  familyName!: string;
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
    givenName: { type: 'string' },
    familyName: { type: 'string' },
    protectedIdentity: { type: 'boolean' },
    createdAt: { type: 'Date', defaultRaw: 'now()' },
  },
});
