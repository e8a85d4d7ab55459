import { luhnCheckDigit, makeTestPersonnummer, parsePersonnummer } from '@spindeln/personnummer';
import { describe, expect, it } from 'vitest';
import { addRelative } from '../src/modules/relatives/consent.service';
import { createPerson } from '../src/seed/factories';
import { useDatabase } from './support/database';
import { refused } from './support/refused';
import { loadDemo } from './support/world';

const db = useDatabase();

describe('personnummer in the database', () => {
  it('rejects a bad date and a bad check digit, and accepts a samordningsnummer', async () => {
    const badDate = `19450230123${luhnCheckDigit('450230123')}`;
    await expect(
      createPerson(db.em(), { givenName: 'A', familyName: 'B', personnummer: badDate }),
    ).rejects.toMatchObject({ constraint: 'person_personnummer_valid' });
    await expect(
      createPerson(db.em(), { givenName: 'A', familyName: 'B', personnummer: '191212121213' }),
    ).rejects.toMatchObject({ constraint: 'person_personnummer_valid' });
    await expect(
      createPerson(db.em(), { givenName: 'A', familyName: 'B', personnummer: '19121212-1212' }),
    ).rejects.toMatchObject({ constraint: 'person_personnummer_valid' });
    const samordning = makeTestPersonnummer('1990-05-04', 235, 'samordningsnummer');
    await createPerson(db.em(), { givenName: 'Sam', familyName: 'Ordning', personnummer: samordning });
    await expect(
      createPerson(db.em(), { givenName: 'Sam', familyName: 'Igen', personnummer: samordning }),
    ).rejects.toMatchObject({ constraint: 'person_personnummer_unique' });
  });

  it('agrees with the TypeScript validator on thousands of numbers', async () => {
    const numbers: string[] = [];
    let x = 12345;
    for (let i = 0; i < 3000; i++) {
      x = (x * 1103515245 + 12345) % 2 ** 31;
      const y = 1880 + (x % 140);
      const m = 1 + ((x >> 8) % 13);
      const d = 1 + ((x >> 12) % 92);
      numbers.push(
        `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}${String(x % 10000).padStart(4, '0')}`,
      );
    }
    const rows = await db.sql<{ pnr: string; ok: boolean }>(
      `SELECT pnr, is_valid_personnummer(pnr) ok FROM unnest(?::text[]) pnr`,
      [`{${numbers.join(',')}}`],
    );
    const disagreements = rows.filter((r) => r.ok !== parsePersonnummer(r.pnr).ok);
    expect(disagreements).toEqual([]);
    expect(rows.filter((r) => r.ok).length).toBeGreaterThan(100);
  });

  it('refuses a birth date in the future, in the service and in the database check', async () => {
    const w = await loadDemo(db.em());
    const stockholmToday = (
      await db.sql<{ d: string }>(`SELECT ((now() AT TIME ZONE 'Europe/Stockholm')::date)::text AS d`)
    )[0]!.d;
    const plusDays = (n: number) =>
      new Date(Date.parse(`${stockholmToday}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const future = makeTestPersonnummer('2027-01-15', 123);
    const tomorrow = makeTestPersonnummer(plusDays(1), 456);
    const samordning = makeTestPersonnummer(plusDays(30), 235, 'samordningsnummer');
    const today = makeTestPersonnummer(stockholmToday, 782);
    const rows = await db.sql<{ pnr: string; ok: boolean }>(
      `SELECT pnr, is_valid_personnummer(pnr) ok FROM unnest(?::text[]) pnr`,
      [`{${[future, tomorrow, samordning, today].join(',')}}`],
    );
    expect(rows.map((r) => r.ok)).toEqual([false, false, false, true]);
    for (const r of rows) expect(parsePersonnummer(r.pnr).ok).toBe(r.ok);

    // The service path: a relative with a future birth date, 12 digits or 10.
    const base = {
      clientId: w.clients.elsa.id,
      givenName: 'Framtida',
      familyName: 'Person',
      relationship: 'CHILD' as const,
    };
    const elsa = w.clients.elsa;
    for (const personnummer of [`${future.slice(0, 8)}-${future.slice(8)}`, future, tomorrow, samordning]) {
      expect(await refused(addRelative(db.em(), w.actor(elsa), { ...base, personnummer }))).toMatchObject({
        field: 'personnummer',
        rule: 'future',
      });
    }
    // 261231-…: with `-` the latest century not in the future, so never a date after today.
    const short = makeTestPersonnummer('1926-12-31', 123).slice(2);
    const link = await addRelative(db.em(), w.actor(elsa), {
      ...base,
      personnummer: `${short.slice(0, 6)}-${short.slice(6)}`,
    });
    const [stored] = await db.sql<{ personnummer: string }>(
      `SELECT p.personnummer FROM relative_link l JOIN person p ON p.id = l.person_id WHERE l.id = ?`,
      [link.id],
    );
    expect(stored!.personnummer).toBe(`19${short}`);

    // The database refuses what a service might let through.
    await expect(
      createPerson(db.em(), { givenName: 'A', familyName: 'B', personnummer: future }),
    ).rejects.toMatchObject({ constraint: 'person_personnummer_valid' });
    await expect(
      createPerson(db.em(), { givenName: 'A', familyName: 'B', personnummer: samordning }),
    ).rejects.toMatchObject({ constraint: 'person_personnummer_valid' });
  });
});
