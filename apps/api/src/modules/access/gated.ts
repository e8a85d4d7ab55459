import { gateDecorator } from '../../kit/gate';
import type { GraphQLContext } from '../request/context';
import type { Gate } from './standing';

/**
 * `@Gated(scope)`: the consent scope or rule a field of a client-owned type needs;
 * `@ClientOwnedType()`: the type's objects belong to one client, so all its fields need a gate.
 */
export const {
  Gated,
  ClientOwnedType,
  fields: GATED_FIELDS,
  clientOwnedTypes: CLIENT_OWNED_TYPES,
} = gateDecorator<Gate, GraphQLContext>((context) => context.access);
