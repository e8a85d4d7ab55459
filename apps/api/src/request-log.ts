import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { ApolloServerPlugin } from '@apollo/server';
import type express from 'express';
import type { GraphQLContext } from './modules/request/context';
import type { Logger } from './shared/log';

/**
 * What the one line per request says. Only ids and shapes: never a personnummer, a token, a
 * variable or a body (those are the people's data; the audit log says who saw what).
 */
export interface RequestRecord {
  requestId: string;
  personId: string | null;
  operation: string | null;
  operationType: string | null;
}

const RECORD = Symbol('requestRecord');
type WithRecord = { [RECORD]?: RequestRecord };

/** The request's record, made by the middleware; the GraphQL context and Apollo fill it in. */
export function requestRecord(res: express.Response): RequestRecord {
  const holder = res as unknown as WithRecord;
  holder[RECORD] ??= { requestId: randomUUID(), personId: null, operation: null, operationType: null };
  return holder[RECORD];
}

/** Records of requests in flight, by request id (Apollo hands plugins a copy of the context). */
const records = new Map<string, RequestRecord>();

/** Ties a GraphQL context to its request's record, so the plugin can name the operation. */
export function linkContext(ctx: GraphQLContext, record: RequestRecord): void {
  record.personId = ctx.viewer?.personId ?? null;
  records.set(record.requestId, record);
}

/** Names the operation once Apollo has resolved it (the document's name, not only the client's). */
export function requestLogPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName, operation }) {
          const record = records.get(contextValue.requestId);
          if (!record) return;
          record.operation = operationName ?? null;
          record.operationType = operation?.operation ?? null;
        },
      };
    },
  };
}

/**
 * Tracks whether the database answers, from what requests meet: one error line when it stops, one
 * info line when it is back, instead of one per refused request.
 */
class OutageWatch {
  private down = false;
  constructor(private readonly log: Logger) {}
  saw(status: number, path: string): void {
    if (status === 503 && !this.down) {
      this.down = true;
      this.log.error({ event: 'database_unavailable' }, 'database unavailable: answering 503 until it is back');
    } else if (this.down && status < 500 && (path === '/health' || path.startsWith('/graphql'))) {
      this.down = false;
      this.log.info({ event: 'database_available' }, 'database available again');
    }
  }
}

/** One line per request when its response is done (or the client went away), at a level by status. */
export function requestLogMiddleware(log: Logger): express.RequestHandler {
  const outages = new OutageWatch(log);
  return (req, res, next) => {
    const started = performance.now();
    const record = requestRecord(res);
    // Read now: routers rewrite req.url on the way. The path only, never a query string.
    const path = req.path;
    res.once('close', () => {
      records.delete(record.requestId);
      const status = res.statusCode;
      outages.saw(status, path);
      const level = status >= 500 ? (status === 503 ? 'warn' : 'error') : path === '/health' ? 'debug' : 'info';
      if (!log.isLevelEnabled(level)) return;
      log[level](
        {
          requestId: record.requestId,
          method: req.method,
          path,
          status,
          durationMs: Math.round((performance.now() - started) * 10) / 10,
          personId: record.personId,
          operation: record.operation,
          operationType: record.operationType,
          ...(res.writableFinished ? {} : { aborted: true }),
        },
        'request',
      );
    });
    next();
  };
}
