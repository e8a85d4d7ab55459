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

  it('formats for display', () => {
    expect(formatPersonnummer('191212121212')).toBe('19121212-1212');
  });
});
