import { gateDecorator } from '../../kit/gate';
import type { GraphQLContext } from '../request/context';
import type { Gate } from './standing';

/** `@Gated(scope)`: the consent scope or rule a field of a client-owned type needs. */
export const { Gated, fields: GATED_FIELDS } = gateDecorator<Gate, GraphQLContext>((context) => context.access);
