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

/** Why a string is not text people write, or null when it is. */
export type TextProblem = 'control_characters' | 'lone_surrogate';

/**
 * Control characters (C0, DEL, C1) have no place in text people write; tab and line breaks only
 * where a line break makes sense (`multiline`: message bodies and free-text notes). A lone UTF-16
 * surrogate is not a character at all: PostgreSQL and JSON encoders would turn it into U+FFFD, so
 * what is stored would differ from what was sent.
 */
export function textProblem(value: string, multiline: boolean): TextProblem | null {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20) {
      if (multiline && (c === 0x09 || c === 0x0a || c === 0x0d)) continue;
      return 'control_characters';
    }
    if (c >= 0x7f && c <= 0x9f) return 'control_characters';
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = value.charCodeAt(i + 1);
      // A high half followed by a low half is one character; anything else is broken.
      if (c > 0xdbff || !(next >= 0xdc00 && next <= 0xdfff)) return 'lone_surrogate';
      i++;
    }
  }
  return null;
}

export function requirePlainText(field: string, value: string): string {
  const problem = textProblem(value, true);
  if (problem === 'control_characters') {
    throw invalid(field, problem, `${field}: contains characters that are not text`);
  }
  if (problem === 'lone_surrogate') {
    throw invalid(field, problem, `${field}: contains a broken character (an unpaired UTF-16 surrogate)`);
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
