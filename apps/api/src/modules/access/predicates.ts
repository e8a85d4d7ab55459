import { ident, type Sql, sql } from '../../db/query';

/**
 * The conditions the rules are made of, written once as nestable SQL: every query (and the
 * benchmark's floor) uses these. Each takes the alias of the row it tests and the time or the day it
 * is asked for: a value (a parameter) or a fragment. The time is the one the API passes in (its
 * clock when the request asks), never the database's `now()`, so one request's statements agree.
 */

/** Consent row `c` has not ended and has not expired at `at`: accepted by the relative or not. */
export const consentInForce = (c: string, at: Date | Sql): Sql => {
  const k = ident(c);
  return sql`${k}.ended_at IS NULL AND (${k}.expires_at IS NULL OR ${k}.expires_at > ${at}::timestamptz)`;
};

/**
 * The current consent: in force and accepted by the relative. Only this one gives a relative any
 * access; nothing else does.
 */
export const currentConsent = (c: string, at: Date | Sql): Sql =>
  sql`${consentInForce(c, at)} AND ${ident(c)}.relative_accepted_at IS NOT NULL`;

/** In force, waiting for the relative's acceptance: gives no access yet. */
export const consentAwaitingAcceptance = (c: string, at: Date | Sql): Sql =>
  sql`${consentInForce(c, at)} AND ${ident(c)}.relative_accepted_at IS NULL`;

/** Contact assignment `a` holds on `day` (from its first day, up to but not including valid_to). */
export const assignmentHolds = (a: string, day: string | Sql): Sql => {
  const k = ident(a);
  return sql`${k}.valid_from <= ${day}::date AND (${k}.valid_to IS NULL OR ${k}.valid_to > ${day}::date)`;
};

/** Staff absence `ab` covers `day` (both ends included; no last day: until further notice). */
export const absenceCovers = (ab: string, day: string | Sql): Sql => {
  const k = ident(ab);
  return sql`${k}.first_day <= ${day}::date AND (${k}.last_day IS NULL OR ${k}.last_day >= ${day}::date)`;
};

/** Message `m` waits for an answer from staff (staff replies have no state and never wait). */
export const unanswered = (m: string): Sql => sql`${ident(m)}.state IN ('NEW', 'READ')`;
