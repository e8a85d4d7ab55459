import { isUuid } from './validate';

/** A uuid that names no row. */
export const NO_ROW_ID = '00000000-0000-0000-0000-000000000000';

/**
 * The id to look a row up by. Something that is not a uuid is looked up as NO_ROW_ID rather than
 * skipped, so an unknown id takes the same statements as a known one the caller may not touch: a
 * denial must not be told apart from "no such thing" by its timing (issue 9, item 20).
 */
export function lookupId(value: string | null | undefined): string {
  return value && isUuid(value) ? value : NO_ROW_ID;
}
