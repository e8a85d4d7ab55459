import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { statementsSoFar } from '../db/query-counter';
import { QUERY_LIMITS, requestLimitsPlugin } from '../kit/limits';
import type { GraphQLContext } from '../modules/request/context';
import { isDatabaseUnavailable } from '../shared/errors';
import { errorKind, logger } from '../shared/log';
import { getSchema } from './schema';

export { QUERY_LIMITS };

/** Error codes whose message is safe to show; everything else becomes a bare internal error. */
const SAFE_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'RATE_LIMITED',
  'SERVICE_UNAVAILABLE',
]);

/** Extensions of our own making that help a client, kept on safe errors. */
const SAFE_EXTENSIONS = ['field', 'rule', 'retryable', 'retryAfterSeconds'] as const;

/** How long a client should wait before retrying while the database cannot answer. */
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 2;

/** The database is down or frozen: a retryable 503, whichever step of the request met it. */
export function serviceUnavailable(): GraphQLError {
  return new GraphQLError('The service is temporarily unavailable; try again shortly', {
    extensions: {
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
      retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS,
      http: { status: 503, headers: new Map([['retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS)]]) },
    },
  });
}

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && SAFE_CODES.has(code)) {
    const extensions: Record<string, unknown> = { code };
    for (const key of SAFE_EXTENSIONS) {
      if (formatted.extensions?.[key] !== undefined) extensions[key] = formatted.extensions[key];
    }
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  if (isDatabaseUnavailable(error)) {
    const unavailable = serviceUnavailable();
    return {
      message: unavailable.message,
      path: formatted.path,
      extensions: { code: 'SERVICE_UNAVAILABLE', retryable: true, retryAfterSeconds: UNAVAILABLE_RETRY_AFTER_SECONDS },
    };
  }
  // The server log gets the kind of failure, never its text: driver messages carry SQL and the
  // values people wrote.
  const original = (error as { originalError?: { name?: string; code?: string } })?.originalError;
  logger().error({ error: errorKind(original), path: formatted.path }, 'internal error');
  return { message: 'Internal server error', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
}

/**
 * Before any response leaves: write the request's read audit in one statement, and report the number
 * of SQL statements when asked. If the audit cannot be written, the response carries no data.
 */
function auditPlugin(reportSqlStatements: boolean): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue: ctx, response }) {
          try {
            await ctx.audit.flush(ctx.em);
          } catch (error) {
            const unavailable = isDatabaseUnavailable(error);
            logger().error(
              { error: errorKind(error), requestId: ctx.requestId, databaseUnavailable: unavailable },
              'audit write failed; response withheld',
            );
            response.body = {
              kind: 'single',
              singleResult: {
                errors: [
                  unavailable
                    ? formatError(serviceUnavailable(), serviceUnavailable())
                    : { message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
                ],
              },
            };
            response.http.status = unavailable ? 503 : 500;
          }
          // A request refused before it ran (no data at all) is the client's error: a 400 unless a
          // step chose its own status (Apollo answers some of these, e.g. persisted queries, with 200).
          if (
            response.body.kind === 'single' &&
            response.body.singleResult.data === undefined &&
            response.body.singleResult.errors?.length &&
            (response.http.status === undefined || response.http.status === 200)
          ) {
            response.http.status = 400;
          }
          // A resolver that met a database outage: the whole answer is a retryable 503.
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : undefined;
          if (errors?.some((e) => e.extensions?.code === 'SERVICE_UNAVAILABLE')) {
            response.http.status = 503;
            response.http.headers.set('retry-after', String(UNAVAILABLE_RETRY_AFTER_SECONDS));
          }
          // Lets a caller (and the tests) find this request's audit events.
          response.http.headers.set('x-request-id', ctx.requestId);
          const statements = statementsSoFar();
          if (reportSqlStatements && statements !== null) {
            response.http.headers.set('x-sql-statements', String(statements));
          }
        },
      };
    },
  };
}

export interface ApolloOptions {
  production: boolean;
  reportSqlStatements: boolean;
}

export async function createApollo(options: ApolloOptions): Promise<ApolloServer<GraphQLContext>> {
  const armor = new ApolloArmor({
    maxDepth: { n: QUERY_LIMITS.maxDepth },
    maxAliases: { n: QUERY_LIMITS.maxAliases },
    // The cost needs the variables (limits.ts); the token limit is graphql-js's own parse option,
    // whose error Apollo answers with a 400 (armor's plugin throws from a hook: a 500).
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    maxDirectives: { n: QUERY_LIMITS.maxDirectives },
    blockFieldSuggestion: { enabled: true },
  });
  const protection = armor.protect();
  return new ApolloServer<GraphQLContext>({
    schema: await getSchema(),
    introspection: !options.production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // An APQ cache is not an allow-list and is one more cache to reason about: off.
    persistedQueries: false,
    hideSchemaDetailsFromClientErrors: true,
    includeStacktraceInErrorResponses: false,
    // main.ts owns shutdown (HTTP, then Apollo, the pool, PostgreSQL); Apollo's own signal handler
    // re-raised the signal mid-way and left api.stop() waiting for ever.
    stopOnTerminationSignals: false,
    formatError,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    validationRules: [...protection.validationRules],
    plugins: [
      // graphql-armor is typed against Apollo Server 4; its plugins use only hooks Apollo 5 keeps.
      ...(protection.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      requestLimitsPlugin() as ApolloServerPlugin<GraphQLContext>,
      auditPlugin(options.reportSqlStatements),
      options.production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
  });
}
