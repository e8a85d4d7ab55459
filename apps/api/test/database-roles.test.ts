import { ROLES } from '@spindeln/dev-postgres';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useDatabase } from './support/database';
import { loadDemo } from './support/world';

const db = useDatabase();

/** The error a statement ends with, as the API's role, each in its own connection state. */
let api: pg.Client;
async function refusal(statement: string): Promise<{ code: string; message: string }> {
  const outcome = await api.query(statement).then(
    () => null,
    (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
  );
  if (!outcome) throw new Error(`the API's role was allowed: ${statement}`);
  return outcome;
}

describe("the API's database role", () => {
  beforeEach(async () => {
    await loadDemo(db.em());
    api = new pg.Client({ connectionString: db.url });
    await api.connect();
  });
  afterEach(async () => {
    await api.end();
  });

  it('is what the API under test connects as: not a superuser, owning nothing, no member of the owner', async () => {
    expect(await db.apiSql(`SELECT current_user AS u`)).toEqual([{ u: ROLES.api.name }]);
    const [me] = await db.sql<Record<string, boolean>>(
      `SELECT rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls,
              pg_has_role(?, ?, 'MEMBER') AS member_of_owner,
              EXISTS (SELECT 1 FROM pg_class WHERE relowner = ?::regrole) AS owns_relations,
              EXISTS (SELECT 1 FROM pg_proc WHERE proowner = ?::regrole) AS owns_functions,
              has_database_privilege(?, current_database(), 'CREATE') AS create_schema,
              has_database_privilege(?, current_database(), 'TEMP') AS temp_tables,
              has_schema_privilege(?, 'public', 'CREATE') AS create_in_public
         FROM pg_roles WHERE rolname = ?`,
      [
        ROLES.api.name,
        ROLES.owner.name,
        ROLES.api.name,
        ROLES.api.name,
        ROLES.api.name,
        ROLES.api.name,
        ROLES.api.name,
        ROLES.api.name,
      ],
    );
    expect(me).toEqual({
      rolsuper: false,
      rolcreaterole: false,
      rolcreatedb: false,
      rolreplication: false,
      rolbypassrls: false,
      member_of_owner: false,
      owns_relations: false,
      owns_functions: false,
      create_schema: false,
      temp_tables: false,
      create_in_public: false,
    });
  });

  it('has INSERT and SELECT alone on the audit log, ordinary rights elsewhere, never DELETE or TRUNCATE', async () => {
    const rows = await db.sql<{ table: string; rights: string }>(
      `SELECT c.relname AS table,
              concat_ws(',', CASE WHEN has_table_privilege(?, c.oid, 'SELECT') THEN 'SELECT' END,
                CASE WHEN has_table_privilege(?, c.oid, 'INSERT') THEN 'INSERT' END,
                CASE WHEN has_table_privilege(?, c.oid, 'UPDATE') THEN 'UPDATE' END,
                CASE WHEN has_table_privilege(?, c.oid, 'DELETE') THEN 'DELETE' END,
                CASE WHEN has_table_privilege(?, c.oid, 'TRUNCATE') THEN 'TRUNCATE' END,
                CASE WHEN has_table_privilege(?, c.oid, 'REFERENCES') THEN 'REFERENCES' END,
                CASE WHEN has_table_privilege(?, c.oid, 'TRIGGER') THEN 'TRIGGER' END,
                CASE WHEN has_table_privilege(?, c.oid, 'MAINTAIN') THEN 'MAINTAIN' END) AS rights
         FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') ORDER BY 1`,
      Array(8).fill(ROLES.api.name),
    );
    const rights = Object.fromEntries(rows.map((r) => [r.table, r.rights]));
    console.log(`spindeln_api's rights per table: ${JSON.stringify(rights)}`);
    expect(rights.audit_event).toBe('SELECT,INSERT');
    expect(rights.audit_chain_head).toBe('');
    expect(rights.mikro_orm_migrations).toBe('SELECT');
    // Rate-limit counters: the API sweeps windows that have passed.
    expect(rights.request_rate).toBe('SELECT,INSERT,UPDATE,DELETE');
    for (const [table, r] of Object.entries(rights)) {
      if (['audit_event', 'audit_chain_head', 'mikro_orm_migrations', 'request_rate'].includes(table)) continue;
      expect({ table, r }).toEqual({ table, r: 'SELECT,INSERT,UPDATE' });
    }
  });

  it('gives a table a later migration adds the ordinary rights by default, and nothing more', async () => {
    await db.sql(`CREATE TABLE later_table (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)`);
    await api.query(`INSERT INTO later_table (note) VALUES ('a')`);
    await api.query(`UPDATE later_table SET note = 'b'`);
    expect((await api.query(`SELECT note FROM later_table`)).rows).toEqual([{ note: 'b' }]);
    expect((await refusal(`DELETE FROM later_table`)).code).toBe('42501');
    expect((await refusal(`TRUNCATE later_table`)).code).toBe('42501');
    expect((await refusal(`DROP TABLE later_table`)).code).toBe('42501');
  });

  it('cannot get around the append-only audit log by any of the routes a superuser had', async () => {
    const before = await db.sql<{ n: number }>(`SELECT count(*)::int n FROM audit_event`);
    await api.query(`INSERT INTO audit_event (action, outcome) VALUES ('test.route', 'ALLOWED')`);
    const routes: Record<string, string[]> = {
      'DISABLE TRIGGER then DELETE': [
        `ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete`,
        `ALTER TABLE audit_event DISABLE TRIGGER ALL`,
        `DELETE FROM audit_event`,
      ],
      'session_replication_role = replica': [
        `SET session_replication_role = replica`,
        `SET LOCAL session_replication_role = replica`,
        `SELECT set_config('session_replication_role', 'replica', false)`,
      ],
      'DROP TRIGGER': [
        `DROP TRIGGER audit_event_no_update_delete ON audit_event`,
        `DROP TRIGGER audit_event_no_truncate ON audit_event`,
        `DROP TRIGGER zz_audit_event_chain ON audit_event`,
      ],
      'TRUNCATE after disabling triggers': [`ALTER TABLE audit_event DISABLE TRIGGER USER`, `TRUNCATE audit_event`],
      'replacing the trigger function': [
        `CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN OLD; END $$`,
        `CREATE OR REPLACE FUNCTION audit_event_chain() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
        `ALTER FUNCTION audit_event_append_only() RENAME TO gone`,
        `DROP FUNCTION audit_event_append_only() CASCADE`,
      ],
      'DROP TABLE': [
        `DROP TABLE audit_event`,
        `DROP TABLE audit_event CASCADE`,
        `ALTER TABLE audit_event RENAME TO gone`,
      ],
      'UPDATE or DELETE of a row': [
        `UPDATE audit_event SET outcome = 'DENIED'`,
        `DELETE FROM audit_event WHERE action = 'test.route'`,
        `UPDATE audit_chain_head SET position = 0`,
      ],
      'taking the owner role': [`SET ROLE ${ROLES.owner.name}`, `SET SESSION AUTHORIZATION ${ROLES.owner.name}`],
      'creating objects': [
        `CREATE TABLE sneaky (id int)`,
        `CREATE TEMP TABLE audit_event (id int)`,
        `CREATE SCHEMA sneaky`,
        `CREATE FUNCTION public.sneaky() RETURNS int LANGUAGE sql AS 'SELECT 1'`,
      ],
    };
    const tables = (
      await db.sql<{ t: string }>(`SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1`)
    ).map((r) => r.t);
    routes['ALTER of any table'] = tables.map((t) => `ALTER TABLE ${t} ADD COLUMN sneaky int`);
    routes['DROP of any table'] = tables.map((t) => `DROP TABLE ${t} CASCADE`);
    routes['DELETE or TRUNCATE of any table'] = tables.flatMap((t) =>
      t === 'request_rate' ? [`TRUNCATE ${t}`] : [`DELETE FROM ${t}`, `TRUNCATE ${t} CASCADE`],
    );

    const seen: string[] = [];
    let tried = 0;
    for (const [route, statements] of Object.entries(routes)) {
      for (const statement of statements) {
        const e = await refusal(statement);
        tried++;
        // 42501 insufficient_privilege: refused for want of the right, not by a trigger the role could have removed.
        expect({ statement, code: e.code }).toEqual({ statement, code: '42501' });
        if (statement === statements[0]) seen.push(`${route}: ${e.message}`);
      }
    }
    console.log(`${tried} statements as ${ROLES.api.name}, all refused (42501):\n  ${seen.join('\n  ')}`);
    const after = await db.sql<{ n: number }>(`SELECT count(*)::int n FROM audit_event`);
    expect(after[0]!.n).toBe(before[0]!.n + 1);
    expect(
      await db.sql(
        `SELECT tgname FROM pg_trigger WHERE tgrelid = 'audit_event'::regclass AND tgenabled = 'O' ORDER BY 1`,
      ),
    ).toEqual([
      { tgname: 'audit_event_no_truncate' },
      { tgname: 'audit_event_no_update_delete' },
      { tgname: 'zz_audit_event_chain' },
    ]);
  });
});
