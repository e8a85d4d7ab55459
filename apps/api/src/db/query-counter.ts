import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';

/**
 * Counts SQL statements per request: every statement MikroORM sends carries the request id of the
 * EntityManager fork that sent it. Only requests that asked to be counted are tracked.
 */
const counts = new Map<string, number>();

export function startCounting(requestId: string): void {
  counts.set(requestId, 0);
}

/** Returns the count and stops tracking the request. */
export function stopCounting(requestId: string): number {
  const n = counts.get(requestId) ?? 0;
  counts.delete(requestId);
  return n;
}

export class CountingLogger extends DefaultLogger {
  override logQuery(context: { query: string } & LogContext): void {
    const id = (context as { requestId?: unknown }).requestId;
    if (typeof id === 'string' && counts.has(id)) counts.set(id, counts.get(id)! + 1);
    super.logQuery(context);
  }
}

export const countingLoggerFactory = (options: LoggerOptions) => new CountingLogger(options);
