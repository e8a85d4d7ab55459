import { describe, expect, it } from 'vitest';
import { whoToContactNow } from '../src/modules/contacts/who-to-contact';
import { addAbsence, assignContact, createClient } from '../src/seed/factories';
import { useDatabase } from './support/database';
import { loadDemo } from './support/world';

const db = useDatabase();

/** Noon in Stockholm on a day, as an instant. */
const noon = (day: string) => new Date(`${day}T11:00:00Z`);
const TODAY = '2026-11-20';

async function setup() {
  const w = await loadDemo(db.em(), TODAY);
  const em = db.em();
  const { anna, mohammed, lena } = w.staff;
  const who = async (at: Date) => (await whoToContactNow(db.em(), [w.clients.elsa.id], at)).get(w.clients.elsa.id)!;
  return { w, em, anna, mohammed, lena, who };
}

describe('who to contact now', () => {
  it('is the fixed contact when they are at work', async () => {
    const { who, anna } = await setup();
    const answer = await who(noon(TODAY));
    expect(answer).toMatchObject({
      reason: 'PRIMARY_AVAILABLE',
      contact: { staffId: anna.id, role: 'PRIMARY', workMobile: '070-123 45 61' },
    });
  });

  it('is the deputy while the fixed contact is absent, with the last day of the absence', async () => {
    const { who, em, anna, mohammed, lena } = await setup();
    await addAbsence(em, {
      staff: anna,
      kind: 'VACATION',
      firstDay: '2026-12-01',
      lastDay: '2026-12-07',
      recordedBy: lena,
    });
    expect((await who(noon('2026-11-30'))).reason).toBe('PRIMARY_AVAILABLE');
    for (const day of ['2026-12-01', '2026-12-04', '2026-12-07']) {
      expect(await who(noon(day))).toMatchObject({
        reason: 'PRIMARY_ABSENT',
        contact: { staffId: mohammed.id, role: 'DEPUTY' },
        primaryAbsentUntil: '2026-12-07',
      });
    }
    expect((await who(noon('2026-12-08'))).reason).toBe('PRIMARY_AVAILABLE');
  });

  it('uses Swedish calendar days at the edges of an absence', async () => {
    const { who, em, anna, lena } = await setup();
    await addAbsence(em, { staff: anna, firstDay: '2026-12-01', lastDay: '2026-12-01', recordedBy: lena });
    // 23:30 UTC on 30 November is already 1 December in Stockholm (UTC+1 in winter).
    expect((await who(new Date('2026-11-30T22:59:00Z'))).reason).toBe('PRIMARY_AVAILABLE');
    expect((await who(new Date('2026-11-30T23:00:00Z'))).reason).toBe('PRIMARY_ABSENT');
    expect((await who(new Date('2026-12-01T22:59:59Z'))).reason).toBe('PRIMARY_ABSENT');
    expect((await who(new Date('2026-12-01T23:00:00Z'))).reason).toBe('PRIMARY_AVAILABLE');
  });

  it('is the team phone when both are absent, and says so', async () => {
    const { who, em, anna, mohammed, lena } = await setup();
    await addAbsence(em, { staff: anna, firstDay: '2026-12-01', lastDay: null, recordedBy: lena });
    await addAbsence(em, { staff: mohammed, firstDay: '2026-12-03', lastDay: '2026-12-04', recordedBy: lena });
    expect((await who(noon('2026-12-02'))).reason).toBe('PRIMARY_ABSENT');
    expect(await who(noon('2026-12-03'))).toMatchObject({
      reason: 'CONTACTS_ABSENT',
      contact: null,
      teamPhone: '08-123 450 10',
      primaryAbsentUntil: null,
    });
    expect((await who(noon('2026-12-05'))).reason).toBe('PRIMARY_ABSENT');
  });

  it('follows the assignment period: the last day holds, valid_to does not', async () => {
    const { w, em, lena } = await setup();
    const client = await createClient(em, { team: w.centrum.teams[1]!, givenName: 'Stig', familyName: 'Ström' });
    const who = async (day: string) => (await whoToContactNow(db.em(), [client.id], noon(day))).get(client.id)!;
    await assignContact(em, {
      client,
      staff: w.staff.anna,
      role: 'PRIMARY',
      appointedBy: lena,
      validFrom: '2026-12-01',
      validTo: '2026-12-10',
    });
    await assignContact(em, {
      client,
      staff: w.staff.peter,
      role: 'DEPUTY',
      appointedBy: lena,
      validFrom: '2026-12-05',
    });
    // Arbetslag Söder has no phone of its own: the group's phone is the team's phone list.
    expect(await who('2026-11-30')).toMatchObject({ reason: 'NO_CONTACT_APPOINTED', teamPhone: '08-123 450 00' });
    expect(await who('2026-12-01')).toMatchObject({ reason: 'PRIMARY_AVAILABLE' });
    expect(await who('2026-12-09')).toMatchObject({ reason: 'PRIMARY_AVAILABLE' });
    expect(await who('2026-12-10')).toMatchObject({ reason: 'NO_PRIMARY', contact: { staffId: w.staff.peter.id } });
  });

  it('answers for many clients in one statement, including the demo client whose contact is off sick', async () => {
    const { w } = await setup();
    const ids = Object.values(w.clients).map((c) => c.id);
    const answers = await whoToContactNow(db.em(), ids, noon(TODAY));
    expect(answers.size).toBe(ids.length);
    expect(answers.get(w.clients.gunnar.id)).toMatchObject({
      reason: 'PRIMARY_ABSENT',
      contact: { staffId: w.staff.peter.id },
    });
    expect(answers.get(w.clients.britt.id)).toMatchObject({ reason: 'NO_CONTACT_APPOINTED', contact: null });
    expect(answers.get(w.clients.ingrid.id)).toMatchObject({ reason: 'PRIMARY_AVAILABLE', teamPhone: '08-123 460 10' });
    expect(await whoToContactNow(db.em(), [], noon(TODAY))).toEqual(new Map());
  });
});
