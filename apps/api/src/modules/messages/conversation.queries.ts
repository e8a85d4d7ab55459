import type { EntityManager } from '@mikro-orm/postgresql';
import { rows, sql } from '../../db/query';
import { assignmentHolds, unanswered } from '../access/predicates';
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

/**
 * One page (the same for all) of several clients' conversations, newest first: every message of
 * the `withPrivate` clients, the messages not marked private of the `withoutPrivate` ones.
 */
export function conversationPageRows(
  em: EntityManager,
  withPrivate: string[],
  withoutPrivate: string[],
  page: { limit: number; offset: number },
) {
  return rows<MessageRow & { visible_in_reply_to: string | null }, MessageRow>(
    em,
    sql`SELECT * FROM (
      SELECT ${MESSAGE_COLUMNS},
             -- A reader kept from private messages does not learn their ids either.
             CASE WHEN rp.private AND NOT c.client_id = ANY(${withPrivate}::uuid[])
                  THEN NULL ELSE m.in_reply_to END AS visible_in_reply_to,
             count(*) OVER (PARTITION BY c.client_id) AS total,
             row_number() OVER (PARTITION BY c.client_id ORDER BY m.created_at DESC, m.id) AS n
        FROM message m JOIN conversation c ON c.id = m.conversation_id ${AUTHOR_JOINS}
        LEFT JOIN message rp ON rp.id = m.in_reply_to
       WHERE c.client_id = ANY(${withPrivate}::uuid[])
          OR (c.client_id = ANY(${withoutPrivate}::uuid[]) AND NOT m.private)
    ) page
    WHERE n > ${page.offset} AND n <= ${page.offset + page.limit}
    ORDER BY n`,
    { name: 'conversation_pages', map: (r) => ({ ...r, in_reply_to: r.visible_in_reply_to }) },
  );
}

export interface InboxRow {
  client_id: string;
  unanswered: number;
  oldest_unanswered_at: Date | null;
  last_message_at: Date;
  last_message_id: string;
  total: string;
}

/** A page of the staff member's inbox on `day` (see `inboxPage`). */
export function inboxRows(em: EntityManager, staffId: string, day: string, page: { limit: number; offset: number }) {
  return rows<InboxRow>(
    em,
    sql`WITH mine AS (
      -- By staff_id::text: the b-tree for it, not the exclusion constraint's GiST (see the migration).
      SELECT a.client_id FROM contact_assignment a
       WHERE a.staff_id::text = ${staffId}::text AND ${assignmentHolds('a', day)}
      UNION
      SELECT c.id FROM team_membership tm JOIN client c ON c.team_id = tm.team_id WHERE tm.staff_id = ${staffId}
    )
    SELECT cv.client_id,
           count(*) FILTER (WHERE ${unanswered('m')})::int AS unanswered,
           min(m.created_at) FILTER (WHERE ${unanswered('m')}) AS oldest_unanswered_at,
           max(m.created_at) AS last_message_at,
           (array_agg(m.id ORDER BY m.created_at DESC))[1] AS last_message_id,
           count(*) OVER () AS total
      -- One index lookup per client: a generic plan would otherwise hash-join every conversation.
      FROM mine
      CROSS JOIN LATERAL (SELECT * FROM conversation WHERE conversation.client_id = mine.client_id LIMIT 1) cv
      JOIN message m ON m.conversation_id = cv.id
     GROUP BY cv.client_id
     ORDER BY (count(*) FILTER (WHERE ${unanswered('m')}) = 0),
              min(m.created_at) FILTER (WHERE ${unanswered('m')}), max(m.created_at) DESC, cv.client_id
     LIMIT ${page.limit} OFFSET ${page.offset}`,
    { name: 'inbox_page' },
  );
}

/** Messages by id (uuids), with their author. */
export function messageRows(em: EntityManager, ids: string[]) {
  return rows<MessageRow>(
    em,
    sql`SELECT ${MESSAGE_COLUMNS}, 0 AS total
    FROM message m JOIN conversation c ON c.id = m.conversation_id ${AUTHOR_JOINS}
   WHERE m.id = ANY(${ids}::uuid[])`,
    { name: 'messages_by_id' },
  );
}
