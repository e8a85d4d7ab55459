import { PERSONAS } from '@spindeln/demo-personas';
import { describe, expect, it } from 'vitest';
import { startApi } from './support/api';
import { useDatabase } from './support/database';
import { loadDemo } from './support/world';

const db = useDatabase();

const QUERY = '{ viewer { unitStaff { staffId givenName familyName title } } }';

describe('viewer.unitStaff: the staff a coordinator appoints from', () => {
  it('lists the coordinator’s own unit only, audited as a read', async () => {
    const w = await loadDemo(db.em());
    const api = await startApi(db.orm);
    try {
      const res = await api.gql<{ viewer: { unitStaff: { staffId: string; givenName: string; title: string }[] } }>(
        QUERY,
        {},
        PERSONAS.lena.personnummer,
      );
      expect(res.errors).toBeUndefined();
      const staff = res.data!.viewer.unitStaff;
      const ids = staff.map((s) => s.staffId);
      for (const s of [w.staff.anna, w.staff.mohammed, w.staff.sara, w.staff.peter]) expect(ids).toContain(s.id);
      // Fatima works in Väster: not Lena's unit.
      expect(ids).not.toContain(w.staff.fatima.id);
      expect(staff.find((s) => s.staffId === w.staff.peter.id)).toMatchObject({
        givenName: 'Peter',
        title: 'VARDBITRADE',
      });
      const olof = await api.gql<{ viewer: { unitStaff: { staffId: string }[] } }>(
        QUERY,
        {},
        PERSONAS.olof.personnummer,
      );
      expect(olof.data!.viewer.unitStaff.map((s) => s.staffId)).toContain(w.staff.fatima.id);
      expect(olof.data!.viewer.unitStaff.map((s) => s.staffId)).not.toContain(w.staff.anna.id);
      const audit = await db.sql<{ action: string; outcome: string }>(
        `SELECT action, outcome FROM audit_event WHERE request_id = ?`,
        [res.headers.get('x-request-id')],
      );
      expect(audit).toEqual([{ action: 'read.unit_staff', outcome: 'ALLOWED' }]);
    } finally {
      await api.stop();
    }
  });

  it('is denied to care staff, clients and relatives: null, FORBIDDEN, a DENIED read', async () => {
    await loadDemo(db.em());
    const api = await startApi(db.orm);
    try {
      for (const persona of ['anna', 'elsa', 'maria'] as const) {
        const res = await api.gql(QUERY, {}, PERSONAS[persona].personnummer);
        expect(res.data, persona).toEqual({ viewer: { unitStaff: null } });
        expect(
          res.errors?.map((e) => e.extensions?.code),
          persona,
        ).toEqual(['FORBIDDEN']);
        const audit = await db.sql<{ action: string; outcome: string }>(
          `SELECT action, outcome FROM audit_event WHERE request_id = ?`,
          [res.headers.get('x-request-id')],
        );
        expect(audit, persona).toEqual([{ action: 'read.unit_staff', outcome: 'DENIED' }]);
      }
    } finally {
      await api.stop();
    }
  });
});
