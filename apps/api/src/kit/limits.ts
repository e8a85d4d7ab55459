import type { ApolloServerPlugin } from '@apollo/server';
import {
  type DocumentNode,
  type FragmentDefinitionNode,
  GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE, MAX_PAGE } from './connection';
import { checkInputText } from './input-text';

/** Limits on a query's shape, checked before it runs. */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  /** Estimated fields resolved, with page sizes as sent (literals and variables alike). */
  maxCost: 5000,
  /** graphql-js counts tokens while parsing and stops at this many: a parse error, never a crash. */
  maxTokens: 1500,
  maxDirectives: 10,
};

/** A list that is not a paged connection (phone list, relatives, consents) counts as this many. */
const PLAIN_LIST_ESTIMATE = 5;

function tooCostly(cost: number): GraphQLError {
  return new GraphQLError(`Query cost ${cost} is over the limit of ${QUERY_LIMITS.maxCost}`, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', rule: 'max_cost', http: { status: 400 } },
  });
}

function pageOutOfRange(field: string, first: number): GraphQLError {
  return new GraphQLError(`${field}.first: between 1 and ${MAX_PAGE} (was ${first})`, {
    extensions: { code: 'BAD_USER_INPUT', field: `${field}.first`, rule: 'max_page', http: { status: 400 } },
  });
}

/**
 * The cost of an operation with its variables: each field counts once per time it is resolved, so a
 * page of `first` items multiplies what is selected inside it. Page sizes over the maximum are
 * refused here too, with the field named, whether written literally or passed as a variable.
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const rootType = schema.getRootType(operation.operation);
  if (!rootType) return 0;

  // The cost of a selection resolved once; a fragment's is computed once however often it is spread
  // (a fan-out of spreads would otherwise take exponential time here).
  const fragmentCost = new Map<string, number>();
  const walk = (set: SelectionSetNode, typeName: string, path: string, seen: Set<string>): number => {
    const type = schema.getType(typeName);
    let cost = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += walk(selection.selectionSet, selection.typeCondition?.name.value ?? typeName, path, seen);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // Cycles are refused by validation before this runs; the guard only keeps this total.
        if (!fragment || seen.has(name)) continue;
        let known = fragmentCost.get(name);
        if (known === undefined) {
          known = walk(fragment.selectionSet, fragment.typeCondition.name.value, path, new Set([...seen, name]));
          fragmentCost.set(name, known);
        }
        cost += known;
      } else {
        const name = selection.name.value;
        // Introspection is off in production and costs no database work.
        if (name.startsWith('__')) continue;
        const field: GraphQLField<unknown, unknown> | undefined =
          type && (isObjectType(type) || isInterfaceType(type)) ? type.getFields()[name] : undefined;
        if (!field) continue;
        const fieldPath = `${path}${path ? '.' : ''}${selection.alias?.value ?? name}`;
        cost += 1;
        if (!selection.selectionSet) continue;
        let times = 1;
        if (field.args.some((a) => a.name === 'first')) {
          const args = getArgumentValues(field, selection, variables) as { first?: number | null };
          times = args.first ?? DEFAULT_PAGE;
          if (times < 1 || times > MAX_PAGE) throw pageOutOfRange(fieldPath, times);
        } else if (isListType(getNullableType(field.type)) && !typeName.endsWith('Connection')) {
          times = PLAIN_LIST_ESTIMATE;
        }
        cost += times * walk(selection.selectionSet, getNamedType(field.type).name, fieldPath, seen);
      }
    }
    return cost;
  };
  return walk(operation.selectionSet, rootType.name, '', new Set());
}

/**
 * Checks that need the variables, after parsing and validation and before anything executes:
 * the text of every string input, page sizes and the cost. A refusal is a 400 with a clear code.
 */
export function requestLimitsPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          checkInputText(schema, document, operation, request.variables);
          const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          // Variables of the wrong type are refused by execution with BAD_USER_INPUT.
          if (coerced.errors) return;
          const cost = operationCost(schema, document, operation, coerced.coerced);
          if (cost > QUERY_LIMITS.maxCost) throw tooCostly(cost);
        },
      };
    },
  };
}
