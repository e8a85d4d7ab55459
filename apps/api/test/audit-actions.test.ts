import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, WRITE_ACTIONS } from '../src/modules/audit/actions';
import { freshDatabase, unlistedAuditActions, useDatabase } from './support/database';

const db = useDatabase();
const SRC = path.join(import.meta.dirname, '../src');

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name));
}

describe('the one list of audit actions (modules/audit/actions.ts)', () => {
  it('holds each name once, and every write action is one the code writes', async () => {
    expect(new Set(AUDIT_ACTIONS).size).toBe(AUDIT_ACTIONS.length);
    const code = await Promise.all(
      (await sourceFiles(SRC))
        .filter((f) => !f.endsWith(path.join('audit', 'actions.ts')))
        .map((f) => readFile(f, 'utf8')),
    );
    const unused = WRITE_ACTIONS.filter((a) => !code.some((text) => text.includes(`'${a}'`)));
    expect(unused).toEqual([]);
    console.log(`audit actions: ${AUDIT_ACTIONS.length} (${WRITE_ACTIONS.length} writes)`);
  });

  it('catches an action name the list does not hold (checked after every test of the suite)', async () => {
    expect(await unlistedAuditActions(db.orm)).toEqual([]);
    // On a database of its own: the log is append-only, and the suite-wide check runs on this test's.
    const other = await freshDatabase();
    try {
      await other.orm.em
        .fork()
        .getConnection()
        .execute(`INSERT INTO audit_event (action, outcome) VALUES ('read.something_new', 'ALLOWED')`);
      expect(await unlistedAuditActions(other.orm)).toEqual(['read.something_new']);
    } finally {
      await other.drop();
    }
  });
});
