import { readFile } from 'node:fs/promises';
import { GraphQLObjectType, getNamedType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { SCHEMA_FILE } from '../src/graphql/print-schema';
import { getSchema, printSdl } from '../src/graphql/schema';
import type { Class } from '../src/kit/gate';
import { CLIENT_OWNED_TYPES, GATED_FIELDS } from '../src/modules/access/gated';

describe('schema', () => {
  it('matches the committed schema.graphql (run `npm run schema` after changing it)', async () => {
    expect(await readFile(SCHEMA_FILE, 'utf8')).toBe(await printSdl());
  });

  it('gates every field about a client: each one names its scope or rule', async () => {
    const schema = await getSchema();
    const storage = getMetadataStorage();
    const typeNameOf = (cls: Class) => storage.objectTypes.find((t) => t.target === cls)?.name;
    // Field resolvers sit on resolver classes: their gates belong to the type the resolver serves.
    const servedBy = (cls: Class) =>
      (storage.resolverClasses.find((r) => r.target === cls)?.getObjectType?.() as Class | undefined) ?? cls;
    const gates = new Map<string, Map<string, unknown>>();
    for (const [cls, fields] of GATED_FIELDS) {
      const typeName = typeNameOf(servedBy(cls))!;
      gates.set(typeName, new Map([...(gates.get(typeName) ?? []), ...fields]));
    }
    // Types marked @ClientOwnedType(): everything on them but the ids needs a gate.
    const clientOwned = [...CLIENT_OWNED_TYPES].map((cls) => typeNameOf(cls)!).sort();
    console.log(`client-owned types (from the marker): ${clientOwned.join(', ')}`);
    expect(clientOwned).toContain('Client');
    // A gate on an unmarked type would be a client's data the coverage check does not see.
    expect([...gates.keys()].filter((t) => !clientOwned.includes(t))).toEqual([]);
    const ungated: string[] = [];
    for (const typeName of clientOwned) {
      const type = schema.getType(typeName);
      expect(type, typeName).toBeInstanceOf(GraphQLObjectType);
      for (const field of Object.values((type as GraphQLObjectType).getFields())) {
        const key = `${typeName}.${field.name}`;
        if (['id', 'staffId'].includes(field.name)) continue;
        if (!gates.get(typeName)?.has(field.name)) ungated.push(key);
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
