/**
 * Swedish personal identity numbers (personnummer) and coordination numbers (samordningsnummer).
 * People are keyed on the normalised 12-digit form, never on an identity provider's `sub`.
 */

export type IdentityNumberKind = 'personnummer' | 'samordningsnummer';

export type PersonnummerError = 'format' | 'date' | 'future' | 'checksum';

export type ParseResult =
  | { ok: true; value: string; kind: IdentityNumberKind; birthDate: string }
  | { ok: false; error: PersonnummerError; message: string };

const MESSAGES: Record<PersonnummerError, string> = {
  format: 'must be 12 digits (YYYYMMDDNNNC) or 10 digits with - or + (YYMMDD-NNNC)',
  date: 'the date part is not a real date',
  future: 'the birth date is in the future',
  checksum: 'the check digit is wrong',
};

/** Luhn check digit over the 9 digits YYMMDDNNN. */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < nineDigits.length; i++) {
    let d = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    if (d > 9) d -= 9;
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

const STOCKHOLM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in Sweden as YYYYMMDD, the day a birth date is compared with. */
function swedishDay(today: Date): string {
  return STOCKHOLM_DAY.format(today).replaceAll('-', '');
}

/**
 * Parses and validates. A 10-digit form gets its century from `today` (Skatteverket's rule): `-`
 * means under 100 years old, so the latest century that puts the birth date on or before today;
 * `+` means 100 or older, a century earlier still. A birth date after today is never valid.
 */
export function parsePersonnummer(input: string, today: Date = new Date()): ParseResult {
  const fail = (error: PersonnummerError): ParseResult => ({
    ok: false,
    error,
    message: MESSAGES[error],
  });
  const s = input.trim();
  let full: string;
  const long = /^(\d{8})-?(\d{4})$/.exec(s);
  const short = /^(\d{6})([-+]?)(\d{4})$/.exec(s);
  if (long) {
    full = `${long[1]}${long[2]}`;
  } else if (short) {
    const [, yymmdd, sep, rest] = short as unknown as [string, string, string, string];
    const yy = Number(yymmdd.slice(0, 2));
    const day = swedishDay(today);
    const thisYear = Number(day.slice(0, 4));
    let year = Math.floor(thisYear / 100) * 100 + yy;
    // Compared as MMDD with the samordningsnummer's +60 taken off the day.
    const mm = Number(yymmdd.slice(2, 4));
    const dd = Number(yymmdd.slice(4, 6));
    const monthDay = mm * 100 + (dd > 60 ? dd - 60 : dd);
    if (year > thisYear || (year === thisYear && monthDay > Number(day.slice(4)))) year -= 100;
    if (sep === '+') year -= 100;
    full = `${String(year).padStart(4, '0')}${yymmdd.slice(2)}${rest}`;
  } else {
    return fail('format');
  }
  const year = Number(full.slice(0, 4));
  const month = Number(full.slice(4, 6));
  let day = Number(full.slice(6, 8));
  let kind: IdentityNumberKind = 'personnummer';
  if (day > 60) {
    kind = 'samordningsnummer';
    day -= 60;
  }
  if (year < 1850 || !isRealDate(year, month, day)) return fail('date');
  if (year * 10000 + month * 100 + day > Number(swedishDay(today))) return fail('future');
  if (luhnCheckDigit(full.slice(2, 11)) !== Number(full[11])) return fail('checksum');
  const birthDate = `${full.slice(0, 4)}-${full.slice(4, 6)}-${String(day).padStart(2, '0')}`;
  return { ok: true, value: full, kind, birthDate };
}

export function isValidPersonnummer(input: string): boolean {
  return parsePersonnummer(input).ok;
}

/** 19450312-1236 style, for display. */
export function formatPersonnummer(value: string): string {
  return `${value.slice(0, 8)}-${value.slice(8)}`;
}

/**
 * Builds a valid number for test data from a birth date (YYYY-MM-DD) and a 3-digit serial.
 * The serial's last digit is odd for men, even for women.
 */
export function makeTestPersonnummer(
  birthDate: string,
  serial: number,
  kind: IdentityNumberKind = 'personnummer',
): string {
  const [y, m, d] = birthDate.split('-') as [string, string, string];
  const day = kind === 'samordningsnummer' ? Number(d) + 60 : Number(d);
  const first11 = `${y}${m}${String(day).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  return `${first11}${luhnCheckDigit(first11.slice(2))}`;
}
