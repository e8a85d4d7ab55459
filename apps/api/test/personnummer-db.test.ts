import { luhnCheckDigit, makeTestPersonnummer, parsePersonnummer } from '@spindeln/personnummer';
import { describe, expect, it } from 'vitest';
import { createPerson } from '../src/seed/factories';
import { useDatabase } from './support/database';

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
});
