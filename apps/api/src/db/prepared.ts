import type { EntityManager } from '@mikro-orm/postgresql';
import type pg from 'pg';
import { countStatement } from './query-counter';
import type { Sql } from './sql';

/**
 * Runs a hot read as a named prepared statement: PostgreSQL plans it once per connection instead of
 * on every request (planning cost more than running for the API's reads). Inside a transaction it
 * runs on the transaction's connection as an ordinary statement.
 */
export async function runPrepared<T>(em: EntityManager, name: string, q: Sql): Promise<T[]> {
  if (em.getTransactionContext()) return em.execute<T[]>(q.text, q.values);
  let n = 0;
  const text = q.text.replace(/\?/g, () => `$${++n}`);
  const knexClient = em.getConnection().getKnex().client as {
    acquireConnection(): Promise<pg.PoolClient>;
    releaseConnection(c: pg.PoolClient): Promise<void>;
  };
  const connection = await knexClient.acquireConnection();
  try {
    countStatement();
    const result = await connection.query({ name, text, values: q.values as unknown[] });
    return result.rows as T[];
  } finally {
    await knexClient.releaseConnection(connection);
  }
}
