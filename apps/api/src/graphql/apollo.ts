import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError } from 'graphql';
import { statementsSoFar } from '../db/query-counter';
import type { GraphQLContext } from './context';
import { getSchema } from './schema';

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
]);

/** Limits on a query's shape, checked before it runs. */
export const QUERY_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxCost: 30000,
  maxTokens: 1500,
  maxDirectives: 10,
};

export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && SAFE_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code } };
  }
  // The server log gets the kind of failure, never its text: driver messages carry SQL and the
  // values people wrote.
  const original = (error as { originalError?: { name?: string; code?: string } })?.originalError;
  console.error('[api] internal error', { name: original?.name, code: original?.code, path: formatted.path });
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
            console.error('[api] audit write failed; response withheld', error);
            response.body = {
              kind: 'single',
              singleResult: {
                errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
              },
            };
            response.http.status = 500;
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
    costLimit: { maxCost: QUERY_LIMITS.maxCost },
    maxTokens: { n: QUERY_LIMITS.maxTokens },
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
    validationRules: [...protection.validationRules],
    plugins: [
      // graphql-armor is typed against Apollo Server 4; its plugins use only hooks Apollo 5 keeps.
      ...(protection.plugins as unknown as ApolloServerPlugin<GraphQLContext>[]),
      auditPlugin(options.reportSqlStatements),
      options.production
        ? ApolloServerPluginLandingPageDisabled()
        : ApolloServerPluginLandingPageLocalDefault({ embed: true }),
    ],
  });
}
