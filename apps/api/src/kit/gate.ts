import { DirectiveLocation, GraphQLDirective, GraphQLError, type GraphQLResolveInfo } from 'graphql';
import { UseMiddleware } from 'type-graphql';

/** Objects a gated field hangs on carry the client they are about. */
export interface ClientOwned {
  readonly clientId: string;
}

/**
 * What a gate decided: `notShared` only when the field was asked for `@ifShared` and the viewer may
 * see the client but not this: an answer the viewer already knows from their own scopes.
 */
export type GateDecision = 'allowed' | 'denied' | 'notShared';

/** Decides a gate for one client within one request (and records the decision). */
export interface GateCheck<G> {
  check(clientId: string, gate: G, options?: { ifShared?: boolean }): Promise<GateDecision>;
}

export const IF_SHARED = 'ifShared';

/**
 * `@ifShared` on a gated field: "only if the client shares it with me". Where the viewer's consent
 * does not cover the field it is null with no error and no denied read is logged, so a page can ask
 * for everything it would show in one request. It never opens anything: the same gate decides, and
 * a viewer who may not see the client at all is refused and logged as without it.
 */
export const IfSharedDirective = new GraphQLDirective({
  name: IF_SHARED,
  description:
    'On a consent-gated field: null without an error, and no denied read logged, when the client has not shared it with the viewer. Nothing else changes.',
  locations: [DirectiveLocation.FIELD],
});

/** Every selection of this response key says `@ifShared` (one without it asks to be told). */
function askedIfShared(info: GraphQLResolveInfo): boolean {
  return info.fieldNodes.every((node) => node.directives?.some((d) => d.name.value === IF_SHARED));
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
 * siblings (or, asked `@ifShared`, null alone where the viewer may know it is not shared).
 * `ClientOwnedType()` marks a class whose objects belong to one client. `fields` (class → field →
 * gate) and `clientOwnedTypes` let a test check that every field of a marked type is gated.
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
      const middleware = UseMiddleware(
        async ({ root, context, info }: { root: unknown; context: C; info: GraphQLResolveInfo }, next) => {
          const clientId = (root as Partial<ClientOwned> | null)?.clientId;
          // Fail closed: an object that does not say whose it is reveals nothing.
          if (typeof clientId !== 'string') throw forbidden();
          const decision = await checkerOf(context).check(clientId, gate, { ifShared: askedIfShared(info) });
          if (decision === 'notShared') return null;
          if (decision !== 'allowed') throw forbidden();
          return next();
        },
      );
      if (descriptor) (middleware as MethodDecorator)(target, propertyKey, descriptor);
      else (middleware as PropertyDecorator)(target, propertyKey);
    };
  }
  return { Gated, ClientOwnedType, fields, clientOwnedTypes: clientOwnedTypes as ReadonlySet<Class> };
}
