import { describe, expect, it } from 'vitest';
import { CONSTRAINT_RULES, DomainError, NOT_USER_REACHABLE, translateDatabaseError } from '../src/shared/errors';
import { useDatabase } from './support/database';

const db = useDatabase({ shared: true });

/**
 * Every named rule the database can report in an error's `constraint` field: CHECK, UNIQUE and
 * EXCLUDE constraints, unique indexes that are no constraint, and what triggers raise with
 * `CONSTRAINT = '…'` (or `TG_TABLE_NAME || '…'`, once per table whose trigger calls the function).
 */
async function databaseRules(): Promise<Map<string, string>> {
  const rules = new Map<string, string>();
  for (const c of await db.sql<{ name: string; kind: string }>(
    `SELECT conname AS name, contype AS kind FROM pg_constraint
      WHERE connamespace = 'public'::regnamespace AND contype IN ('c', 'u', 'x')`,
  )) {
    rules.set(c.name, { c: 'check', u: 'unique', x: 'exclusion' }[c.kind] ?? c.kind);
  }
  for (const i of await db.sql<{ name: string }>(
    `SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      WHERE c.relnamespace = 'public'::regnamespace AND i.indisunique AND NOT i.indisprimary
        AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
  )) {
    rules.set(i.name, 'unique index');
  }
  const functions = await db.sql<{ name: string; source: string; tables: string[] }>(
    `SELECT p.proname AS name, p.prosrc AS source,
            array_remove(array_agg(DISTINCT t.tgrelid::regclass::text), NULL) AS tables
       FROM pg_proc p LEFT JOIN pg_trigger t ON t.tgfoid = p.oid AND NOT t.tgisinternal
      WHERE p.pronamespace = 'public'::regnamespace GROUP BY p.proname, p.prosrc`,
  );
  for (const f of functions) {
    for (const m of f.source.matchAll(/CONSTRAINT\s*=\s*'([a-z0-9_]+)'/g)) rules.set(m[1]!, `raised by ${f.name}()`);
    for (const m of f.source.matchAll(/CONSTRAINT\s*=\s*TG_TABLE_NAME\s*\|\|\s*'([a-z0-9_]+)'/g)) {
      expect(f.tables.length, `${f.name}() names its rule after the table: it must run as a trigger`).toBeGreaterThan(
        0,
      );
      for (const table of f.tables) rules.set(`${table}${m[1]}`, `raised by ${f.name}()`);
    }
  }
  return rules;
}

describe('the error mapper and the database name the same rules', () => {
  it('every mapped rule is a real constraint, index or trigger-raised rule; every other one says why it is unmapped', async () => {
    const rules = await databaseRules();
    const mapped = Object.keys(CONSTRAINT_RULES);
    const unmapped = Object.keys(NOT_USER_REACHABLE);
    console.log(
      `named rules in the database: ${rules.size}; mapped to a user error: ${mapped.length}; listed as not user-reachable: ${unmapped.length}`,
    );
    const missing = mapped.filter((name) => !rules.has(name));
    const stale = unmapped.filter((name) => !rules.has(name));
    const both = mapped.filter((name) => name in NOT_USER_REACHABLE);
    const unaccounted = [...rules.keys()].filter(
      (name) => !(name in CONSTRAINT_RULES) && !(name in NOT_USER_REACHABLE),
    );
    for (const name of unaccounted) console.log(`  unaccounted: ${name} (${rules.get(name)})`);
    expect(missing, 'CONSTRAINT_RULES names a rule the database does not have').toEqual([]);
    expect(stale, 'NOT_USER_REACHABLE names a rule the database does not have').toEqual([]);
    expect(both, 'a rule is either mapped or unreachable').toEqual([]);
    expect(unaccounted, 'a database rule with neither a mapping nor a reason').toEqual([]);
    for (const [name, reason] of Object.entries(NOT_USER_REACHABLE)) expect(reason.length, name).toBeGreaterThan(10);
  });

  it('the rules read from the database include each kind (so the comparison cannot pass on nothing)', async () => {
    const rules = await databaseRules();
    expect(rules.get('person_personnummer_valid')).toBe('check');
    expect(rules.get('relative_link_unique')).toBe('unique');
    expect(rules.get('staff_absence_no_overlap')).toBe('exclusion');
    expect(rules.get('consent_one_current_per_relative')).toBe('unique index');
    expect(rules.get('contact_assignment_primary_underskoterska')).toBe('raised by contact_assignment_primary_check()');
    expect(rules.get('message_history_kept')).toBe('raised by only_columns_may_change()');
  });

  it('translates each mapped rule, and passes an unmapped one through as it is', () => {
    for (const [name, rule] of Object.entries(CONSTRAINT_RULES)) {
      expect(translateDatabaseError({ constraint: name })).toMatchObject(
        new DomainError(rule.code, rule.field, name, `${rule.field}: ${rule.message}`),
      );
    }
    const raw = { constraint: 'message_history_kept' };
    expect(translateDatabaseError(raw)).toBe(raw);
  });
});
