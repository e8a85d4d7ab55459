import type { EntityManager } from '@mikro-orm/postgresql';
import { row, run, sql } from '../../db/query';
import { unanswered } from '../access/predicates';

/** Takes the transaction-long advisory lock (class, hash of key) (see `lockSendsOf`). */
export async function takeAdvisoryLock(tx: EntityManager, lockClass: number, key: string): Promise<void> {
  await run(tx, sql`SELECT pg_advisory_xact_lock(${lockClass}::int, hashtext(${key}))`, { name: 'send_lock' });
}

/** How many messages the person wrote in the last `minutes` minutes. */
export async function messagesWrittenSince(tx: EntityManager, personId: string, minutes: number): Promise<number> {
  const r = await row<{ n: number }>(
    tx,
    sql`SELECT count(*)::int AS n FROM message
         WHERE author_person_id = ${personId} AND created_at > now() - make_interval(mins => ${minutes}::int)`,
    { name: 'messages_written_since' },
  );
  return r?.n ?? 0;
}

/** Creates the client's conversation unless it exists. */
export async function ensureConversation(em: EntityManager, clientId: string): Promise<void> {
  await run(em, sql`INSERT INTO conversation (client_id) VALUES (${clientId}) ON CONFLICT (client_id) DO NOTHING`, {
    name: 'ensure_conversation',
  });
}

/** The client a message belongs to; null for an unknown id. */
export function messageClient(tx: EntityManager, messageId: string) {
  return row<{ client_id: string }>(
    tx,
    sql`SELECT c.client_id FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE m.id = ${messageId}`,
    { name: 'message_client' },
  );
}

/**
 * A staff reply answers the message it names and every earlier one still waiting on the same side
 * (shared, or the client's private ones). By the named message's own created_at in SQL: a JS Date
 * drops the microseconds.
 */
export async function answerUpTo(tx: EntityManager, staffId: string, messageId: string): Promise<void> {
  await run(
    tx,
    sql`UPDATE message m SET state = 'ANSWERED', handled_by = ${staffId}, handled_at = now()
          FROM message named
         WHERE named.id = ${messageId} AND m.conversation_id = named.conversation_id AND m.private = named.private
           AND m.author_role <> 'STAFF' AND ${unanswered('m')} AND m.created_at <= named.created_at`,
    { name: 'answer_up_to' },
  );
}
