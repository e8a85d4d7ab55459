import { describe, expect, it } from 'vitest';
import { appointContact } from '../src/modules/contacts/contacts.service';
import { useDatabase } from './support/database';
import { refused } from './support/refused';
import { loadDemo } from './support/world';

const db = useDatabase();

describe('audit log', () => {
  it('is append-only: the database rejects UPDATE, DELETE and TRUNCATE', async () => {
    const w = await loadDemo(db.em());
    await appointContact(db.em(), w.actor(w.staff.lena), {
      clientId: w.clients.britt.id,
      staffId: w.staff.anna.id,
      role: 'PRIMARY',
    });
    const [event] = await db.sql<{ id: string }>(`SELECT id FROM audit_event LIMIT 1`);
    await expect(db.sql(`UPDATE audit_event SET outcome = 'DENIED' WHERE id = ?`, [event!.id])).rejects.toMatchObject({
      constraint: 'audit_event_append_only',
    });
    await expect(db.sql(`DELETE FROM audit_event WHERE id = ?`, [event!.id])).rejects.toMatchObject({
      constraint: 'audit_event_append_only',
    });
    await expect(db.sql(`TRUNCATE audit_event`)).rejects.toThrow(/append-only/);
    expect(await db.sql(`SELECT count(*)::int n FROM audit_event`)).toEqual([{ n: 1 }]);
  });

  it('is written in the same transaction as the change: a refused change leaves no ALLOWED event', async () => {
    const w = await loadDemo(db.em());
    await refused(
      appointContact(db.em(), w.actor(w.staff.lena), {
        clientId: w.clients.britt.id,
        staffId: w.staff.peter.id,
        role: 'PRIMARY',
      }),
    );
    expect(await db.sql(`SELECT count(*)::int n FROM audit_event`)).toEqual([{ n: 0 }]);
    const e = await appointContact(
      db.em(),
      { ...w.actor(w.staff.lena), requestId: 'req-123' },
      { clientId: w.clients.britt.id, staffId: w.staff.anna.id, role: 'PRIMARY' },
    );
    expect(
      await db.sql(`SELECT action, outcome, request_id, client_id, detail->>'staffId' staff FROM audit_event`),
    ).toEqual([
      {
        action: 'contact.appoint',
        outcome: 'ALLOWED',
        request_id: 'req-123',
        client_id: w.clients.britt.id,
        staff: w.staff.anna.id,
      },
    ]);
    expect(e.id).toBeTruthy();
  });
});
