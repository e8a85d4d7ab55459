import type { EntityManager } from '@mikro-orm/postgresql';
import { AccessDenied, DomainError, invalid } from '../../shared/errors';
import { lookupId, NO_ROW_ID } from '../../shared/lookup-id';
import { isUuid, requireOneOf, requirePlainText } from '../../shared/validate';
import type { Actor } from '../access/actor';
import { type Standing, staffOf, standingIfClient, standingOf } from '../access/standing';
import { auditedCommand } from '../audit/audit.service';
import { type AuthorRole, Conversation, MARK_STATES, MESSAGE_MAX_LENGTH, Message } from './messages.entity';
import {
  answerUpTo,
  ensureConversation,
  messageClient,
  messagesWrittenSince,
  takeAdvisoryLock,
} from './messages.queries';

export interface PostMessageInput {
  clientId: string;
  body: string;
  idempotencyKey: string;
  /** Only the client may mark a message private: it is then never shown to relatives. */
  private?: boolean;
  /**
   * A staff reply names the message it answers. That message and the earlier unanswered ones on the
   * same side (the shared conversation, or the client's private messages) become ANSWERED: the reply
   * answers the thread up to there, as its readers see it.
   */
  inReplyTo?: string | null;
}

/**
 * The author's standing decides their role: the client, a relative who may send, or staff. No
 * standing means no such client, denied like a client the author may not write to.
 */
async function authorRole(
  tx: EntityManager,
  actor: Actor,
  standing: Standing | null,
): Promise<{ role: AuthorRole; staffId: string | null }> {
  if (!standing) throw new AccessDenied('clientId');
  if (standing.self) return { role: 'CLIENT', staffId: null };
  // Staff of the client's team and the unit's coordinators answer as staff.
  if (standing.staff || standing.coordinator) {
    return { role: 'STAFF', staffId: (await staffOf(tx, actor.personId))!.id };
  }
  if (standing.scopes.includes('SEND_MESSAGES')) return { role: 'RELATIVE', staffId: null };
  throw new AccessDenied('clientId');
}

function requireBody(body: string): string {
  if (body.trim().length === 0) throw invalid('body', 'required', 'body: write a message');
  if (body.length > MESSAGE_MAX_LENGTH) {
    throw invalid('body', 'max_length', `body: at most ${MESSAGE_MAX_LENGTH} characters`);
  }
  return requirePlainText('body', body);
}

/** At most this many messages per person in the window; resends of a stored message do not count. */
export const MESSAGE_RATE_LIMIT = { messages: 20, minutes: 10 };

/** Advisory lock class of a person's sends (the second key is a hash of the person's id). */
const SEND_LOCK_CLASS = 0x5350_4d31; // "SPM1"

/**
 * Serialises one person's sends, across every API process (the lock lives in PostgreSQL), until the
 * transaction ends. Under READ COMMITTED each later statement sees what the previous holder
 * committed, so the idempotency check and the rate limit's count are atomic with the insert: six
 * racing resends find the one stored message, and 40 parallel sends cannot all count 19. A lock per
 * person rather than a counter row: no table to keep, no UPDATE right needed, released even when
 * the API dies mid-send (its connection closes), and other people's sends never wait.
 */
async function lockSendsOf(tx: EntityManager, personId: string): Promise<void> {
  await takeAdvisoryLock(tx, SEND_LOCK_CLASS, personId);
}

async function requireWithinRateLimit(tx: EntityManager, personId: string): Promise<void> {
  if ((await messagesWrittenSince(tx, personId, MESSAGE_RATE_LIMIT.minutes)) >= MESSAGE_RATE_LIMIT.messages) {
    throw new DomainError(
      'RATE_LIMITED',
      'body',
      'message_rate_limit',
      `body: at most ${MESSAGE_RATE_LIMIT.messages} messages in ${MESSAGE_RATE_LIMIT.minutes} minutes; try again later`,
    );
  }
}

async function conversationFor(tx: EntityManager, clientId: string): Promise<Conversation> {
  await ensureConversation(tx, clientId);
  return tx.findOneOrFail(Conversation, { clientId });
}

/**
 * Posts a message to the client's conversation. A resend with the same idempotency key returns the
 * stored message and stores nothing; the same key with other content is refused.
 */
export function postMessage(em: EntityManager, actor: Actor, input: PostMessageInput) {
  return auditedCommand(em, actor, 'message.post', async (tx, audit) => {
    const body = requireBody(input.body);
    const key = input.idempotencyKey ?? '';
    if (key.length < 8 || key.length > 100) {
      throw invalid('idempotencyKey', 'length', 'idempotencyKey: 8 to 100 characters');
    }
    // One statement whether or not the client exists (issue 9, item 20).
    const standing = await standingIfClient(tx, actor.personId, input.clientId);
    audit.clientId = standing?.clientId ?? null;
    const { role, staffId } = await authorRole(tx, actor, standing);
    const clientId = standing!.clientId;
    if (input.private && role !== 'CLIENT') {
      throw invalid('private', 'client_only', 'private: only the client can mark a message private');
    }

    await lockSendsOf(tx, actor.personId);
    const existing = await tx.findOne(Message, { authorPersonId: actor.personId, idempotencyKey: key });
    if (existing) {
      const conversation = await tx.findOneOrFail(Conversation, { id: existing.conversationId });
      if (conversation.clientId !== clientId || existing.body !== body) {
        throw new DomainError(
          'CONFLICT',
          'idempotencyKey',
          'message_idempotency_key_unique',
          'idempotencyKey: already used for another message',
        );
      }
      audit.detail = { messageId: existing.id, resend: true };
      return existing;
    }

    await requireWithinRateLimit(tx, actor.personId);
    const conversation = await conversationFor(tx, clientId);
    let inReplyTo: Message | null = null;
    if (input.inReplyTo) {
      inReplyTo = isUuid(input.inReplyTo) ? await tx.findOne(Message, { id: input.inReplyTo }) : null;
      // Only what the author may read can be answered: a relative never reaches a private message.
      if (!inReplyTo || inReplyTo.conversationId !== conversation.id || (role === 'RELATIVE' && inReplyTo.private)) {
        throw new AccessDenied('inReplyTo');
      }
    }
    const message = tx.create(Message, {
      conversationId: conversation.id,
      authorPersonId: actor.personId,
      authorRole: role,
      body,
      // A staff reply to a private message stays private.
      private: role === 'CLIENT' ? Boolean(input.private) : role === 'STAFF' && Boolean(inReplyTo?.private),
      inReplyTo: inReplyTo?.id ?? null,
      state: role === 'STAFF' ? null : 'NEW',
      idempotencyKey: key,
    });
    await tx.flush();
    if (role === 'STAFF' && staffId && inReplyTo?.state) {
      await answerUpTo(tx, staffId, inReplyTo.id);
    }
    audit.detail = { messageId: message.id, authorRole: role };
    return message;
  });
}

/** Staff mark a message to the care contact as read or answered. */
export function markMessage(em: EntityManager, actor: Actor, input: { messageId: string; state: string }) {
  return auditedCommand(em, actor, 'message.mark', async (tx, audit) => {
    const state = requireOneOf('state', MARK_STATES, input.state);
    // Plain rows, no entities, until the caller is allowed: an unknown id and a message the caller
    // may not mark run the same two statements (issue 9, item 20).
    const target = await messageClient(tx, lookupId(input.messageId));
    audit.clientId = target?.client_id ?? null;
    const standing = await standingOf(tx, actor.personId, target?.client_id ?? NO_ROW_ID);
    if (!target || !(standing.staff || standing.coordinator)) throw new AccessDenied('messageId');
    const staff = await staffOf(tx, actor.personId);
    if (!staff) throw new AccessDenied('messageId');
    const message = await tx.findOneOrFail(Message, { id: input.messageId });
    if (message.state === null)
      throw invalid('messageId', 'staff_message', 'messageId: staff replies have no handling state');
    message.state = state;
    message.handledBy = staff.id;
    message.handledAt = new Date();
    audit.detail = { messageId: message.id, state };
    return message;
  });
}
