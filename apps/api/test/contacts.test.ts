import { describe, expect, it } from 'vitest';
import { appointContact, endContact, recordAbsence } from '../src/modules/contacts/contacts.service';
import { assignContact, createStaff } from '../src/seed/factories';
import { tableCounts, useDatabase } from './support/database';
import { refused } from './support/refused';
import { loadDemo } from './support/world';

const db = useDatabase();

describe('contact assignment', () => {
  it('replaces the fixed contact, keeping the old row as history, with the audit event', async () => {
    const w = await loadDemo(db.em());
    const { lena, anna, sara } = w.staff;
    const elsa = w.clients.elsa;
    const replacement = await appointContact(db.em(), w.actor(lena), {
      clientId: elsa.id,
      staffId: sara.id,
      role: 'PRIMARY',
      validFrom: '2026-12-01',
      reason: 'Anna byter arbetslag',
    });
    const rows = await db.sql<{ staff_id: string; valid_from: string; valid_to: string | null }>(
      `SELECT staff_id, valid_from::text, valid_to::text FROM contact_assignment
        WHERE client_id = ? AND role = 'PRIMARY' ORDER BY valid_from`,
      [elsa.id],
    );
    expect(rows).toEqual([
      { staff_id: anna.id, valid_from: '2024-09-01', valid_to: '2026-12-01' },
      { staff_id: sara.id, valid_from: '2026-12-01', valid_to: null },
    ]);
    const audit = await db.sql(
      `SELECT actor_person_id, action, client_id, outcome FROM audit_event WHERE action = 'contact.appoint'`,
    );
    expect(audit).toEqual([
      { actor_person_id: lena.personId, action: 'contact.appoint', client_id: elsa.id, outcome: 'ALLOWED' },
    ]);
    expect(replacement.id).toBeTruthy();
  });

  it('refuses two active fixed contacts for one client in the database itself', async () => {
    const w = await loadDemo(db.em());
    const em = db.em();
    const error = await assignContact(em, {
      client: w.clients.gunnar,
      staff: w.staff.anna,
      role: 'PRIMARY',
      appointedBy: w.staff.lena,
      validFrom: '2025-06-01',
    }).catch((e: { constraint?: string }) => e);
    expect(error).toMatchObject({ constraint: 'contact_assignment_one_per_role' });
  });

  it('refuses a replacement that would overlap a later appointment, writing nothing', async () => {
    const w = await loadDemo(db.em());
    const { lena, anna, mohammed } = w.staff;
    const gunnar = w.clients.gunnar;
    await appointContact(db.em(), w.actor(lena), {
      clientId: gunnar.id,
      staffId: anna.id,
      role: 'PRIMARY',
      validFrom: '2027-01-01',
      reason: 'Planerat byte',
    });
    const before = await tableCounts(db.em());
    const e = await refused(
      appointContact(db.em(), w.actor(lena), {
        clientId: gunnar.id,
        staffId: mohammed.id,
        role: 'PRIMARY',
        validFrom: '2026-12-01',
        reason: 'x',
      }),
    );
    expect(e).toMatchObject({ field: 'role', rule: 'contact_assignment_one_per_role' });
    expect(await tableCounts(db.em())).toEqual(before);
  });

  it('refuses a vårdbiträde as fixed contact from 2023-07-01, but not as deputy or before then', async () => {
    const w = await loadDemo(db.em());
    const { lena, peter } = w.staff;
    const britt = w.clients.britt;
    const before = await tableCounts(db.em());
    const e = await refused(
      appointContact(db.em(), w.actor(lena), {
        clientId: britt.id,
        staffId: peter.id,
        role: 'PRIMARY',
        validFrom: '2023-07-01',
      }),
    );
    expect(e).toMatchObject({
      code: 'RULE_VIOLATION',
      field: 'staffId',
      rule: 'contact_assignment_primary_underskoterska',
    });
    expect(e.message).toMatch(/undersköterska/);
    expect(await tableCounts(db.em())).toEqual(before);
    // The rule is not retroactive: an appointment from before 2023-07-01 stands.
    await appointContact(db.em(), w.actor(lena), {
      clientId: britt.id,
      staffId: peter.id,
      role: 'PRIMARY',
      validFrom: '2023-06-30',
    });
    await appointContact(db.em(), w.actor(lena), {
      clientId: w.clients.elsa.id,
      staffId: peter.id,
      role: 'DEPUTY',
      validFrom: '2026-12-01',
      reason: 'Ny ersättare',
    });
  });

  it('refuses an undersköterska whose title was proven after the appointment day', async () => {
    const w = await loadDemo(db.em());
    const newcomer = await createStaff(db.em(), {
      unit: w.centrum.group,
      teams: [w.centrum.teams[0]!],
      givenName: 'Nils',
      familyName: 'Nyman',
      titleProvenOn: '2026-10-01',
    });
    const e = await refused(
      appointContact(db.em(), w.actor(w.staff.lena), {
        clientId: w.clients.britt.id,
        staffId: newcomer.id,
        role: 'PRIMARY',
        validFrom: '2026-09-01',
      }),
    );
    expect(e.rule).toBe('contact_assignment_primary_underskoterska');
    await appointContact(db.em(), w.actor(w.staff.lena), {
      clientId: w.clients.britt.id,
      staffId: newcomer.id,
      role: 'PRIMARY',
      validFrom: '2026-10-01',
    });
  });

  it('refuses the same person as fixed contact and deputy', async () => {
    const w = await loadDemo(db.em());
    const before = await tableCounts(db.em());
    const e = await refused(
      appointContact(db.em(), w.actor(w.staff.lena), {
        clientId: w.clients.elsa.id,
        staffId: w.staff.anna.id,
        role: 'DEPUTY',
        validFrom: '2026-12-01',
        reason: 'x',
      }),
    );
    expect(e).toMatchObject({ field: 'staffId', rule: 'contact_assignment_primary_not_deputy' });
    expect(await tableCounts(db.em())).toEqual(before);
  });

  it('requires a reason when someone is replaced, and refuses bad input naming the field', async () => {
    const w = await loadDemo(db.em());
    const lena = w.actor(w.staff.lena);
    const before = await tableCounts(db.em());
    const base = { clientId: w.clients.elsa.id, staffId: w.staff.sara.id, role: 'PRIMARY' as const };
    expect(await refused(appointContact(db.em(), lena, { ...base, validFrom: '2026-12-01' }))).toMatchObject({
      field: 'reason',
      rule: 'required',
    });
    expect(
      await refused(appointContact(db.em(), lena, { ...base, validFrom: '2026-02-30', reason: 'x' })),
    ).toMatchObject({ field: 'validFrom', rule: 'iso_date' });
    expect(await refused(appointContact(db.em(), lena, { ...base, role: 'BOSS' as never, reason: 'x' }))).toMatchObject(
      { field: 'role', rule: 'one_of' },
    );
    expect(await tableCounts(db.em())).toEqual(before);
  });

  it('denies a coordinator of another unit as if the client did not exist, and audits the denial', async () => {
    const w = await loadDemo(db.em());
    const before = await tableCounts(db.em());
    const other = await refused(
      appointContact(db.em(), w.actor(w.staff.olof), {
        clientId: w.clients.elsa.id,
        staffId: w.staff.sara.id,
        role: 'PRIMARY',
        reason: 'x',
      }),
    );
    const missing = await refused(
      appointContact(db.em(), w.actor(w.staff.olof), {
        clientId: '00000000-0000-4000-8000-000000000000',
        staffId: w.staff.sara.id,
        role: 'PRIMARY',
        reason: 'x',
      }),
    );
    expect(other.code).toBe('NOT_FOUND');
    expect({ ...other, stack: undefined }).toEqual({ ...missing, stack: undefined });
    expect(other.message).toBe(missing.message);
    expect(await tableCounts(db.em())).toEqual(before);
    const denied = await db.sql(
      `SELECT actor_person_id, client_id FROM audit_event WHERE outcome = 'DENIED' ORDER BY id`,
    );
    expect(denied).toEqual([
      { actor_person_id: w.staff.olof.personId, client_id: w.clients.elsa.id },
      { actor_person_id: w.staff.olof.personId, client_id: null },
    ]);
  });

  it('ends an assignment and records absences, refusing overlapping absences', async () => {
    const w = await loadDemo(db.em());
    const lena = w.actor(w.staff.lena);
    const [deputy] = await db.sql<{ id: string }>(
      `SELECT id FROM contact_assignment WHERE client_id = ? AND role = 'DEPUTY'`,
      [w.clients.elsa.id],
    );
    await endContact(db.em(), lena, { assignmentId: deputy!.id, validTo: '2026-12-24' });
    const [row] = await db.sql(`SELECT valid_to::text FROM contact_assignment WHERE id = ?`, [deputy!.id]);
    expect(row).toEqual({ valid_to: '2026-12-24' });

    await recordAbsence(db.em(), lena, {
      staffId: w.staff.anna.id,
      kind: 'VACATION',
      firstDay: '2027-07-01',
      lastDay: '2027-07-21',
    });
    const before = await tableCounts(db.em());
    const overlap = await refused(
      recordAbsence(db.em(), lena, { staffId: w.staff.anna.id, kind: 'SICK', firstDay: '2027-07-21', lastDay: null }),
    );
    expect(overlap).toMatchObject({ field: 'period', rule: 'staff_absence_no_overlap' });
    const backwards = await refused(
      recordAbsence(db.em(), lena, {
        staffId: w.staff.anna.id,
        kind: 'SICK',
        firstDay: '2027-08-05',
        lastDay: '2027-08-01',
      }),
    );
    expect(backwards).toMatchObject({ field: 'lastDay', rule: 'staff_absence_period_valid' });
    const otherUnit = await refused(
      recordAbsence(db.em(), w.actor(w.staff.olof), { staffId: w.staff.anna.id, kind: 'SICK', firstDay: '2027-09-01' }),
    );
    expect(otherUnit.code).toBe('NOT_FOUND');
    expect(await tableCounts(db.em())).toEqual(before);
  });

  it('never deletes or rewrites assignment history', async () => {
    const w = await loadDemo(db.em());
    await expect(db.sql(`DELETE FROM contact_assignment WHERE client_id = ?`, [w.clients.elsa.id])).rejects.toThrow(
      /history/,
    );
    await expect(
      db.sql(`UPDATE contact_assignment SET staff_id = ? WHERE client_id = ? AND role = 'PRIMARY'`, [
        w.staff.sara.id,
        w.clients.elsa.id,
      ]),
    ).rejects.toThrow(/history/);
  });
});
