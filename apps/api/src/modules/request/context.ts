import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { TokenError, type TokenVerifier, type VerifiedIdentity } from '@spindeln/api-token';
import { GraphQLError } from 'graphql';
import type { Actor } from '../access/actor';
import { RequestAccess } from '../access/request-access';
import { loadViewer, type ViewerIdentity } from '../access/viewer';
import { ReadAuditLog } from '../audit/read-audit';
import { recordNameFromLogin } from '../people/registered-name';
import type { NameViewer } from '../people/shown-name';
import { createLoaders, type Loaders } from './loaders';

export interface GraphQLContext {
  requestId: string;
  /** One EntityManager per request. */
  em: EntityManager;
  viewer: ViewerIdentity | null;
  access: RequestAccess;
  loaders: Loaders;
  audit: ReadAuditLog;
}

function unauthenticated(reason: string): GraphQLError {
  return new GraphQLError(`Authentication failed: ${reason}`, {
    extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
  });
}

/**
 * Builds the request's context. Identity comes only from a bearer token the API verifies itself;
 * a token that fails verification refuses the whole request (it never falls back to anonymous).
 */
export async function createContext(
  orm: MikroORM,
  verify: TokenVerifier,
  authorization: string | undefined,
  requestId: string = randomUUID(),
  /** Runs once the caller is known (null: anonymous) and before any read: the rate limit. */
  admit: (personnummer: string | null) => Promise<void> = async () => {},
): Promise<GraphQLContext> {
  const em = orm.em.fork({ loggerContext: { requestId } });
  let viewer: ViewerIdentity | null = null;
  if (authorization !== undefined) {
    const match = /^Bearer ([^\s]+)$/.exec(authorization);
    if (!match) throw unauthenticated('expected "Authorization: Bearer <token>"');
    let identity: VerifiedIdentity;
    try {
      identity = await verify(match[1]!);
    } catch (error) {
      if (error instanceof TokenError) throw unauthenticated(error.reason);
      throw error;
    }
    await admit(identity.personnummer);
    viewer = await recordNameFromLogin(em, await loadViewer(em, identity.personnummer), identity.name, requestId);
  } else {
    await admit(null);
  }
  const audit = new ReadAuditLog(viewer?.personId ?? null, requestId);
  return {
    requestId,
    em,
    viewer,
    audit,
    access: new RequestAccess(em, viewer?.personId ?? null, audit),
    loaders: createLoaders(em),
  };
}

/** The actor for a service call; mutations need a known person. */
export function requireActor(ctx: GraphQLContext): Actor {
  if (!ctx.viewer) throw new GraphQLError('Log in to do this', { extensions: { code: 'UNAUTHENTICATED' } });
  const actor = readerActor(ctx);
  // Logged in, but nobody here knows this person: they may do nothing.
  if (!actor) throw new GraphQLError('Not allowed', { extensions: { code: 'FORBIDDEN' } });
  return actor;
}

/** The actor for a read of the viewer's own lists; null when nobody here knows the caller. */
export function readerActor(ctx: GraphQLContext): Actor | null {
  return ctx.viewer?.personId ? { personId: ctx.viewer.personId, requestId: ctx.requestId } : null;
}

/** The viewer as the naming rule needs them for one client's information. */
export async function nameViewer(ctx: GraphQLContext, clientId: string): Promise<NameViewer> {
  return { personId: ctx.viewer?.personId ?? null, standing: await ctx.access.standing(clientId) };
}
