import { AsyncLocalStorage } from 'node:async_hooks';
import { DefaultLogger, type LogContext, type LoggerOptions } from '@mikro-orm/core';

/**
 * Counts the SQL statements a unit of work (an HTTP request) sends: every statement MikroORM runs,
 * raw ones included, passes through the logger inside the request's async context.
 */
const current = new AsyncLocalStorage<{ statements: number }>();

export function countStatements<T>(work: () => T): T {
  return current.run({ statements: 0 }, work);
}

/** Statements so far in the current unit of work; null outside one. */
export function statementsSoFar(): number | null {
  return current.getStore()?.statements ?? null;
}

/** For statements sent past MikroORM (db/query.ts). */
export function countStatement(): void {
  const store = current.getStore();
  if (store) store.statements += 1;
}

export class CountingLogger extends DefaultLogger {
  override logQuery(context: { query: string } & LogContext): void {
    const store = current.getStore();
    if (store) store.statements += 1;
    super.logQuery(context);
  }
}

export const countingLoggerFactory = (options: LoggerOptions) => new CountingLogger(options);
