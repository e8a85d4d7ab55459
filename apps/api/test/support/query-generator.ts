import fc from 'fast-check';
import {
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
} from 'graphql';

/**
 * Random GraphQL queries over the committed schema: aliases, named fragments, inline fragments,
 * `@include`/`@skip`, variables and nesting, generated within the API's limits (depth 10, 15 aliases,
 * 10 directives, the token and cost limits) so most of them run rather than being refused.
 */
export interface GeneratedQuery {
  query: string;
  variables: Record<string, unknown>;
  seed: number;
}

export interface GeneratorOptions {
  /** Ids worth asking for with `client(id:)`: real clients and a few that name nothing. */
  clientIds: readonly string[];
  maxDepth?: number;
}

/** A small seeded PRNG (mulberry32): one seed, one query, reproducible from the seed alone. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Budget {
  aliases: number;
  directives: number;
  fields: number;
  fragments: string[];
  variableDefs: string[];
  variables: Record<string, unknown>;
  /** The arguments an unaliased field uses, the same everywhere in the query: no merge conflicts. */
  canonical: Map<string, string>;
  next: number;
}

const LIMITS = { aliases: 14, directives: 8, fields: 40 };

export function queryArbitrary(schema: GraphQLSchema, options: GeneratorOptions): fc.Arbitrary<GeneratedQuery> {
  const maxDepth = options.maxDepth ?? 8;
  const ids = [...options.clientIds, '00000000-0000-4000-8000-000000000000', 'not-a-uuid'];

  // fast-check draws the seed; the query is built from it (printed in full when a property fails).
  return fc.integer({ min: 0, max: 0x7fffffff }).map((seed) => {
    const next = random(seed);
    const nat = (max: number) => Math.floor(next() * (max + 1));
    const b: Budget = {
      aliases: 0,
      directives: 0,
      fields: 0,
      fragments: [],
      variableDefs: [],
      variables: {},
      canonical: new Map(),
      next: 0,
    };
    const pick = <T>(values: readonly T[]): T => values[nat(values.length - 1)]!;
    const chance = (p: number) => next() < p;
    const variable = (type: string, value: unknown) => {
      const name = `v${b.next++}`;
      b.variableDefs.push(`$${name}: ${type}`);
      b.variables[name] = value;
      return `$${name}`;
    };

    const argValue = (name: string, typeName: string, required: boolean) => {
      if (name === 'id') {
        const id = pick(ids);
        return chance(0.5) ? variable('ID!', id) : JSON.stringify(id);
      }
      if (name === 'first') {
        // Mostly valid sizes; now and then one the API refuses, whose error must not leak either.
        const n = chance(0.9) ? pick([1, 2, 3, 5, 10, 20]) : pick([0, -1, 101]);
        return chance(0.3) ? variable('Int', n) : String(n);
      }
      if (name === 'after') {
        const cursor = chance(0.9)
          ? Buffer.from(`o:${nat(3)}`).toString('base64url')
          : pick(['x', Buffer.from('o:-1').toString('base64url')]);
        return chance(0.3) ? variable('String', cursor) : JSON.stringify(cursor);
      }
      if (typeName === 'Boolean') {
        const v = chance(0.5);
        return chance(0.3) ? variable(required ? 'Boolean!' : 'Boolean', v) : String(v);
      }
      return required ? null : undefined;
    };

    /** `(a: 1, b: 2)` for a field, or null when a required argument cannot be given. */
    const argsFor = (field: GraphQLField<unknown, unknown>): string | null => {
      const parts: string[] = [];
      for (const arg of field.args) {
        const required = isNonNullType(arg.type) && arg.defaultValue === undefined;
        if (!required && chance(0.5)) continue;
        const value = argValue(arg.name, getNamedType(arg.type).name, required);
        if (value === null) return null;
        if (value !== undefined) parts.push(`${arg.name}: ${value}`);
      }
      return parts.length ? `(${parts.join(', ')})` : '';
    };

    const directive = (): string => {
      if (b.directives >= LIMITS.directives || !chance(0.15)) return '';
      b.directives++;
      const name = chance(0.5) ? 'include' : 'skip';
      const value = chance(0.5) ? variable('Boolean!', chance(0.5)) : String(chance(0.5));
      return ` @${name}(if: ${value})`;
    };

    const selection = (type: GraphQLObjectType, depth: number): string => {
      const fields = Object.values(type.getFields());
      const items: string[] = [];
      const keys = new Set<string>();
      // Wide near the root, narrower deeper down; object fields drawn twice as often as leaves,
      // so the deep paths (a client's conversation's authors, a log's actors) come up often.
      const count = 2 + nat(depth < 4 ? 3 : 1);
      const weighted = fields.flatMap((f) => (isObjectType(getNamedType(f.type)) && depth < maxDepth ? [f, f] : [f]));
      for (let i = 0; i < count && b.fields < LIMITS.fields; i++) {
        const roll = nat(99);
        if (roll < 4) {
          if (!keys.has('__typename')) items.push('__typename');
          keys.add('__typename');
          continue;
        }
        if (roll < 11 && depth < maxDepth) {
          // An inline fragment, with or without a type condition.
          const on = chance(0.5) ? ` on ${type.name}` : '';
          // The depth limit counts a fragment as a level.
          items.push(`...${on}${directive()} { ${selection(type, depth + 1)} }`);
          continue;
        }
        if (roll < 18 && depth < maxDepth && b.fragments.length < 4) {
          const name = `F${b.fragments.length}`;
          b.fragments.push('');
          const index = b.fragments.length - 1;
          b.fragments[index] = `fragment ${name} on ${type.name} { ${selection(type, depth + 1)} }`;
          items.push(`...${name}${directive()}`);
          continue;
        }
        const field = pick(weighted);
        const named: GraphQLNamedType = getNamedType(field.type);
        if (!isLeafType(named) && depth >= maxDepth) continue;
        let alias = '';
        const aliased = b.aliases < LIMITS.aliases && (keys.has(field.name) || chance(0.15));
        if (keys.has(field.name) && !aliased) continue;
        let args: string | null;
        if (aliased) {
          b.aliases++;
          alias = `a${b.aliases}: `;
          args = argsFor(field);
        } else {
          keys.add(field.name);
          args = b.canonical.get(`${type.name}.${field.name}`) ?? argsFor(field);
          if (args !== null) b.canonical.set(`${type.name}.${field.name}`, args);
        }
        if (args === null) continue;
        b.fields++;
        const sub = isObjectType(named) ? ` { ${selection(named, depth + 1)} }` : '';
        items.push(`${alias}${field.name}${args}${directive()}${sub}`);
      }
      return items.length ? items.join(' ') : '__typename';
    };

    const root = selection(schema.getQueryType()!, 1);
    const defs = b.variableDefs.length ? `(${b.variableDefs.join(', ')})` : '';
    const query = `query Q${defs} { ${root} }${b.fragments.map((f) => `\n${f}`).join('')}`;
    return { query, variables: b.variables, seed };
  });
}
