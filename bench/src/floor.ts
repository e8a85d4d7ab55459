/**
 * The floor: a minimal node:http + pg server answering the benchmark's requests with one
 * hand-written SQL statement each, with the same token check, the same consent rules, the same
 * audit events and the same JSON as the API. What the API costs above this is the price of its
 * generality.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { createTokenVerifier, keysFromPublicJwks } from '@spindeln/api-token';
import pg from 'pg';
import { raw, sqlText } from '../../apps/api/src/db/query';
import {
  absenceCovers,
  assignmentHolds,
  currentConsent,
  unanswered,
} from '../../apps/api/src/modules/access/predicates';

const DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;

// The rules' conditions are the API's own (modules/access/predicates.ts), with this file's `$n`.
const $ = (n: number) => raw(`$${n}`);
/** Parameter $2 is the Swedish day in every statement below that asks for one. */
const ASSIGNMENT_HOLDS = sqlText(assignmentHolds('a', $(2)));
const UNANSWERED = sqlText(unanswered('m'));

/** Current, accepted, unexpired consent (at parameter `$at`) of person `me` to the client of link `l`. */
const currentConsentOfLink = (at: number) => `cs.relative_link_id = l.id AND ${sqlText(currentConsent('cs', $(at)))}`;

/** Primary and deputy of each client in `vis` today, with today's absence. */
const CONTACTS = `SELECT a.client_id, a.role, sp.given_name, sp.family_name, s.title, s.work_mobile,
         ab.last_day::text AS away_until, ab.id IS NOT NULL AS away
    FROM vis JOIN contact_assignment a ON a.client_id = vis.id AND ${ASSIGNMENT_HOLDS}
    JOIN staff_member s ON s.id = a.staff_id JOIN person sp ON sp.id = s.person_id
    LEFT JOIN staff_absence ab ON ab.staff_id = s.id AND ${sqlText(absenceCovers('ab', $(2)))}`;

const OVERVIEW_SQL = `
WITH me AS (SELECT id, given_name FROM person WHERE personnummer = $1),
vis AS (
  SELECT c.id, p.given_name, p.family_name, p.protected_identity, c.team_id, cs.scopes
    FROM me JOIN relative_link l ON l.person_id = me.id JOIN consent cs ON ${currentConsentOfLink(4)}
    JOIN client c ON c.id = l.client_id JOIN person p ON p.id = c.person_id
),
pc AS (${CONTACTS}),
audit AS (
  INSERT INTO audit_event (actor_person_id, action, client_id, outcome, request_id)
  SELECT me.id, x.action, vis.id, 'ALLOWED', $3 FROM me, vis,
         (VALUES ('read.client'), ('read.contact'), ('read.contact_details')) x(action)
),
node AS (
  SELECT vis.id, vis.given_name, vis.family_name,
         -- A relative never sees a protected client's name (people/shown-name.ts).
         json_build_object('id', vis.id,
           'givenName', CASE WHEN vis.protected_identity THEN 'Skyddad identitet' ELSE vis.given_name END,
           'familyName', CASE WHEN vis.protected_identity THEN NULL ELSE vis.family_name END,
           'fixedContact', (SELECT json_build_object('givenName', pr.given_name, 'familyName', pr.family_name,
                'title', pr.title, 'workMobile', pr.work_mobile) FROM pc pr WHERE pr.client_id = vis.id AND pr.role = 'PRIMARY'),
           'deputy', (SELECT json_build_object('givenName', d.given_name, 'familyName', d.family_name,
                'title', d.title, 'workMobile', d.work_mobile) FROM pc d WHERE d.client_id = vis.id AND d.role = 'DEPUTY'),
           'contactNow', (
             SELECT json_build_object(
               'reason', CASE WHEN pr.client_id IS NOT NULL AND NOT pr.away THEN 'PRIMARY_AVAILABLE'
                              WHEN d.client_id IS NOT NULL AND NOT d.away
                                THEN CASE WHEN pr.client_id IS NOT NULL THEN 'PRIMARY_ABSENT' ELSE 'NO_PRIMARY' END
                              WHEN pr.client_id IS NOT NULL OR d.client_id IS NOT NULL THEN 'CONTACTS_ABSENT'
                              ELSE 'NO_CONTACT_APPOINTED' END,
               'primaryAwayUntil', CASE WHEN pr.away THEN pr.away_until END,
               'teamPhone', coalesce(t.phone, g.phone),
               'contact', CASE WHEN pr.client_id IS NOT NULL AND NOT pr.away
                                 THEN json_build_object('givenName', pr.given_name, 'familyName', pr.family_name, 'workMobile', pr.work_mobile)
                               WHEN d.client_id IS NOT NULL AND NOT d.away
                                 THEN json_build_object('givenName', d.given_name, 'familyName', d.family_name, 'workMobile', d.work_mobile)
                          END)
               FROM work_team t JOIN care_group g ON g.id = t.group_id
               LEFT JOIN pc pr ON pr.client_id = vis.id AND pr.role = 'PRIMARY'
               LEFT JOIN pc d ON d.client_id = vis.id AND d.role = 'DEPUTY'
              WHERE t.id = vis.team_id)
         ) AS node
    FROM vis
   -- Every field above needs both scopes; the benchmark's relatives hold them.
   WHERE 'VIEW_CONTACT' = ANY(vis.scopes) AND 'VIEW_CONTACT_DETAILS' = ANY(vis.scopes)
)
SELECT json_build_object('data', json_build_object('viewer', json_build_object(
  'givenName', (SELECT given_name FROM me),
  'clients', json_build_object('totalCount', (SELECT count(*) FROM vis),
    'edges', coalesce((SELECT json_agg(json_build_object('node', node.node) ORDER BY node.family_name, node.given_name, node.id) FROM node), '[]'))
))) AS body`;

const CLIENT_PAGE_SQL = `
WITH me AS (SELECT id FROM person WHERE personnummer = $1),
vis AS (
  SELECT c.id, p.given_name, p.family_name, c.team_id FROM me JOIN client c ON c.person_id = me.id
    JOIN person p ON p.id = c.person_id WHERE c.id = $4::uuid
),
pc AS (${CONTACTS}),
audit AS (
  INSERT INTO audit_event (actor_person_id, action, client_id, outcome, request_id)
  SELECT (SELECT id FROM me), x.action, $4::uuid, CASE WHEN EXISTS (SELECT 1 FROM vis) THEN 'ALLOWED' ELSE 'DENIED' END, $3
    FROM (VALUES ('read.client'), ('read.contact_details'), ('read.conversation')) x(action)
   WHERE EXISTS (SELECT 1 FROM vis) OR x.action = 'read.client'
),
msgs AS (
  SELECT m.body, CASE WHEN ap.protected_identity AND ap.id <> (SELECT id FROM me) THEN 'Skyddad identitet'
                      ELSE ap.given_name || ' ' || ap.family_name END AS author, m.created_at, m.id
    FROM vis JOIN conversation cv ON cv.client_id = vis.id JOIN message m ON m.conversation_id = cv.id
    JOIN person ap ON ap.id = m.author_person_id
)
SELECT json_build_object('data', json_build_object('client', (
  SELECT json_build_object('id', vis.id, 'givenName', vis.given_name, 'familyName', vis.family_name,
    'phoneList', (
      SELECT coalesce(json_agg(e.entry ORDER BY e.n), '[]') FROM (
        SELECT 1 AS n, json_build_object('kind', 'PRIMARY', 'name', given_name || ' ' || family_name, 'number', work_mobile) AS entry
          FROM pc WHERE role = 'PRIMARY' AND work_mobile IS NOT NULL
        UNION ALL SELECT 2, json_build_object('kind', 'DEPUTY', 'name', given_name || ' ' || family_name, 'number', work_mobile)
          FROM pc WHERE role = 'DEPUTY' AND work_mobile IS NOT NULL
        UNION ALL SELECT 3, json_build_object('kind', 'TEAM', 'name', t.name, 'number', t.phone)
          FROM work_team t JOIN care_group g ON g.id = t.group_id WHERE t.id = vis.team_id AND t.phone IS NOT NULL AND t.phone <> g.phone
        UNION ALL SELECT 4, json_build_object('kind', 'GROUP', 'name', g.name, 'number', g.phone)
          FROM work_team t JOIN care_group g ON g.id = t.group_id WHERE t.id = vis.team_id
      ) e),
    'conversation', json_build_object('totalCount', (SELECT count(*) FROM msgs),
      'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object('body', x.body, 'authorName', x.author,
          'sentAt', to_char(x.created_at AT TIME ZONE 'UTC', ${ISO}))) ORDER BY x.created_at DESC, x.id)
        FROM (SELECT * FROM msgs ORDER BY created_at DESC, id LIMIT 10) x), '[]')))
  FROM vis))) AS body`;

const INBOX_SQL = `
WITH me AS (SELECT s.id AS staff_id, p.id AS person_id, s.unit_id, 'COORDINATOR' = ANY(s.roles) AS is_coordinator
             FROM person p JOIN staff_member s ON s.person_id = p.id WHERE p.personnummer = $1),
mine AS (
  SELECT a.client_id FROM me JOIN contact_assignment a ON a.staff_id::text = me.staff_id::text
   WHERE ${ASSIGNMENT_HOLDS}
  UNION
  SELECT c.id FROM me JOIN team_membership tm ON tm.staff_id = me.staff_id JOIN client c ON c.team_id = tm.team_id
),
conv AS (
  SELECT cv.client_id,
         count(*) FILTER (WHERE ${UNANSWERED})::int AS unanswered,
         min(m.created_at) FILTER (WHERE ${UNANSWERED}) AS waiting_since,
         max(m.created_at) AS last_at,
         (array_agg(m.id ORDER BY m.created_at DESC))[1] AS last_id
    FROM mine
    CROSS JOIN LATERAL (SELECT * FROM conversation WHERE conversation.client_id = mine.client_id LIMIT 1) cv
    JOIN message m ON m.conversation_id = cv.id
   GROUP BY cv.client_id
),
page AS (
  SELECT conv.*, p.given_name, p.family_name,
         -- A protected client is named only to the staff assigned to her and the unit's coordinators.
         NOT p.protected_identity
           OR EXISTS (SELECT 1 FROM me JOIN contact_assignment a ON a.staff_id::text = me.staff_id::text
                       WHERE a.client_id = c.id AND ${ASSIGNMENT_HOLDS})
           OR EXISTS (SELECT 1 FROM me JOIN work_team t ON t.group_id = me.unit_id WHERE me.is_coordinator AND t.id = c.team_id)
           AS named,
         row_number() OVER (ORDER BY conv.unanswered = 0, conv.waiting_since, conv.last_at DESC, conv.client_id) AS n
    FROM conv JOIN client c ON c.id = conv.client_id JOIN person p ON p.id = c.person_id
   ORDER BY n LIMIT 20
),
audit AS (
  INSERT INTO audit_event (actor_person_id, action, client_id, outcome, request_id)
  SELECT (SELECT person_id FROM me), x.action, page.client_id, 'ALLOWED', $3
    FROM page, (VALUES ('read.conversation'), ('read.client')) x(action)
)
SELECT json_build_object('data', json_build_object('viewer', json_build_object('inbox', json_build_object(
  'totalCount', (SELECT count(*) FROM conv),
  'edges', coalesce((SELECT json_agg(json_build_object('node', json_build_object('unanswered', page.unanswered,
      'waitingSince', to_char(page.waiting_since AT TIME ZONE 'UTC', ${ISO}),
      'client', json_build_object('id', page.client_id,
        'givenName', CASE WHEN page.named THEN page.given_name ELSE 'Skyddad identitet' END,
        'familyName', CASE WHEN page.named THEN page.family_name END),
      'lastMessage', json_build_object('body', lm.body, 'sentAt', to_char(lm.created_at AT TIME ZONE 'UTC', ${ISO}))))
      ORDER BY page.n)
    FROM page JOIN message lm ON lm.id = page.last_id), '[]'))))) AS body`;

const SEND_SQL = `
WITH me AS (SELECT id FROM person WHERE personnummer = $1),
ok AS (
  SELECT l.client_id FROM me JOIN relative_link l ON l.person_id = me.id JOIN consent cs ON ${currentConsentOfLink(6)}
   WHERE l.client_id = $3::uuid AND 'SEND_MESSAGES' = ANY(cs.scopes)
     AND (SELECT count(*) FROM message WHERE author_person_id = me.id AND created_at > now() - interval '10 minutes') < 20
     AND length(btrim($4)) BETWEEN 1 AND 4000
),
conv AS (
  INSERT INTO conversation (client_id) SELECT client_id FROM ok
  ON CONFLICT (client_id) DO UPDATE SET client_id = EXCLUDED.client_id RETURNING id
),
msg AS (
  INSERT INTO message (conversation_id, author_person_id, author_role, body, private, state, idempotency_key)
  SELECT conv.id, me.id, 'RELATIVE', $4, false, 'NEW', $5 FROM conv, me RETURNING id
),
audit AS (
  INSERT INTO audit_event (actor_person_id, action, client_id, outcome, request_id)
  SELECT (SELECT id FROM me), 'message.post', $3::uuid, CASE WHEN EXISTS (SELECT 1 FROM msg) THEN 'ALLOWED' ELSE 'DENIED' END, $2
)
SELECT json_build_object('data', json_build_object('sendMessage', json_build_object(
  'messageId', (SELECT id FROM msg),
  'error', CASE WHEN EXISTS (SELECT 1 FROM msg) THEN NULL ELSE json_build_object('code', 'NOT_FOUND') END))) AS body`;

export interface FloorOptions {
  databaseUrl: string;
  port: number;
  issuer: string;
  audience: string;
  publicJwks: { keys: Record<string, unknown>[] };
}

export function startFloor(options: FloorOptions) {
  // Named statements with generic plans, as the API's connections use.
  const pool = new pg.Pool({
    connectionString: options.databaseUrl,
    max: 10,
    // As the API's: connections a burst opened stay, not closed after 10 idle seconds.
    idleTimeoutMillis: 5 * 60_000,
    options: '-c plan_cache_mode=force_generic_plan',
  });
  // A connection lost when the database stops at the end is not a crash.
  pool.on('error', () => {});
  const verify = createTokenVerifier({
    issuer: options.issuer,
    audience: options.audience,
    keys: keysFromPublicJwks(options.publicJwks as never),
  });
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      try {
        const auth = req.headers.authorization ?? '';
        const identity = await verify(auth.slice('Bearer '.length)).catch(() => null);
        if (!identity) {
          res
            .writeHead(401, { 'content-type': 'application/json' })
            .end('{"errors":[{"message":"Authentication failed"}]}');
          return;
        }
        const { query, variables } = JSON.parse(Buffer.concat(chunks).toString()) as {
          query: string;
          variables?: Record<string, any>;
        };
        // The request's time: the consent rules are judged at it, as the API does.
        const now = new Date();
        const day = DAY.format(now);
        const requestId = randomUUID();
        let sql: string;
        let params: unknown[];
        // Named, so each statement is planned once per connection, as the API's reads are.
        let name = '';
        if (query.startsWith('query Overview'))
          [name, sql, params] = ['overview', OVERVIEW_SQL, [identity.personnummer, day, requestId, now]];
        else if (query.startsWith('query ClientPage'))
          [sql, params] = [CLIENT_PAGE_SQL, [identity.personnummer, day, requestId, variables?.id]];
        else if (query.startsWith('query Inbox'))
          [name, sql, params] = ['inbox', INBOX_SQL, [identity.personnummer, day, requestId]];
        else if (query.startsWith('mutation Send')) {
          const input = variables?.input ?? {};
          [sql, params] = [
            SEND_SQL,
            [identity.personnummer, requestId, input.clientId, input.body, input.idempotencyKey, now],
          ];
        } else {
          res.writeHead(400).end('{"errors":[{"message":"unknown operation"}]}');
          return;
        }
        const result = await pool.query<{ body: unknown }>({ name, text: sql, values: params });
        res
          .writeHead(200, { 'content-type': 'application/json', 'x-sql-statements': '1' })
          .end(JSON.stringify(result.rows[0]!.body));
      } catch (error) {
        console.error('[floor]', (error as Error).message);
        res.writeHead(500).end('{"errors":[{"message":"Internal server error"}]}');
      }
    });
  });
  return {
    listen: () => new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve)),
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
