import { describe, expect, it } from 'vitest';
import { useDatabase } from './support/database';
import { loadDemo } from './support/world';

const db = useDatabase();

/** As the API's role: the refusal's constraint name, or null when the statement went through. */
async function asApi(statement: string, params: unknown[] = []): Promise<string | null> {
  return db.apiSql(statement, params).then(
    () => null,
    (e: { constraint?: string; message: string }) => e.constraint ?? e.message,
  );
}

describe('the end of a history row, once set, never changes (as the API role)', () => {
  it('a revoked consent cannot be un-revoked, re-dated or re-attributed; an acceptance stays', async () => {
    await loadDemo(db.em());
    const [current] = await db.sql<{ id: string; relative_accepted_at: string | null }>(
      `SELECT id, relative_accepted_at FROM consent WHERE ended_at IS NULL AND relative_accepted_at IS NOT NULL LIMIT 1`,
    );
    expect(current).toBeDefined();
    // An acceptance, once given, is not moved or taken back.
    expect(await asApi(`UPDATE consent SET relative_accepted_at = NULL WHERE id = ?`, [current!.id])).toBe(
      'consent_end_kept',
    );
    expect(await asApi(`UPDATE consent SET relative_accepted_at = now() WHERE id = ?`, [current!.id])).toBe(
      'consent_end_kept',
    );
    // Revoking, as revokeConsent writes it, is allowed once.
    expect(
      await asApi(
        `UPDATE consent SET ended_at = now(), end_reason = 'REVOKED', ended_by = (SELECT c.person_id
           FROM relative_link l JOIN client c ON c.id = l.client_id WHERE l.id = consent.relative_link_id) WHERE id = ?`,
        [current!.id],
      ),
    ).toBeNull();
    for (const change of [
      `ended_at = NULL, ended_by = NULL, end_reason = NULL`,
      `ended_at = NULL, end_reason = NULL`,
      `ended_at = ended_at - interval '1 day'`,
      `end_reason = 'CHANGED'`,
      `ended_by = NULL`,
      `relative_accepted_at = NULL`,
    ]) {
      expect({ change, refused: await asApi(`UPDATE consent SET ${change} WHERE id = ?`, [current!.id]) }).toEqual({
        change,
        refused: 'consent_end_kept',
      });
    }
    const [after] = await db.sql(`SELECT ended_at IS NOT NULL AS ended, end_reason FROM consent WHERE id = ?`, [
      current!.id,
    ]);
    expect(after).toEqual({ ended: true, end_reason: 'REVOKED' });
  });

  it('an ended assignment stays ended: valid_to never cleared or moved later, ended_by never cleared', async () => {
    const w = await loadDemo(db.em());
    const [a] = await db.sql<{ id: string }>(`SELECT id FROM contact_assignment WHERE valid_to IS NULL LIMIT 1`);
    const coordinator = w.staff.lena.id;
    expect(
      await asApi(`UPDATE contact_assignment SET valid_to = '2027-06-01', ended_by = ? WHERE id = ?`, [
        coordinator,
        a!.id,
      ]),
    ).toBeNull();
    // Ending earlier than planned is what endContact does with a later end; allowed.
    expect(await asApi(`UPDATE contact_assignment SET valid_to = '2027-05-01' WHERE id = ?`, [a!.id])).toBeNull();
    for (const change of [
      `valid_to = NULL`,
      `valid_to = NULL, ended_by = NULL`,
      `valid_to = '2027-05-02'`,
      `ended_by = NULL`,
    ]) {
      expect({ change, refused: await asApi(`UPDATE contact_assignment SET ${change} WHERE id = ?`, [a!.id]) }).toEqual(
        {
          change,
          refused: 'contact_assignment_end_kept',
        },
      );
    }
  });

  it('a handled message never goes back to NEW', async () => {
    const w = await loadDemo(db.em());
    const [m] = await db.sql<{ id: string }>(
      `SELECT id FROM message WHERE author_role <> 'STAFF' AND state = 'NEW' LIMIT 1`,
    );
    expect(m).toBeDefined();
    expect(
      await asApi(`UPDATE message SET state = 'READ', handled_by = ?, handled_at = now() WHERE id = ?`, [
        w.staff.anna.id,
        m!.id,
      ]),
    ).toBeNull();
    expect(await asApi(`UPDATE message SET state = 'ANSWERED', handled_at = now() WHERE id = ?`, [m!.id])).toBeNull();
    for (const change of [
      `state = 'NEW', handled_by = NULL, handled_at = NULL`,
      `state = NULL, handled_by = NULL, handled_at = NULL`,
    ]) {
      expect({ change, refused: await asApi(`UPDATE message SET ${change} WHERE id = ?`, [m!.id]) }).toEqual({
        change,
        refused: 'message_end_kept',
      });
    }
  });
});
