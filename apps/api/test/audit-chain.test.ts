import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../src/config/env';
import { describeCheck, verifyAuditChain } from '../src/db/audit-verify';
import { ReadAuditLog } from '../src/modules/audit/read-audit';
import { appointContact, endContact } from '../src/modules/contacts/contacts.service';
import { freshDatabase, useDatabase } from './support/database';
import { loadDemo } from './support/world';

const db = useDatabase();
const run = promisify(execFile);

/** `npm run audit:verify` against the test's database, as a DATABASE_URL setup would run it. */
async function auditVerify(database: { url: string; ownerUrl: string }) {
  const result = await run('npm', ['run', '--silent', 'audit:verify'], {
    cwd: REPO_ROOT,
    env: { ...process.env, DATABASE_URL: database.url, MIGRATION_DATABASE_URL: database.ownerUrl, NODE_ENV: 'test' },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, out: `${stdout}${stderr}`.trim() }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: `${e.stdout}${e.stderr}`.trim() }),
  );
  return result;
}

async function connect(url: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  return c;
}

/** Writes audit rows the ways the API does: commands, a read audit, a denied attempt. */
async function writeSomeEvents() {
  const w = await loadDemo(db.em());
  const assignment = await appointContact(db.em(), w.actor(w.staff.lena), {
    clientId: w.clients.britt.id,
    staffId: w.staff.anna.id,
    role: 'PRIMARY',
  });
  await endContact(db.em(), w.actor(w.staff.lena), { assignmentId: assignment.id, validTo: '2027-03-01' });
  const reads = new ReadAuditLog(w.staff.lena.personId, 'req-reads');
  reads.record(w.clients.britt.id, 'VISIBLE', true);
  reads.record(w.clients.britt.id, 'VIEW_CONTACT', true);
  reads.record(null, 'CLIENT_ONLY', false);
  await reads.flush(db.em());
  await expect(
    endContact(db.em(), w.actor(w.staff.anna), { assignmentId: assignment.id, validTo: '2027-02-01' }),
  ).rejects.toBeTruthy();
  return w;
}

describe('the audit chain', () => {
  it('gets its time, position and hash from the database, whatever the INSERT says', async () => {
    await db.apiSql(
      `INSERT INTO audit_event (at, action, outcome, chain_position, hash) VALUES ('2001-01-01', 'test.backdated', 'ALLOWED', 99, '\\x00')`,
    );
    const rows = await db.sql(
      `SELECT at > now() - interval '1 minute' AS recent, chain_position::int AS position, length(hash) AS hash_length
         FROM audit_event WHERE action = 'test.backdated'`,
    );
    expect(rows).toEqual([{ recent: true, position: 1, hash_length: 32 }]);
  });

  it('verifies OK over rows the services wrote, then names the first edited row', async () => {
    await writeSomeEvents();
    const ok = await auditVerify(db);
    const [{ n }] = (await db.sql<{ n: number }>(`SELECT count(*)::int n FROM audit_event`)) as [{ n: number }];
    expect(n).toBeGreaterThanOrEqual(6);
    console.log(`npm run audit:verify (intact, exit ${ok.code}): ${ok.out}`);
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(new RegExp(`^audit chain OK: ${n} rows, head at position ${n}, hash [0-9a-f]{64}$`));

    // Someone with owner rights turns the append-only trigger off and rewrites the third row.
    const owner = await connect(db.ownerUrl);
    const [third] = (await owner.query(`SELECT id FROM audit_event WHERE chain_position = 3`)).rows;
    await owner.query(`BEGIN; ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete;
      UPDATE audit_event SET outcome = 'DENIED' WHERE chain_position = 3;
      UPDATE audit_event SET detail = '{"edited": true}' WHERE chain_position = 5;
      ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete; COMMIT`);
    await owner.end();
    const broken = await auditVerify(db);
    console.log(`npm run audit:verify (row 3 edited, exit ${broken.code}): ${broken.out}`);
    expect(broken.code).toBe(1);
    expect(broken.out).toMatch(
      new RegExp(
        `^audit chain BROKEN at position 3 \\(row id ${third.id}\\): hash differs: stored [0-9a-f]{64}, computed [0-9a-f]{64} from the row and the previous hash \\(${n} rows\\)$`,
      ),
    );
  });

  it('names the row after one deleted in the middle, and a chain cut short at the end', async () => {
    await writeSomeEvents();
    const owner = await connect(db.ownerUrl);
    expect(describeCheck(await verifyAuditChain(owner))).toMatch(/^audit chain OK/);
    const [fifth] = (await owner.query(`SELECT id FROM audit_event WHERE chain_position = 5`)).rows;
    await owner.query(`BEGIN; ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete;
      DELETE FROM audit_event WHERE chain_position = 4;
      ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete; COMMIT`);
    const gap = await verifyAuditChain(owner);
    console.log(`row 4 deleted: ${describeCheck(gap)}`);
    expect(gap).toMatchObject({
      ok: false,
      position: 4,
      id: fifth.id,
      problem: 'expected position 4, found 5: a row before it is missing',
    });
    await owner.end();

    // A fresh chain with its last row deleted: only the head knows.
    const other = await freshDatabase();
    try {
      const c = await connect(other.ownerUrl);
      await c.query(
        `INSERT INTO audit_event (action, outcome) SELECT 'test.' || i, 'ALLOWED' FROM generate_series(1, 3) i`,
      );
      await c.query(`BEGIN; ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update_delete;
        DELETE FROM audit_event WHERE chain_position = 3;
        ALTER TABLE audit_event ENABLE TRIGGER audit_event_no_update_delete; COMMIT`);
      const cut = await verifyAuditChain(c);
      console.log(`last row deleted: ${describeCheck(cut)}`);
      expect(cut).toMatchObject({ ok: false, position: 3, id: null });
      expect(describeCheck(cut)).toMatch(/the head is at position 3 .* but the last row is at 2/);
      await c.end();
    } finally {
      await other.drop();
    }
  });

  it('stays one unbroken chain under many concurrent inserting clients; what the chain costs', async () => {
    const CLIENTS = 16;
    const INSERTS = 150;
    // The same table without the chain's trigger, as the API's role writes it (default privileges).
    await db.sql(
      `CREATE TABLE audit_unchained (LIKE audit_event INCLUDING DEFAULTS INCLUDING IDENTITY INCLUDING INDEXES)`,
    );
    await db.sql(`ALTER TABLE audit_unchained ALTER chain_position DROP NOT NULL, ALTER hash DROP NOT NULL`);
    const clients = await Promise.all(Array.from({ length: CLIENTS }, () => connect(db.url)));
    // One short transaction per insert, as the read audit writes its rows.
    const insert = (table: string) =>
      `INSERT INTO ${table} (actor_person_id, action, client_id, outcome, request_id)
       VALUES (gen_random_uuid(), 'read.client', gen_random_uuid(), 'ALLOWED', 'req')`;
    const measure = async (table: string) => {
      const t0 = performance.now();
      await Promise.all(
        clients.map(async (c) => {
          for (let i = 0; i < INSERTS; i++) await c.query(insert(table));
        }),
      );
      return performance.now() - t0;
    };
    const owner = await connect(db.ownerUrl);
    let plain: number, chained: number, plain2: number, chained2: number;
    try {
      plain = await measure('audit_unchained');
      chained = await measure('audit_event');
      plain2 = await measure('audit_unchained');
      chained2 = await measure('audit_event');
    } finally {
      await Promise.all(clients.map((c) => c.end()));
    }
    const check = await verifyAuditChain(owner);
    await owner.end();
    const total = CLIENTS * INSERTS;
    expect(check).toMatchObject({ ok: true, rows: 2 * total });
    const per = (ms: number) => ((ms * 1000) / total).toFixed(0);
    const plainMs = Math.min(plain, plain2);
    const chainedMs = Math.min(chained, chained2);
    console.log(
      `${CLIENTS} concurrent clients x ${INSERTS} single-row insert transactions: ` +
        `without the chain ${plainMs.toFixed(0)} ms (${per(plainMs)} µs per insert, ${((total * 1000) / plainMs).toFixed(0)}/s), ` +
        `chained ${chainedMs.toFixed(0)} ms (${per(chainedMs)} µs per insert, ${((total * 1000) / chainedMs).toFixed(0)}/s); ` +
        `${describeCheck(check)}`,
    );
  });
});
