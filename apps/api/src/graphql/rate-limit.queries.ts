import type { EntityManager } from '@mikro-orm/postgresql';
import { rows, run, sql } from '../db/query';

export interface HitRow {
  key: string;
  hits: number;
  retry_after: number;
}

/** Counts one request for each key (sorted) in the current window; returns the counts. */
export function countHits(em: EntityManager, keys: string[], windowSeconds: number) {
  const w = windowSeconds;
  return rows<HitRow>(
    em,
    sql`INSERT INTO request_rate AS r (key, window_start, hits)
      SELECT k, to_timestamp(floor(extract(epoch FROM clock_timestamp()) / ${w}::int) * ${w}::int), 1
        FROM unnest(${keys}::text[]) AS k ORDER BY k
      ON CONFLICT (key, window_start) DO UPDATE SET hits = r.hits + 1
      RETURNING r.key, r.hits,
        greatest(1, ceil(extract(epoch FROM r.window_start) + ${w}::int - extract(epoch FROM clock_timestamp())))::int AS retry_after`,
    { name: 'request_rate_hit' },
  );
}

/** Deletes the windows that ended more than `olderThanSeconds` ago. */
export function deleteOldWindows(em: EntityManager, olderThanSeconds: number) {
  return run(
    em,
    sql`DELETE FROM request_rate WHERE window_start < now() - make_interval(secs => ${olderThanSeconds}::int)`,
  );
}
