import { PERSONAS } from '@spindeln/demo-personas';
import { describe, expect, it } from 'vitest';
import { markMessage, postMessage } from '../src/modules/messages/messages.service';
import { tableCounts, useDatabase } from './support/database';
import { refused } from './support/refused';
import { loadDemo } from './support/world';

const db = useDatabase();

async function personId(personnummer: string): Promise<string> {
  const [row] = await db.sql<{ id: string }>(`SELECT id FROM person WHERE personnummer = ?`, [personnummer]);
  return row!.id;
}

describe('messages', () => {
  it('lets the client and a relative with the messaging scope write, with the right roles', async () => {
    const w = await loadDemo(db.em());
    const elsa = w.clients.elsa;
    const fromClient = await postMessage(db.em(), w.actor(elsa), {
      clientId: elsa.id,
      body: 'Tack för i dag!',
      idempotencyKey: 'client-key-0001',
      private: true,
    });
    const maria = { personId: await personId(PERSONAS.maria.personnummer) };
    const fromRelative = await postMessage(db.em(), maria, {
      clientId: elsa.id,
      body: 'Hej, jag kommer på söndag.',
      idempotencyKey: 'maria-key-0001',
    });
    expect(fromClient).toMatchObject({ authorRole: 'CLIENT', private: true, state: 'NEW' });
    expect(fromRelative).toMatchObject({ authorRole: 'RELATIVE', private: false, state: 'NEW' });
  });

  it('stores a resent message once, and refuses the same key for other content', async () => {
    const w = await loadDemo(db.em());
    const elsa = w.clients.elsa;
    const input = { clientId: elsa.id, body: 'Kan ni ringa mig?', idempotencyKey: 'resend-key-0001' };
    const first = await postMessage(db.em(), w.actor(elsa), input);
    const again = await postMessage(db.em(), w.actor(elsa), input);
    expect(again.id).toBe(first.id);
    const [{ n }] = (await db.sql<{ n: string }>(`SELECT count(*) n FROM message WHERE idempotency_key = ?`, [
      input.idempotencyKey,
    ])) as [{ n: string }];
    expect(Number(n)).toBe(1);
    const before = await tableCounts(db.em());
    const e = await refused(postMessage(db.em(), w.actor(elsa), { ...input, body: 'Något annat' }));
    expect(e).toMatchObject({ code: 'CONFLICT', field: 'idempotencyKey', rule: 'message_idempotency_key_unique' });
    expect(await tableCounts(db.em())).toEqual(before);
    // The database holds the rule too.
    await expect(
      db.sql(
        `INSERT INTO message (conversation_id, author_person_id, author_role, body, state, idempotency_key)
         SELECT conversation_id, author_person_id, author_role, 'x', 'NEW', idempotency_key FROM message WHERE id = ?`,
        [first.id],
      ),
    ).rejects.toMatchObject({ constraint: 'message_idempotency_key_unique' });
  });

  it('refuses a message over the limit, an empty one, or a bad key, writing nothing', async () => {
    const w = await loadDemo(db.em());
    const elsa = w.clients.elsa;
    const before = await tableCounts(db.em());
    expect(
      await refused(
        postMessage(db.em(), w.actor(elsa), {
          clientId: elsa.id,
          body: 'a'.repeat(4001),
          idempotencyKey: 'long-key-0001',
        }),
      ),
    ).toMatchObject({ field: 'body', rule: 'max_length' });
    expect(
      await refused(
        postMessage(db.em(), w.actor(elsa), { clientId: elsa.id, body: '   ', idempotencyKey: 'blank-key-001' }),
      ),
    ).toMatchObject({ field: 'body', rule: 'required' });
    expect(
      await refused(postMessage(db.em(), w.actor(elsa), { clientId: elsa.id, body: 'Hej', idempotencyKey: 'short' })),
    ).toMatchObject({ field: 'idempotencyKey' });
    expect(await tableCounts(db.em())).toEqual(before);
    await postMessage(db.em(), w.actor(elsa), {
      clientId: elsa.id,
      body: 'a'.repeat(4000),
      idempotencyKey: 'max-key-00001',
    });
  });

  it('denies relatives without the messaging scope, revoked or unconsented, and audits the denials', async () => {
    const w = await loadDemo(db.em());
    const elsa = w.clients.elsa;
    const before = await tableCounts(db.em());
    for (const who of [PERSONAS.johan, PERSONAS.lars, PERSONAS.karin]) {
      const e = await refused(
        postMessage(
          db.em(),
          { personId: await personId(who.personnummer) },
          { clientId: elsa.id, body: 'Hej', idempotencyKey: `denied-${who.givenName}-key` },
        ),
      );
      expect(e.code).toBe('NOT_FOUND');
    }
    // Staff of another unit are denied the same way.
    expect(
      (
        await refused(
          postMessage(db.em(), w.actor(w.staff.fatima), {
            clientId: elsa.id,
            body: 'Hej',
            idempotencyKey: 'fatima-key-01',
          }),
        )
      ).code,
    ).toBe('NOT_FOUND');
    expect(await tableCounts(db.em())).toEqual(before);
    const denied = await db.sql(
      `SELECT count(*)::int n FROM audit_event WHERE outcome = 'DENIED' AND action = 'message.post' AND client_id = ?`,
      [elsa.id],
    );
    expect(denied).toEqual([{ n: 4 }]);
  });

  it('lets only the client mark a message private; a staff reply answers it and stays private', async () => {
    const w = await loadDemo(db.em());
    const elsa = w.clients.elsa;
    const maria = { personId: await personId(PERSONAS.maria.personnummer) };
    expect(
      await refused(
        postMessage(db.em(), maria, {
          clientId: elsa.id,
          body: 'Hemligt',
          idempotencyKey: 'maria-private',
          private: true,
        }),
      ),
    ).toMatchObject({ field: 'private' });
    const question = await postMessage(db.em(), w.actor(elsa), {
      clientId: elsa.id,
      body: 'Bara till Anna',
      idempotencyKey: 'elsa-private-1',
      private: true,
    });
    const reply = await postMessage(db.em(), w.actor(w.staff.anna), {
      clientId: elsa.id,
      body: 'Jag ringer dig i eftermiddag.',
      idempotencyKey: 'anna-reply-001',
      inReplyTo: question.id,
    });
    expect(reply).toMatchObject({ authorRole: 'STAFF', private: true, state: null, inReplyTo: question.id });
    const [row] = await db.sql(`SELECT state, handled_by FROM message WHERE id = ?`, [question.id]);
    expect(row).toEqual({ state: 'ANSWERED', handled_by: w.staff.anna.id });
  });

  it('a reply answers the thread up to the message it names, on its own side of privacy', async () => {
    const w = await loadDemo(db.em());
    const elsa = w.clients.elsa;
    const maria = { personId: await personId(PERSONAS.maria.personnummer) };
    const newer = await postMessage(db.em(), maria, {
      clientId: elsa.id,
      body: 'En fråga till',
      idempotencyKey: 'maria-thread-1',
    });
    const waiting = () =>
      db.sql<{ body: string; private: boolean }>(
        `SELECT m.body, m.private FROM message m JOIN conversation c ON c.id = m.conversation_id
          WHERE c.client_id = ? AND m.state IN ('NEW', 'READ') ORDER BY m.created_at`,
        [elsa.id],
      );
    // The demo's waiting messages: Maria's worry and Elsa's private one; then Maria's new question.
    expect((await waiting()).map((m) => m.body)).toHaveLength(3);
    await postMessage(db.em(), w.actor(w.staff.anna), {
      clientId: elsa.id,
      body: 'Vi håller extra koll, och svarar på frågan i morgon.',
      idempotencyKey: 'anna-thread-1',
      inReplyTo: newer.id,
    });
    // Maria's earlier message is answered too; Elsa's private message, which Maria's reply does not reach, waits.
    expect(await waiting()).toEqual([
      { body: 'Jag vill prata med Anna om min genomförandeplan utan att barnen är med.', private: true },
    ]);
  });

  it('lets the team mark messages handled, and no one else', async () => {
    const w = await loadDemo(db.em());
    const [msg] = await db.sql<{ id: string }>(
      `SELECT m.id FROM message m JOIN conversation c ON c.id = m.conversation_id WHERE c.client_id = ? AND m.state = 'NEW' LIMIT 1`,
      [w.clients.elsa.id],
    );
    // Sara is not Elsa's contact, but she is on Elsa's team.
    await markMessage(db.em(), w.actor(w.staff.sara), { messageId: msg!.id, state: 'READ' });
    expect(await db.sql(`SELECT state, handled_by FROM message WHERE id = ?`, [msg!.id])).toEqual([
      { state: 'READ', handled_by: w.staff.sara.id },
    ]);
    expect(
      (await refused(markMessage(db.em(), w.actor(w.staff.fatima), { messageId: msg!.id, state: 'ANSWERED' }))).code,
    ).toBe('NOT_FOUND');
    expect(
      await refused(markMessage(db.em(), w.actor(w.staff.anna), { messageId: msg!.id, state: 'DELETED' })),
    ).toMatchObject({ field: 'state' });
    await expect(db.sql(`DELETE FROM message WHERE id = ?`, [msg!.id])).rejects.toThrow(/history/);
    await expect(db.sql(`UPDATE message SET body = 'ändrad' WHERE id = ?`, [msg!.id])).rejects.toThrow(/history/);
  });
});
