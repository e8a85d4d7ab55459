import { GraphQLError } from 'graphql';
import { UseMiddleware } from 'type-graphql';
import type { Gate } from '../modules/access/standing';
import type { GraphQLContext } from './context';

/** Objects a gated field hangs on carry the client they are about. */
export interface ClientOwned {
  readonly clientId: string;
}

/** Every gated field, as `Type.field` → gate, so a test can check that nothing is left ungated. */
export const GATED_FIELDS = new Map<string, Gate>();

export function forbidden(): GraphQLError {
  return new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } });
}

/**
 * Names the consent scope (or rule) a field needs. Checked per parent object against the database
 * (batched per request), audited allowed or denied. A denied field resolves to null with a FORBIDDEN
 * error at its path, so gated fields are nullable and a denial never wipes its siblings.
 */
export function Gated(gate: Gate): MethodDecorator & PropertyDecorator {
  return (target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor) => {
    GATED_FIELDS.set(`${target.constructor.name}.${String(propertyKey)}`, gate);
    const middleware = UseMiddleware(async ({ root, context }: { root: unknown; context: GraphQLContext }, next) => {
      const clientId = (root as Partial<ClientOwned> | null)?.clientId;
      // Fail closed: an object that does not say whose it is reveals nothing.
      if (typeof clientId !== 'string' || !(await context.access.check(clientId, gate))) throw forbidden();
      return next();
    });
    if (descriptor) (middleware as MethodDecorator)(target, propertyKey, descriptor);
    else (middleware as PropertyDecorator)(target, propertyKey);
  };
}
