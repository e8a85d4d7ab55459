import { describe, expect, it } from 'vitest';
import { isOverdue, isWorkingDay, overdueAt } from '../app/lib/working-day.server';

describe('one working day, Swedish public holidays counted', () => {
  it('knows weekends, public holidays and the eves', () => {
    expect(isWorkingDay('2026-12-01')).toBe(true); // a Tuesday
    expect(isWorkingDay('2026-12-05')).toBe(false); // Saturday
    expect(isWorkingDay('2026-12-25')).toBe(false); // juldagen
    expect(isWorkingDay('2026-12-24')).toBe(false); // julafton
    expect(isWorkingDay('2026-06-19')).toBe(false); // midsommarafton
    expect(isWorkingDay('2026-01-06')).toBe(false); // trettondedag jul
    expect(isWorkingDay('2026-05-14')).toBe(false); // Kristi himmelsfärd
    expect(isWorkingDay('2026-05-15')).toBe(true); // the Friday after
  });

  it('a message on a Tuesday is overdue on Wednesday at the same time', () => {
    const since = new Date('2026-12-01T09:00:00+01:00');
    expect(overdueAt(since).toISOString()).toBe(new Date('2026-12-02T09:00:00+01:00').toISOString());
    expect(isOverdue(since, new Date('2026-12-02T08:59:00+01:00'))).toBe(false);
    expect(isOverdue(since, new Date('2026-12-02T09:01:00+01:00'))).toBe(true);
  });

  it('over a weekend and over Christmas', () => {
    // Friday 10:00 → Monday 10:00.
    expect(overdueAt(new Date('2026-12-04T10:00:00+01:00')).toISOString()).toBe(
      new Date('2026-12-07T10:00:00+01:00').toISOString(),
    );
    // Wednesday 23 December → Monday 28 December (24, 25 and the weekend are off).
    expect(overdueAt(new Date('2026-12-23T14:00:00+01:00')).toISOString()).toBe(
      new Date('2026-12-28T14:00:00+01:00').toISOString(),
    );
    // Saturday → the end of Monday.
    expect(overdueAt(new Date('2026-12-05T11:00:00+01:00')).toISOString()).toBe(
      new Date('2026-12-08T00:00:00+01:00').toISOString(),
    );
  });
});
