import type { EntityManager } from '@mikro-orm/postgresql';
import { runPrepared } from '../../db/prepared';
import { sql, uuidArray } from '../../db/sql';
import { AccessDenied } from '../../shared/errors';
import { stockholmDay } from '../../shared/time';
import type { Actor } from '../access/actor';
import { staffOf } from '../access/standing';
import type { AuthorRole, HandlingState } from './messages.entity';

export interface MessageRow {
  id: string;
  client_id: string;
  body: string;
  private: boolean;
  author_role: AuthorRole;
  author_person_id: string;
  /** The author's registered name (null when none is known) and protection. */
  author_given_name: string | null;
  author_family_name: string | null;
  author_protected: boolean;
  /** For a relative's message: the client's label for the author. */
  author_label_given_name: string | null;
  author_label_family_name: string | null;
  state: HandlingState | null;
  handled_at: Date | null;
  in_reply_to: string | null;
  created_at: Date;
  total: string;
}

const MESSAGE_COLUMNS = sql`m.id, c.client_id, m.body, m.private, m.author_role, m.author_person_id,
  p.given_name AS author_given_name, p.family_name AS author_family_name, p.protected_identity AS author_protected,
  al.given_name AS author_label_given_name, al.family_name AS author_label_family_name,
  m.state, m.handled_at, m.in_reply_to, m.created_at`;

/** The author, and the client's label for them when they are one of the client's relatives. */
const AUTHOR_JOINS = sql`JOIN person p ON p.id = m.author_person_id
  LEFT JOIN relative_link al ON al.client_id = c.client_id AND al.person_id = m.author_person_id`;

export interface ConversationRequest {
  clientId: string;
  /** Relatives never see what the client marked private (nor replies to it). */
  includePrivate: boolean;
  limit: number;
  offset: number;
}

/**
 * Pages of several clients' conversations, newest first, in one statement (the same page for all).
 */
export async function conversationPages(
  em: EntityManager,
  requests: readonly ConversationRequest[],
): Promise<Map<string, MessageRow[]>> {
  const result = new Map<string, MessageRow[]>(requests.map((r) => [r.clientId, []]));
  if (requests.length === 0) return result;
  const { limit, offset } = requests[0]!;
  const withPrivate = requests.filter((r) => r.includePrivate).map((r) => r.clientId);
  const withoutPrivate = requests.filter((r) => !r.includePrivate).map((r) => r.clientId);
  const q = sql`SELECT * FROM (
      SELECT ${MESSAGE_COLUMNS},
             -- A reader kept from private messages does not learn their ids either.
             CASE WHEN rp.private AND NOT c.client_id = ANY(${uuidArray(withPrivate)}::uuid[])
                  THEN NULL ELSE m.in_reply_to END AS visible_in_reply_to,
             count(*) OVER (PARTITION BY c.client_id) AS total,
             row_number() OVER (PARTITION BY c.client_id ORDER BY m.created_at DESC, m.id) AS n
        FROM message m JOIN conversation c ON c.id = m.conversation_id ${AUTHOR_JOINS}
        LEFT JOIN message rp ON rp.id = m.in_reply_to
       WHERE c.client_id = ANY(${uuidArray(withPrivate)}::uuid[])
          OR (c.client_id = ANY(${uuidArray(withoutPrivate)}::uuid[]) AND NOT m.private)
    ) page
    WHERE n > ${offset} AND n <= ${offset + limit}
    ORDER BY n`;
  for (const row of await runPrepared<MessageRow & { visible_in_reply_to: string | null }>(
    em,
    'conversation_pages',
    q,
  )) {
    result.get(row.client_id)?.push({ ...row, in_reply_to: row.visible_in_reply_to });
  }
  return result;
}

export interface InboxRow {
  client_id: string;
  unanswered: number;
  oldest_unanswered_at: Date | null;
  last_message_at: Date;
  last_message_id: string;
  total: string;
}

/**
 * The staff inbox: conversations of the clients the staff member is contact or deputy for today, and
 * of their teams' clients; unanswered first (oldest waiting first), then the most recent.
 */
export async function inboxPage(
  em: EntityManager,
  actor: Actor,
  page: { limit: number; offset: number },
  at: Date = new Date(),
): Promise<InboxRow[]> {
  // Staff only: the inbox is the staff member's own.
  const staff = await staffOf(em, actor.personId);
  if (!staff) throw new AccessDenied('inbox');
  const staffId = staff.id;
  const day = stockholmDay(at);
  const q = sql`WITH mine AS (
      -- By staff_id::text: the b-tree for it, not the exclusion constraint's GiST (see the migration).
      SELECT a.client_id FROM contact_assignment a
       WHERE a.staff_id::text = ${staffId}::text AND a.valid_from <= ${day}::date AND (a.valid_to IS NULL OR a.valid_to > ${day}::date)
      UNION
      SELECT c.id FROM team_membership tm JOIN client c ON c.team_id = tm.team_id WHERE tm.staff_id = ${staffId}
    )
    SELECT cv.client_id,
           count(*) FILTER (WHERE m.state IN ('NEW', 'READ'))::int AS unanswered,
           min(m.created_at) FILTER (WHERE m.state IN ('NEW', 'READ')) AS oldest_unanswered_at,
           max(m.created_at) AS last_message_at,
           (array_agg(m.id ORDER BY m.created_at DESC))[1] AS last_message_id,
           count(*) OVER () AS total
      -- One index lookup per client: a generic plan would otherwise hash-join every conversation.
      FROM mine
      CROSS JOIN LATERAL (SELECT * FROM conversation WHERE conversation.client_id = mine.client_id LIMIT 1) cv
      JOIN message m ON m.conversation_id = cv.id
     GROUP BY cv.client_id
     ORDER BY (count(*) FILTER (WHERE m.state IN ('NEW', 'READ')) = 0),
              min(m.created_at) FILTER (WHERE m.state IN ('NEW', 'READ')), max(m.created_at) DESC, cv.client_id
     LIMIT ${page.limit} OFFSET ${page.offset}`;
  return runPrepared<InboxRow>(em, 'inbox_page', q);
}

export async function messagesByIds(em: EntityManager, ids: string[]): Promise<Map<string, MessageRow>> {
  const q = sql`SELECT ${MESSAGE_COLUMNS}, 0 AS total
    FROM message m JOIN conversation c ON c.id = m.conversation_id ${AUTHOR_JOINS}
   WHERE m.id = ANY(${uuidArray(ids)}::uuid[])`;
  const rows = await runPrepared<MessageRow>(em, 'messages_by_id', q);
  return new Map(rows.map((r) => [r.id, r]));
}
