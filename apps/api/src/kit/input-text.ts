import {
  type DocumentNode,
  GraphQLError,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  type OperationDefinitionNode,
  TypeInfo,
  typeFromAST,
  visit,
  visitWithTypeInfo,
} from 'graphql';
import { type TextProblem, textProblem } from '../shared/validate';

/**
 * Input fields where a line break makes sense: message bodies and free-text notes. Every other
 * string (names, ids, keys, dates, cursors, enums) must be on one line. Coordinates are
 * `InputType.field`; a test checks each one exists in the schema.
 */
export const MULTILINE_INPUT_FIELDS = new Set([
  'SendMessageInput.body',
  'RecordInPersonConsentInput.capacityNote',
  'RecordOfferInput.clientView',
  'RecordOfferInput.reason',
  'AppointContactInput.reason',
  'EndContactInput.reason',
]);

/** Deeper variable values than this are refused: no input type of the schema nests that far. */
export const MAX_VARIABLE_DEPTH = 16;

const MESSAGES: Record<TextProblem, string> = {
  control_characters: 'contains a control character',
  lone_surrogate: 'contains a broken character (an unpaired UTF-16 surrogate)',
};

function refuse(field: string, rule: string, message: string): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', field, rule, http: { status: 400 } },
  });
}

function check(value: string, field: string, coordinate: string | null): void {
  const problem = textProblem(value, coordinate !== null && MULTILINE_INPUT_FIELDS.has(coordinate));
  if (problem) throw refuse(field, problem, MESSAGES[problem]);
}

/** Walks a variable's JSON value along its declared input type. */
function walkValue(
  value: unknown,
  type: GraphQLInputType | null,
  field: string,
  coordinate: string | null,
  depth: number,
): void {
  if (depth > MAX_VARIABLE_DEPTH) throw refuse(field, 'max_depth', `nested more than ${MAX_VARIABLE_DEPTH} levels`);
  if (typeof value === 'string') {
    check(value, field, coordinate);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  const inner = type && isNonNullType(type) ? type.ofType : type;
  if (Array.isArray(value)) {
    const item = inner && isListType(inner) ? (inner.ofType as GraphQLInputType) : null;
    value.forEach((v, i) => {
      walkValue(v, item, `${field}[${i}]`, coordinate, depth + 1);
    });
    return;
  }
  const objectType = inner && isInputObjectType(inner) ? inner : null;
  const fields = objectType?.getFields();
  for (const [key, v] of Object.entries(value)) {
    const f = fields?.[key];
    walkValue(v, f?.type ?? null, `${field}.${key}`, objectType && f ? `${objectType.name}.${key}` : null, depth + 1);
  }
}

/**
 * Refuses the request when any string input (argument and input-field literals, variables at any
 * depth, ids and custom scalars included) holds a control character or a lone surrogate. Runs once
 * over the whole operation before anything executes, so no resolver or service needs its own check.
 */
export function checkInputText(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): void {
  const typeInfo = new TypeInfo(schema);
  const path: string[] = [];
  const coordinates: (string | null)[] = [];
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        enter: (node) => void path.push(node.alias?.value ?? node.name.value),
        leave: () => void path.pop(),
      },
      Argument: {
        enter: (node) => {
          path.push(node.name.value);
          coordinates.push(null);
        },
        leave: () => {
          path.pop();
          coordinates.pop();
        },
      },
      ObjectField: {
        enter: (node) => {
          const parent = typeInfo.getParentInputType();
          const named = parent ? getNamedType(parent) : null;
          path.push(node.name.value);
          coordinates.push(named ? `${named.name}.${node.name.value}` : null);
        },
        leave: () => {
          path.pop();
          coordinates.pop();
        },
      },
      StringValue: (node) => check(node.value, path.join('.') || 'query', coordinates.at(-1) ?? null),
    }),
  );
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (!variables || !(name in variables)) continue;
    const type = (typeFromAST(schema, definition.type as never) as GraphQLInputType | undefined) ?? null;
    walkValue(variables[name], type, `$${name}`, null, 0);
  }
}
