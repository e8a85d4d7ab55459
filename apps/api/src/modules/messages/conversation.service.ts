import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessDenied } from '../../shared/errors';
import { stockholmDay } from '../../shared/time';
import type { Actor } from '../access/actor';
import { staffOf } from '../access/standing';
import { conversationPageRows, type InboxRow, inboxRows, type MessageRow, messageRows } from './conversation.queries';

export type { InboxRow, MessageRow };

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
  for (const row of await conversationPageRows(em, withPrivate, withoutPrivate, { limit, offset })) {
    result.get(row.client_id)?.push(row);
  }
  return result;
}

/** Whole minutes the oldest unanswered message has waited at `now`; null when nothing waits. */
export function minutesWaiting(oldestUnansweredAt: Date | null, now: Date): number | null {
  return oldestUnansweredAt ? Math.floor((now.getTime() - oldestUnansweredAt.getTime()) / 60_000) : null;
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
  return inboxRows(em, staff.id, stockholmDay(at), page);
}

export async function messagesByIds(em: EntityManager, ids: string[]): Promise<Map<string, MessageRow>> {
  const rows = await messageRows(em, ids);
  return new Map(rows.map((r) => [r.id, r]));
}
