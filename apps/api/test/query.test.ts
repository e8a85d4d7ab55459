import { describe, expect, it } from 'vitest';
import { ident, raw, row, rows, run, Sql, sql, sqlText } from '../src/db/query';
import { countStatements, statementsSoFar } from '../src/db/query-counter';
import { useDatabase } from './support/database';

const db = useDatabase({ shared: true });

describe('the sql tag', () => {
  it('numbers values $1, $2, … across nested fragments', () => {
    const inner = sql`b = ${2} AND c = ${3}`;
    const q = sql`SELECT ${1} WHERE ${inner} AND ${sql`d = ${4}`} OR e = ${5}`;
    expect(q.text).toBe('SELECT $1 WHERE b = $2 AND c = $3 AND d = $4 OR e = $5');
    expect(q.values).toEqual([1, 2, 3, 4, 5]);
    expect(q).toBeInstanceOf(Sql);
  });

  it('keeps raw text and identifiers as text, and refuses what is not an identifier', () => {
    expect(sql`SELECT ${ident('a')}.x, ${raw('now()')}, ${1}`.text).toBe('SELECT a.x, now(), $1');
    expect(() => ident('a; DROP TABLE x')).toThrow(/identifier/);
    expect(sqlText(sql`${ident('cs')}.ended_at IS NULL AND ${raw('$2')} > 0`)).toBe('cs.ended_at IS NULL AND $2 > 0');
    expect(() => sqlText(sql`x = ${1}`)).toThrow(/values/);
  });
});

describe('queries on a real PostgreSQL', () => {
  it('sends values as parameters, however a literal looks', async () => {
    const em = db.em();
    // A `?` and a `$1` inside literals are text: nothing is rewritten.
    const r = await row<{ q: string; d: string; v: string; n: number }>(
      em,
      sql`SELECT 'why? $1 ?' AS q, $$dollar ? quoted$$ AS d, ${"it's ? -- not a comment"}::text AS v, ${41}::int + 1 AS n`,
    );
    expect(r).toEqual({ q: 'why? $1 ?', d: 'dollar ? quoted', v: "it's ? -- not a comment", n: 42 });
  });

  it('passes JS arrays as array parameters, nulls included', async () => {
    const em = db.em();
    const ids = ['00000000-0000-4000-8000-000000000001', null, '00000000-0000-4000-8000-000000000002'];
    const r = await row<{ n: number; nulls: number; texts: string[] }>(
      em,
      sql`SELECT cardinality(${ids}::uuid[]) AS n, (SELECT count(*) FROM unnest(${ids}::uuid[]) u WHERE u IS NULL)::int AS nulls,
                 ${['a,b', '{c}', 'd"e', 'f\\g']}::text[] AS texts`,
    );
    expect(r).toEqual({ n: 3, nulls: 1, texts: ['a,b', '{c}', 'd"e', 'f\\g'] });
    const none = await row<{ n: number }>(em, sql`SELECT coalesce(cardinality(${[]}::uuid[]), 0) AS n`);
    expect(none?.n).toBe(0);
  });

  it('parses rows once: timestamptz as Date, date as its day, bigint as text; maps when asked', async () => {
    const em = db.em();
    const at = new Date('2026-11-22T21:40:00.123Z');
    const r = await row<{ at: Date; day: string; ats: Date[]; days: string[]; big: string; none: Date | null }>(
      em,
      sql`SELECT ${at}::timestamptz AS at, ${'2026-11-22'}::date AS day, ARRAY[${at}::timestamptz] AS ats,
                 ARRAY[${'2026-11-23'}::date] AS days, count(*) AS big, NULL::timestamptz AS none FROM (VALUES (1)) v`,
    );
    expect(r).toEqual({ at, day: '2026-11-22', ats: [at], days: ['2026-11-23'], big: '1', none: null });
    const mapped = await rows(em, sql`SELECT g AS n FROM generate_series(1, ${3}::int) g`, {
      map: (x: { n: number }) => x.n * 10,
    });
    expect(mapped).toEqual([10, 20, 30]);
  });

  it('runs a named statement as a prepared one, and refuses one name for two texts', async () => {
    const em = db.em();
    for (const n of [1, 2]) {
      expect(await row<{ n: number }>(em, sql`SELECT ${n}::int AS n`, { name: 'query_test_named' })).toEqual({ n });
    }
    await expect(row(em, sql`SELECT ${1}::int + 1 AS n`, { name: 'query_test_named' })).rejects.toThrow(
      /one name, one text/,
    );
  });

  it('plans a named statement generically, on a connection with plan_cache_mode=force_generic_plan', async () => {
    await db.orm.em.fork().transactional(async (tx) => {
      // Inside a transaction: one connection for every statement, so the server's list is its.
      const mode = await row<{ m: string }>(tx, sql`SELECT current_setting('plan_cache_mode') AS m`);
      expect(mode?.m).toBe('force_generic_plan');
      await row(tx, sql`SELECT ${1}::int AS n`, { name: 'query_test_generic' });
      const [stmt] = await rows<{ generic_plans: string }>(
        tx,
        sql`SELECT generic_plans FROM pg_prepared_statements WHERE name = 'query_test_generic'`,
      );
      expect(Number(stmt?.generic_plans)).toBeGreaterThanOrEqual(1);
    });
  });

  it('runs inside the EntityManager’s transaction: a rollback takes its writes back', async () => {
    const fork = db.orm.em.fork();
    const pid = async (e: typeof fork) => (await row<{ pid: number }>(e, sql`SELECT pg_backend_pid() AS pid`))!.pid;
    const person = '00000000-0000-4000-8000-0000000000aa';
    await expect(
      fork.transactional(async (tx) => {
        // The ORM and the query module share the transaction's connection.
        const [ormPid] = await tx.execute<{ pid: number }[]>('SELECT pg_backend_pid() AS pid');
        expect(await pid(tx)).toBe(ormPid!.pid);
        const touched = await run(
          tx,
          sql`INSERT INTO person (id, personnummer, given_name, family_name) VALUES (${person}, ${'191212121212'}, 'Tolvan', 'Tolvansson')`,
          { name: 'query_test_insert' },
        );
        expect(touched).toBe(1);
        expect(await row(tx, sql`SELECT id FROM person WHERE id = ${person}`)).toEqual({ id: person });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await row(db.em(), sql`SELECT id FROM person WHERE id = ${person}`)).toBeNull();
  });

  it('counts every statement it sends', async () => {
    const em = db.em();
    const counted = await countStatements(async () => {
      await row(em, sql`SELECT 1`);
      await row(em, sql`SELECT ${2}::int`, { name: 'query_test_count' });
      await em.transactional(async (tx) => row(tx, sql`SELECT 3`));
      return statementsSoFar();
    });
    // Two outside, and in the transaction: begin, the select, commit.
    expect(counted).toBe(5);
  });
});
