import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rows, sql } from '../src/db/query';
import {
  absenceCovers,
  assignmentHolds,
  consentAwaitingAcceptance,
  currentConsent,
  unanswered,
} from '../src/modules/access/predicates';
import { useDatabase } from './support/database';

const db = useDatabase({ shared: true });

describe('the rule predicates, on PostgreSQL', () => {
  it('the current consent: not ended, accepted, not expired at the given time', async () => {
    const at = new Date('2026-12-01T12:00:00Z');
    const result = await rows<{ k: string; current: boolean; awaiting: boolean }>(
      db.em(),
      sql`SELECT k, ${currentConsent('c', at)} AS current, ${consentAwaitingAcceptance('c', at)} AS awaiting
            FROM (VALUES ('current', NULL::timestamptz, now(), NULL::timestamptz),
                         ('ended', now(), now(), NULL),
                         ('not accepted', NULL, NULL, NULL),
                         ('expired', NULL, now(), '2026-12-01T11:59:59Z'),
                         ('expires later', NULL, now(), '2026-12-01T12:00:01Z'),
                         ('expires at that instant', NULL, now(), '2026-12-01T12:00:00Z'))
                 AS c(k, ended_at, relative_accepted_at, expires_at)`,
    );
    expect(Object.fromEntries(result.map((r) => [r.k, [r.current, r.awaiting]]))).toEqual({
      current: [true, false],
      ended: [false, false],
      'not accepted': [false, true],
      expired: [false, false],
      'expires later': [true, false],
      'expires at that instant': [false, false],
    });
  });

  it('an assignment holds from valid_from up to, not including, valid_to; an absence covers both ends', async () => {
    const days = ['2026-11-30', '2026-12-01', '2026-12-05', '2026-12-06'];
    const result = await rows<{ day: string; holds: boolean; open: boolean; covers: boolean; until: boolean }>(
      db.em(),
      sql`SELECT d.day::text AS day,
                 (SELECT ${assignmentHolds('a', sql`d.day`)} FROM (VALUES ('2026-12-01'::date, '2026-12-06'::date)) a(valid_from, valid_to)) AS holds,
                 (SELECT ${assignmentHolds('a', sql`d.day`)} FROM (VALUES ('2026-12-01'::date, NULL::date)) a(valid_from, valid_to)) AS open,
                 (SELECT ${absenceCovers('ab', sql`d.day`)} FROM (VALUES ('2026-12-01'::date, '2026-12-05'::date)) ab(first_day, last_day)) AS covers,
                 (SELECT ${absenceCovers('ab', sql`d.day`)} FROM (VALUES ('2026-12-01'::date, NULL::date)) ab(first_day, last_day)) AS until
            FROM unnest(${days}::date[]) AS d(day) ORDER BY d.day`,
    );
    expect(result.map((r) => [r.day, r.holds, r.open, r.covers, r.until])).toEqual([
      ['2026-11-30', false, false, false, false],
      ['2026-12-01', true, true, true, true],
      ['2026-12-05', true, true, true, true],
      ['2026-12-06', false, true, false, true],
    ]);
  });

  it('unanswered: a relative’s or client’s message that is new or read', async () => {
    const result = await rows<{ state: string | null; waits: boolean | null }>(
      db.em(),
      sql`SELECT m.state, ${unanswered('m')} AS waits FROM (VALUES ('NEW'), ('READ'), ('ANSWERED'), (NULL)) m(state)`,
    );
    expect(result.map((r) => [r.state, r.waits ?? false])).toEqual([
      ['NEW', true],
      ['READ', true],
      ['ANSWERED', false],
      [null, false],
    ]);
  });
});

describe('each predicate is written once', () => {
  const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) return name === 'migrations' || name === 'node_modules' ? [] : files(p);
      return p.endsWith('.ts') ? [p] : [];
    });
  // The tell-tale text of each condition; only access/predicates.ts may hold it.
  const TELLS = [
    /valid_to IS NULL/i,
    /last_day IS NULL/i,
    /expires_at IS NULL/i,
    /relative_accepted_at IS (NOT )?NULL/i,
    /IN \('NEW', 'READ'\)/,
  ];

  it('in access/predicates.ts, not again in the API or the benchmark', () => {
    const offenders = [...files(path.join(ROOT, 'apps/api/src')), ...files(path.join(ROOT, 'bench/src'))]
      .filter((f) => !f.endsWith(path.join('modules', 'access', 'predicates.ts')))
      .flatMap((f) => {
        const text = readFileSync(f, 'utf8');
        return TELLS.filter((t) => t.test(text)).map((t) => `${path.relative(ROOT, f)}: ${t}`);
      });
    expect(offenders).toEqual([]);
  });
});
