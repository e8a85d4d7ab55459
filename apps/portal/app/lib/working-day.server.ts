import Holidays from 'date-holidays';

/** Swedish public holidays from a maintained library (date-holidays), not a hand-written list. */
const holidays = new Holidays('SE');

const DAY_MS = 86_400_000;

/** The calendar day in Stockholm, as YYYY-MM-DD. */
export function stockholmDay(at: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(at);
}

function dayStart(day: string): Date {
  // Noon UTC of the day: safely inside the Stockholm day whatever the offset.
  return new Date(`${day}T12:00:00Z`);
}

/** Monday to Friday and not a public holiday (nor the eves Swedes have off: midsommar-, jul- and nyårsafton). */
export function isWorkingDay(day: string): boolean {
  const noon = dayStart(day);
  const weekday = noon.getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  const found = holidays.isHoliday(noon);
  if (!found) return true;
  return !found.some((h) => h.type === 'public' || h.type === 'bank');
}

function nextWorkingDay(day: string): string {
  let d = dayStart(day);
  do d = new Date(d.getTime() + DAY_MS);
  while (!isWorkingDay(stockholmDay(d)));
  return stockholmDay(d);
}

/**
 * When a message that came in at `since` is overdue: after one working day. From a working day, the
 * same time on the next working day; from a weekend or holiday, the end of the next working day.
 */
export function overdueAt(since: Date): Date {
  const day = stockholmDay(since);
  const next = nextWorkingDay(day);
  const days = Math.round((dayStart(next).getTime() - dayStart(day).getTime()) / DAY_MS);
  if (isWorkingDay(day)) return new Date(since.getTime() + days * DAY_MS);
  const endOfNext = new Date(dayStart(next).getTime() + DAY_MS);
  return new Date(`${stockholmDay(endOfNext)}T00:00:00${offsetOf(endOfNext)}`);
}

function offsetOf(at: Date): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Stockholm', timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const m = /GMT([+-]\d{2}:\d{2})/.exec(part ?? '');
  return m?.[1] ?? '+01:00';
}

export function isOverdue(since: Date, now: Date = new Date()): boolean {
  return now.getTime() > overdueAt(since).getTime();
}
