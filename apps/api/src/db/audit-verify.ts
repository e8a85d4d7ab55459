import type pg from 'pg';

export type ChainCheck =
  | { ok: true; rows: number; headPosition: number; headHash: string | null }
  | {
      ok: false;
      rows: number;
      /** The first row whose link does not hold, or null when the break is at the head. */
      id: string | null;
      position: number;
      problem: string;
    };

/**
 * The row hash, recomputed here with the same expression as the migration's audit_event_hash() but
 * without calling it, so replacing that function does not change what is checked. `prev` is the
 * previous row's stored hash.
 */
const rowHash = (prev: string) => `sha256(convert_to(jsonb_build_array(encode(${prev}, 'hex'), e.chain_position, e.id,
    (extract(epoch FROM e.at) * 1000000)::bigint, e.actor_person_id, e.action, e.client_id, e.outcome,
    e.request_id, e.detail)::text, 'UTF8'))`;

/**
 * Walks the whole chain in position order in one statement and returns the first link that does
 * not hold: a position out of sequence (a row removed or inserted), a hash that is not the hash of
 * the row's content and the previous hash (a row or hash changed), or a head that does not point
 * at the last row (rows removed at the end).
 */
export async function verifyAuditChain(client: pg.ClientBase): Promise<ChainCheck> {
  const { rows: firstBad } = await client.query<{
    id: string;
    chain_position: string;
    expected_position: string;
    stored: string;
    computed: string;
  }>(`
    WITH walk AS (
      SELECT e.id, e.chain_position, row_number() OVER (ORDER BY e.chain_position) AS expected_position,
             e.hash, ${rowHash('lag(e.hash) OVER (ORDER BY e.chain_position)')} AS computed
        FROM audit_event e
    )
    SELECT id::text, chain_position::text, expected_position::text, encode(hash, 'hex') AS stored,
           encode(computed, 'hex') AS computed
      FROM walk
     WHERE chain_position <> expected_position OR hash IS DISTINCT FROM computed
     ORDER BY chain_position LIMIT 1`);
  const { rows: summary } = await client.query<{
    n: string;
    last: string | null;
    head: string | null;
    head_hash: string | null;
    last_hash: string | null;
  }>(`
    SELECT (SELECT count(*) FROM audit_event)::text AS n,
           (SELECT max(chain_position) FROM audit_event)::text AS last,
           (SELECT encode(hash, 'hex') FROM audit_event ORDER BY chain_position DESC LIMIT 1) AS last_hash,
           h.position::text AS head, encode(h.hash, 'hex') AS head_hash
      FROM (SELECT 1) one LEFT JOIN audit_chain_head h ON true`);
  const s = summary[0]!;
  const rows = Number(s.n);
  const bad = firstBad[0];
  if (bad) {
    const position = Number(bad.expected_position);
    const problem =
      bad.chain_position !== bad.expected_position
        ? `expected position ${bad.expected_position}, found ${bad.chain_position}: ` +
          `${Number(bad.chain_position) > position ? 'a row before it is missing' : 'a row was added out of order'}`
        : `hash differs: stored ${bad.stored}, computed ${bad.computed} from the row and the previous hash`;
    return { ok: false, rows, id: bad.id, position, problem };
  }
  if (s.head === null) return { ok: false, rows, id: null, position: 0, problem: 'the chain head is missing' };
  if (Number(s.head) !== Number(s.last ?? 0) || s.head_hash !== s.last_hash) {
    return {
      ok: false,
      rows,
      id: null,
      position: Number(s.last ?? 0) + 1,
      problem: `the head is at position ${s.head} (hash ${s.head_hash ?? 'none'}) but the last row is at ${s.last ?? 0} (hash ${s.last_hash ?? 'none'}): rows at the end are missing`,
    };
  }
  return { ok: true, rows, headPosition: Number(s.head), headHash: s.head_hash };
}

/** One line for people: what `npm run audit:verify` prints. */
export function describeCheck(check: ChainCheck): string {
  if (check.ok) {
    return `audit chain OK: ${check.rows} rows, head at position ${check.headPosition}, hash ${check.headHash ?? '(empty chain)'}`;
  }
  const where = check.id === null ? `position ${check.position}` : `position ${check.position} (row id ${check.id})`;
  return `audit chain BROKEN at ${where}: ${check.problem} (${check.rows} rows)`;
}
