import { invalid } from './errors';
import { isIsoDay } from './time';

/** Small input checks that name the field and the rule. */

export function requireDay(field: string, value: string): string {
  if (!isIsoDay(value)) throw invalid(field, 'iso_date', `${field}: must be a date YYYY-MM-DD`);
  return value;
}

export function requireOneOf<T extends string>(field: string, allowed: readonly T[], value: string): T {
  if (!(allowed as readonly string[]).includes(value)) {
    throw invalid(field, 'one_of', `${field}: must be one of ${allowed.join(', ')}`);
  }
  return value as T;
}

/** Control characters other than tab and line breaks have no place in text people write. */
function hasControlCharacters(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

export function requirePlainText(field: string, value: string): string {
  if (hasControlCharacters(value)) {
    throw invalid(field, 'control_characters', `${field}: contains characters that are not text`);
  }
  return value;
}

export function requireText(field: string, value: string | null | undefined, max: number): string {
  const text = requirePlainText(field, value ?? '').trim();
  if (text.length === 0) throw invalid(field, 'required', `${field}: must not be empty`);
  if (text.length > max) throw invalid(field, 'max_length', `${field}: at most ${max} characters`);
  return text;
}

export function optionalText(field: string, value: string | null | undefined, max: number): string | null {
  if (value == null || value.trim() === '') return null;
  return requireText(field, value, max);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id is treated as an unknown one, so it says nothing about what exists. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
