import { GraphQLError } from 'graphql';
import { UseMiddleware } from 'type-graphql';

/** Objects a gated field hangs on carry the client they are about. */
export interface ClientOwned {
  readonly clientId: string;
}

/** Decides a gate for one client within one request (and records the decision). */
export interface GateCheck<G> {
  check(clientId: string, gate: G): Promise<boolean>;
}

/** A class, as decorators see it. */
export type Class = abstract new (...args: never[]) => unknown;

export function forbidden(): GraphQLError {
  return new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } });
}

/**
 * Builds a field decorator naming the gate (scope or rule) a field needs. The gate is checked per
 * parent object by whatever `checkerOf` finds in the request's context; a denied field resolves to
 * null with a FORBIDDEN error at its path, so gated fields are nullable and a denial never wipes its
 * siblings. `ClientOwnedType()` marks a class whose objects belong to one client. `fields` (class →
 * field → gate) and `clientOwnedTypes` let a test check that every field of a marked type is gated.
 */
export function gateDecorator<G, C>(checkerOf: (context: C) => GateCheck<G>) {
  const fields = new Map<Class, Map<string, G>>();
  const clientOwnedTypes = new Set<Class>();
  /** Marks a GraphQL object type about one client: every field on it but its ids needs a gate. */
  function ClientOwnedType() {
    return <T extends abstract new (...args: never[]) => ClientOwned>(target: T): void => {
      clientOwnedTypes.add(target);
    };
  }
  function Gated(gate: G): MethodDecorator & PropertyDecorator {
    return (target: object, propertyKey: string | symbol, descriptor?: PropertyDescriptor) => {
      const owner = target.constructor as Class;
      const byField = fields.get(owner) ?? new Map<string, G>();
      byField.set(String(propertyKey), gate);
      fields.set(owner, byField);
      const middleware = UseMiddleware(async ({ root, context }: { root: unknown; context: C }, next) => {
        const clientId = (root as Partial<ClientOwned> | null)?.clientId;
        // Fail closed: an object that does not say whose it is reveals nothing.
        if (typeof clientId !== 'string' || !(await checkerOf(context).check(clientId, gate))) throw forbidden();
        return next();
      });
      if (descriptor) (middleware as MethodDecorator)(target, propertyKey, descriptor);
      else (middleware as PropertyDecorator)(target, propertyKey);
    };
  }
  return { Gated, ClientOwnedType, fields, clientOwnedTypes: clientOwnedTypes as ReadonlySet<Class> };
}
