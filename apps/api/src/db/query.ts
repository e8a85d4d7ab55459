import type { EntityManager } from '@mikro-orm/postgresql';
import pg from 'pg';
import { countStatement } from './query-counter';

/**
 * The API's one way to send SQL of its own (the ORM's entity operations aside).
 *
 * - `sql` is a tagged template: each value becomes a `$n` parameter, fragments made with it nest,
 *   and nothing is ever rewritten afterwards (a `?` or `$1` inside a literal is just text).
 * - Values go to PostgreSQL as parameters, as `pg` serialises them: a JS array is an array
 *   parameter (`= ANY(${ids}::uuid[])`), a Date a timestamptz, null NULL.
 * - `rows` runs a query on the EntityManager's current transaction when it has one (a change and its
 *   audit event commit together), else on a pooled connection; a `name` makes it a named prepared
 *   statement, planned once per connection (the connections run with plan_cache_mode =
 *   force_generic_plan, see db/orm.ts and docs/benchmark.md).
 * - Rows are parsed once, here: timestamptz becomes a Date; date stays 'YYYY-MM-DD' (Spindeln's days
 *   are calendar days); bigint and numeric stay strings. A query may map each row further.
 */
export class Sql {
  /** Literal text between the values: always one more than the values. */
  readonly strings: readonly string[];
  readonly values: readonly unknown[];
  #text: string | undefined;

  constructor(strings: readonly string[], values: readonly unknown[]) {
    this.strings = strings;
    this.values = values;
  }

  /** The statement text with `$1`, `$2`, … where the values go. */
  get text(): string {
    if (this.#text === undefined) {
      let text = this.strings[0]!;
      for (let i = 1; i < this.strings.length; i++) text += `$${i}${this.strings[i]}`;
      this.#text = text;
    }
    return this.#text;
  }
}

export function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql {
  const outStrings = [strings[0]!];
  const outValues: unknown[] = [];
  values.forEach((value, i) => {
    if (value instanceof Sql) {
      // Splice the fragment in: its first and last text join the text around it.
      outStrings[outStrings.length - 1] += value.strings[0]!;
      for (let j = 0; j < value.values.length; j++) {
        outValues.push(value.values[j]);
        outStrings.push(value.strings[j + 1]!);
      }
      outStrings[outStrings.length - 1] += strings[i + 1]!;
    } else {
      outValues.push(value);
      outStrings.push(strings[i + 1]!);
    }
  });
  return new Sql(outStrings, outValues);
}

/** Text written in the code, never anything from a request: a keyword, an operator, `now()`. */
export function raw(text: string): Sql {
  return new Sql([text], []);
}

/** A table alias or column name, checked: the predicates take the alias they apply to. */
export function ident(name: string): Sql {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`ident: not a plain identifier: ${name}`);
  return raw(name);
}

/** The text of a fragment that carries no values, for SQL written elsewhere with its own `$n`. */
export function sqlText(fragment: Sql): string {
  if (fragment.values.length > 0) throw new Error('sqlText: the fragment carries values');
  return fragment.text;
}

/**
 * Result parsing for every query sent here: pg's own parsers (timestamptz → Date, bool, int4,
 * json, arrays), except the types Spindeln keeps as text, as MikroORM does on its side.
 */
const TYPES = new pg.TypeOverrides();
const asText = (value: string) => value;
TYPES.setTypeParser(1082, asText); // date: a Swedish calendar day, 'YYYY-MM-DD'
TYPES.setTypeParser(1114, asText); // timestamp without time zone (none in the schema)
TYPES.setTypeParser(1186, asText); // interval
// date[] as text[] (1009 is text[], which pg-types parses into strings).
TYPES.setTypeParser(1182, pg.types.getTypeParser(1009 as never));

export interface QueryOptions<Row, T> {
  /**
   * A named prepared statement: planned once per connection. Only for statements whose text never
   * changes (checked): one name, one text.
   */
  name?: string;
  /** Maps each parsed row to what the caller works with. */
  map?: (row: Row) => T;
}

type PgConnection = pg.PoolClient;
interface KnexClient {
  acquireConnection(): Promise<PgConnection>;
  releaseConnection(connection: PgConnection): Promise<unknown>;
}

/**
 * The pg connection MikroORM 6 would use for the EntityManager: its transaction's when it has one.
 * MikroORM 6 runs on knex and hands out no pg connection; its `execute` inlines every value into
 * the text on the client. So this is the one place that uses knex's client API
 * (`acquireConnection`/`releaseConnection`, which knex itself runs every query through): on a
 * transaction it returns the transaction's own connection and releasing is a no-op. With MikroORM
 * 7 (no knex) only this function changes.
 */
async function withConnection<T>(em: EntityManager, work: (connection: PgConnection) => Promise<T>): Promise<T> {
  const trx = em.getTransactionContext() as { client: KnexClient; isCompleted(): boolean } | undefined;
  if (trx?.isCompleted()) throw new Error('query: the transaction has already ended');
  const client = (trx ?? em.getConnection().getKnex()).client as unknown as KnexClient;
  const connection = await client.acquireConnection();
  try {
    return await work(connection);
  } finally {
    await client.releaseConnection(connection);
  }
}

const textOfName = new Map<string, string>();

async function send(em: EntityManager, q: Sql, name: string | undefined): Promise<pg.QueryResult> {
  const text = q.text;
  if (name) {
    const known = textOfName.get(name);
    if (known === undefined) textOfName.set(name, text);
    else if (known !== text) throw new Error(`query ${name}: one name, one text (this one differs)`);
  }
  return withConnection(em, (connection) => {
    // Counted as MikroORM's logger counts its own statements (db/query-counter.ts).
    countStatement();
    return connection.query({ name, text, values: q.values as unknown[], types: TYPES });
  });
}

/** Runs a query and returns its rows, parsed (and mapped when the options say how). */
export async function rows<Row, T = Row>(em: EntityManager, q: Sql, options: QueryOptions<Row, T> = {}): Promise<T[]> {
  const out = (await send(em, q, options.name)).rows as Row[];
  return options.map ? out.map(options.map) : (out as unknown as T[]);
}

/** The first row, or null. */
export async function row<Row, T = Row>(
  em: EntityManager,
  q: Sql,
  options: QueryOptions<Row, T> = {},
): Promise<T | null> {
  return (await rows(em, q, options))[0] ?? null;
}

/** Runs a statement for its effect; returns the number of rows it touched. */
export async function run(em: EntityManager, q: Sql, options: { name?: string } = {}): Promise<number> {
  return (await send(em, q, options.name)).rowCount ?? 0;
}
