import { PERSONAS } from '@spindeln/demo-personas';
import { describe, expect, it } from 'vitest';
import { startApi } from './support/api';
import { useDatabase } from './support/database';
import { loadDemo } from './support/world';

const db = useDatabase();

const DECLINE = 'mutation($id: ID!) { declineConsent(consentId: $id) { consentId error { code rule } } }';
const WAITING = '{ viewer { consentsToAccept { consentId } } }';

/** A consent from Elsa to Karin (listed, no consent in the demo) that waits for Karin's acceptance. */
async function pendingForKarin(elsaId: string) {
  const [row] = await db.sql<{ id: string }>(
    `INSERT INTO consent (relative_link_id, scopes, secrecy_waiver, data_processing, given_via)
     SELECT l.id, '{VIEW_CONTACT}', true, true, 'PORTAL' FROM relative_link l JOIN person p ON p.id = l.person_id
      WHERE l.client_id = ? AND p.personnummer = ? RETURNING consent.id`,
    [elsaId, PERSONAS.karin.personnummer],
  );
  return row!.id;
}

describe('a relative declines a consent waiting for acceptance', () => {
  it('ends it as DECLINED by the relative, audited, and it no longer waits or gives access', async () => {
    const w = await loadDemo(db.em());
    const consentId = await pendingForKarin(w.clients.elsa.id);
    const api = await startApi(db.orm);
    try {
      const karin = PERSONAS.karin.personnummer;
      expect((await api.gql(WAITING, {}, karin)).data).toEqual({ viewer: { consentsToAccept: [{ consentId }] } });
      const res = await api.gql(DECLINE, { id: consentId }, karin);
      expect(res.data).toEqual({ declineConsent: { consentId, error: null } });
      expect((await api.gql(WAITING, {}, karin)).data).toEqual({ viewer: { consentsToAccept: [] } });
      const [row] = await db.sql<{ end_reason: string; ended_by_karin: boolean; accepted: boolean }>(
        `SELECT c.end_reason, c.ended_by = l.person_id AS ended_by_karin, c.relative_accepted_at IS NOT NULL AS accepted
           FROM consent c JOIN relative_link l ON l.id = c.relative_link_id WHERE c.id = ?`,
        [consentId],
      );
      expect(row).toEqual({ end_reason: 'DECLINED', ended_by_karin: true, accepted: false });
      const audit = await db.sql<{ action: string; outcome: string; client_id: string }>(
        `SELECT action, outcome, client_id FROM audit_event WHERE request_id = ?`,
        [res.headers.get('x-request-id')],
      );
      expect(audit).toEqual([{ action: 'consent.decline', outcome: 'ALLOWED', client_id: w.clients.elsa.id }]);
      // Declined: it cannot be accepted afterwards, nor declined twice; both look like "not found".
      const accept = await api.gql(
        'mutation($id: ID!) { acceptConsent(consentId: $id) { error { code } } }',
        { id: consentId },
        karin,
      );
      expect(accept.data).toEqual({ acceptConsent: { error: { code: 'NOT_FOUND' } } });
      expect((await api.gql(DECLINE, { id: consentId }, karin)).data).toEqual({
        declineConsent: { consentId: null, error: { code: 'NOT_FOUND', rule: expect.any(String) } },
      });
      // The client sees it in the history, and may grant again.
      const history = await api.gql<{ client: { consentHistory: { id: string; endReason: string }[] } }>(
        'query($id: ID!) { client(id: $id) { consentHistory { id endReason } } }',
        { id: w.clients.elsa.id },
        PERSONAS.elsa.personnummer,
      );
      expect(history.data?.client.consentHistory).toContainEqual({ id: consentId, endReason: 'DECLINED' });
    } finally {
      await api.stop();
    }
  });

  it('is refused for another person’s consent exactly as for an unknown id, and an accepted one is not declined', async () => {
    const w = await loadDemo(db.em());
    const consentId = await pendingForKarin(w.clients.elsa.id);
    const api = await startApi(db.orm);
    try {
      const denied = await api.gql(DECLINE, { id: consentId }, PERSONAS.maria.personnummer);
      const unknown = await api.gql(
        DECLINE,
        { id: '00000000-0000-4000-8000-000000000000' },
        PERSONAS.maria.personnummer,
      );
      expect(denied.data).toEqual(unknown.data);
      expect(denied.data).toEqual({
        declineConsent: { consentId: null, error: { code: 'NOT_FOUND', rule: expect.any(String) } },
      });
      expect(denied.headers.get('x-sql-statements')).toBe(unknown.headers.get('x-sql-statements'));
      const audit = await db.sql<{ action: string; outcome: string }>(
        `SELECT action, outcome FROM audit_event WHERE request_id = ?`,
        [denied.headers.get('x-request-id')],
      );
      expect(audit).toEqual([{ action: 'consent.decline', outcome: 'DENIED' }]);
      // Maria's own consent is accepted: it is Elsa's to end, not Maria's to decline.
      const [maria] = await db.sql<{ id: string }>(
        `SELECT c.id FROM consent c JOIN relative_link l ON l.id = c.relative_link_id JOIN person p ON p.id = l.person_id
          WHERE p.personnummer = ? AND c.ended_at IS NULL`,
        [PERSONAS.maria.personnummer],
      );
      const accepted = await api.gql(DECLINE, { id: maria!.id }, PERSONAS.maria.personnummer);
      expect(accepted.data).toEqual({
        declineConsent: { consentId: null, error: { code: 'RULE_VIOLATION', rule: 'consent_accepted' } },
      });
      // And the database holds the rule whoever writes.
      await expect(
        db.sql(`UPDATE consent SET ended_at = now(), end_reason = 'DECLINED' WHERE id = ?`, [maria!.id]),
      ).rejects.toThrow(/consent_declined_unaccepted/);
    } finally {
      await api.stop();
    }
  });
});
