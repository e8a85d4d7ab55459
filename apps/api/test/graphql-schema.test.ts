import { readFile } from 'node:fs/promises';
import { GraphQLObjectType, getNamedType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../src/graphql/print-schema';
import { getSchema, printSdl } from '../src/graphql/schema';
import { GATED_FIELDS } from '../src/modules/access/gated';

describe('schema', () => {
  it('matches the committed schema.graphql (run `npm run schema` after changing it)', async () => {
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(await printSdl());
  });

  it('gates every field about a client: each one names its scope or rule', async () => {
    const schema = await getSchema();
    // Types whose objects belong to one client; everything on them but the id needs a gate.
    const clientOwned = [
      'Client',
      'ContactPerson',
      'ContactNow',
      'PhoneEntry',
      'Message',
      'InboxItem',
      'Relative',
      'Consent',
      'FixedContactOffer',
    ];
    const ungated: string[] = [];
    for (const typeName of clientOwned) {
      const type = schema.getType(typeName);
      expect(type, typeName).toBeInstanceOf(GraphQLObjectType);
      for (const field of Object.values((type as GraphQLObjectType).getFields())) {
        const key = `${typeName}.${field.name}`;
        if (['id', 'staffId'].includes(field.name)) continue;
        const className = [...GATED_FIELDS.keys()].find(
          (k) => k.endsWith(`.${field.name}`) && gatedTypeMatches(k, typeName),
        );
        if (!className) ungated.push(key);
        // A gated field must be nullable, so a denial nulls only itself.
        else expect(field.type.toString().endsWith('!'), `${key} must be nullable`).toBe(false);
      }
    }
    expect(ungated).toEqual([]);
  });

  it('reaches clients only through gated fields or the visibility check', async () => {
    const schema = await getSchema();
    const query = schema.getQueryType()!.getFields();
    expect(getNamedType(query.client!.type).name).toBe('Client');
    expect(query.client!.type.toString()).toBe('Client');
  });
});

/** GATED_FIELDS is keyed by the TypeScript class; the schema by the GraphQL type name. */
const CLASS_OF: Record<string, string> = {
  Client: 'ClientNode',
  Message: 'MessageType',
  Relative: 'RelativeType',
  Consent: 'ConsentType',
  FixedContactOffer: 'FixedContactOfferType',
  InboxItem: 'MessagesResolver',
};
function gatedTypeMatches(key: string, typeName: string): boolean {
  const cls = key.split('.')[0]!;
  if (cls === (CLASS_OF[typeName] ?? typeName)) return true;
  // Field resolvers live on resolver classes.
  return (typeName === 'Client' && cls === 'ClientResolver') || (typeName === 'InboxItem' && cls === 'InboxItem');
}
