import { describe, expect, it } from 'vitest';
import { formatPersonnummer, luhnCheckDigit, makeTestPersonnummer, parsePersonnummer } from '../src/index';

describe('parsePersonnummer', () => {
  it('accepts the 12-digit form with and without a dash', () => {
    expect(parsePersonnummer('191212121212')).toMatchObject({ ok: true, value: '191212121212' });
    expect(parsePersonnummer('19121212-1212')).toMatchObject({ ok: true, value: '191212121212' });
  });

  it('gives the 10-digit form its century, with + for 100 years or older', () => {
    const today = new Date(Date.UTC(2026, 10, 22));
    expect(parsePersonnummer('121212-1212', today)).toMatchObject({ value: '201212121212' });
    expect(parsePersonnummer('121212+1212', today)).toMatchObject({ value: '191212121212' });
  });

  it('refuses a bad check digit', () => {
    expect(parsePersonnummer('191212121213')).toMatchObject({ ok: false, error: 'checksum' });
  });

  it('refuses dates that do not exist', () => {
    for (const bad of ['19450230', '19451301', '19450000', '20230229']) {
      const first11 = `${bad}123`;
      const n = `${first11}${luhnCheckDigit(first11.slice(2))}`;
      expect(parsePersonnummer(n)).toMatchObject({ ok: false, error: 'date' });
    }
    const leap = makeTestPersonnummer('2024-02-29', 123);
    expect(parsePersonnummer(leap)).toMatchObject({ ok: true, birthDate: '2024-02-29' });
  });

  it('refuses wrong shapes', () => {
    for (const bad of ['', 'abc', '19121212121', '1912121212123', '19121212_1212', '19121212 1212']) {
      expect(parsePersonnummer(bad)).toMatchObject({ ok: false, error: 'format' });
    }
  });

  it('accepts samordningsnummer (day + 60)', () => {
    const n = makeTestPersonnummer('1990-05-04', 235, 'samordningsnummer');
    expect(n.slice(6, 8)).toBe('64');
    expect(parsePersonnummer(n)).toMatchObject({
      ok: true,
      kind: 'samordningsnummer',
      birthDate: '1990-05-04',
    });
  });

  describe('a birth date in the future', () => {
    // 2026-12-01 at 10:00 in Sweden.
    const today = new Date(Date.UTC(2026, 11, 1, 9));

    it('is refused in the 12-digit form, samordningsnummer included', () => {
      const future = makeTestPersonnummer('2027-01-15', 123);
      expect(parsePersonnummer(future, new Date(Date.UTC(2027, 5, 1)))).toMatchObject({ ok: true });
      expect(parsePersonnummer(future, today)).toMatchObject({ ok: false, error: 'future' });
      expect(parsePersonnummer(`${future.slice(0, 8)}-${future.slice(8)}`, today)).toMatchObject({ error: 'future' });
      const tomorrow = makeTestPersonnummer('2026-12-02', 456);
      expect(parsePersonnummer(tomorrow, today)).toMatchObject({ ok: false, error: 'future' });
      const samordning = makeTestPersonnummer('2026-12-31', 235, 'samordningsnummer');
      expect(parsePersonnummer(samordning, today)).toMatchObject({ ok: false, error: 'future' });
      // Born today is fine.
      expect(parsePersonnummer(makeTestPersonnummer('2026-12-01', 456), today)).toMatchObject({ ok: true });
    });

    it('is judged by the date in Sweden, not in UTC', () => {
      const born = makeTestPersonnummer('2027-01-01', 123);
      // 23:30 UTC on New Year's Eve is already 2027-01-01 in Stockholm.
      expect(parsePersonnummer(born, new Date(Date.UTC(2026, 11, 31, 23, 30)))).toMatchObject({ ok: true });
      expect(parsePersonnummer(born, new Date(Date.UTC(2026, 11, 31, 22, 30)))).toMatchObject({ error: 'future' });
    });

    it('never comes from the 10-digit form: `-` takes the latest century that is not in the future', () => {
      // 261231: 2026-12-31 would be in the future, so it is 1926-12-31 (99 years old).
      const dec31 = makeTestPersonnummer('1926-12-31', 123).slice(2);
      expect(parsePersonnummer(`${dec31.slice(0, 6)}-${dec31.slice(6)}`, today)).toMatchObject({
        ok: true,
        value: `19${dec31}`,
        birthDate: '1926-12-31',
      });
      // 100 or older (+): a century earlier still.
      // (1826: before the earliest year the register holds.)
      expect(parsePersonnummer(`${dec31.slice(0, 6)}+${dec31.slice(6)}`, today)).toMatchObject({
        ok: false,
        error: 'date',
      });
      // Born earlier this year: this century.
      const nov30 = makeTestPersonnummer('2026-11-30', 456).slice(2);
      expect(parsePersonnummer(`${nov30.slice(0, 6)}-${nov30.slice(6)}`, today)).toMatchObject({
        birthDate: '2026-11-30',
      });
      expect(parsePersonnummer(`${nov30.slice(0, 6)}+${nov30.slice(6)}`, today)).toMatchObject({
        birthDate: '1926-11-30',
      });
      // A samordningsnummer's day (+60) is compared as the real day.
      const sam = makeTestPersonnummer('1926-12-24', 235, 'samordningsnummer').slice(2);
      expect(parsePersonnummer(`${sam.slice(0, 6)}-${sam.slice(6)}`, today)).toMatchObject({
        kind: 'samordningsnummer',
        birthDate: '1926-12-24',
      });
    });
  });

  it('formats for display', () => {
    expect(formatPersonnummer('191212121212')).toBe('19121212-1212');
  });
});
