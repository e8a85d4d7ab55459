import { PERSONAS } from '@spindeln/demo-personas';
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGE_RATE_LIMIT } from '../src/modules/messages/messages.service';
import { openOrm } from '../src/orm';
import { startApi, type TestApi } from './support/api';
import { useDatabase } from './support/database';
import { loadDemo } from './support/world';

const db = useDatabase();

const SEND = `mutation($input: SendMessageInput!) {
  sendMessage(input: $input) { messageId error { code rule } }
}`;

type SendAnswer = { sendMessage: { messageId: string | null; error: { code: string; rule: string } | null } };

/** Two API processes' worth: each its own ORM and connection pool on the same database. */
async function twoApis() {
  const second = await openOrm(db.url, { logger: () => {} });
  const apis = [await startApi(db.orm), await startApi(second)];
  cleanups.push(async () => {
    for (const api of apis) await api.stop();
    await second.close(true);
  });
  return apis;
}

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function sendAll(apis: TestApi[], inputs: Record<string, unknown>[], as: string) {
  const answers = await Promise.all(
    inputs.map((input, i) => apis[i % apis.length]!.gql<SendAnswer>(SEND, { input }, as)),
  );
  for (const a of answers) expect(a.errors).toBeUndefined();
  return answers.map((a) => a.data!.sendMessage);
}

describe('sends under concurrency', () => {
  it('answers every racing resend of the same key and body with the one stored message', async () => {
    const w = await loadDemo(db.em());
    const apis = await twoApis();
    const input = {
      clientId: w.clients.elsa.id,
      body: 'Kan någon ringa mig i kväll?',
      idempotencyKey: 'race-key-0001',
    };
    const answers = await sendAll(apis, Array(6).fill(input), PERSONAS.elsa.personnummer);
    const stored = await db.sql<{ id: string }>(`SELECT id FROM message WHERE idempotency_key = ?`, [
      input.idempotencyKey,
    ]);
    console.log(
      `idempotency race: 6 sends, ${stored.length} stored, answers ${JSON.stringify(answers.map((a) => a.error?.code ?? 'ok'))}`,
    );
    expect(stored).toHaveLength(1);
    expect(answers).toEqual(Array(6).fill({ messageId: stored[0]!.id, error: null }));
  });

  it('refuses a racing send of the same key with another body, as a sequential one is', async () => {
    const w = await loadDemo(db.em());
    const apis = await twoApis();
    const base = { clientId: w.clients.elsa.id, idempotencyKey: 'race-key-0002' };
    const bodies = ['Första versionen', 'Andra versionen', 'Första versionen', 'Andra versionen'];
    const inputs = [...bodies, ...bodies].map((body) => ({ ...base, body }));
    const answers = await sendAll(apis, inputs, PERSONAS.elsa.personnummer);
    const stored = await db.sql<{ id: string; body: string }>(
      `SELECT id, body FROM message WHERE idempotency_key = ?`,
      [base.idempotencyKey],
    );
    expect(stored).toHaveLength(1);
    inputs.forEach((input, i) => {
      if (input.body === stored[0]!.body) expect(answers[i]).toEqual({ messageId: stored[0]!.id, error: null });
      else expect(answers[i]).toMatchObject({ messageId: null, error: { code: 'CONFLICT' } });
    });
  });

  it('holds the rate limit for 40 parallel sends through two API processes', async () => {
    const w = await loadDemo(db.em());
    const apis = await twoApis();
    const inputs = Array.from({ length: 40 }, (_, i) => ({
      clientId: w.clients.elsa.id,
      body: `Meddelande nummer ${i}`,
      idempotencyKey: `limit-key-${String(i).padStart(4, '0')}`,
    }));
    const answers = await sendAll(apis, inputs, PERSONAS.elsa.personnummer);
    const [{ n }] = (await db.sql<{ n: number }>(
      `SELECT count(*)::int n FROM message WHERE idempotency_key LIKE 'limit-key-%'`,
    )) as [{ n: number }];
    const limited = answers.filter((a) => a.error?.code === 'RATE_LIMITED').length;
    console.log(
      `rate limit: 40 parallel sends, ${n} stored, ${limited} RATE_LIMITED (limit ${MESSAGE_RATE_LIMIT.messages})`,
    );
    expect(n).toBe(MESSAGE_RATE_LIMIT.messages);
    expect(answers.filter((a) => a.messageId).length).toBe(MESSAGE_RATE_LIMIT.messages);
    expect(limited).toBe(40 - MESSAGE_RATE_LIMIT.messages);
    // A resend of a stored message still answers with it, over the limit or not.
    const again = await sendAll(apis, [inputs[answers.findIndex((a) => a.messageId)]!], PERSONAS.elsa.personnummer);
    expect(again[0]!.error).toBeNull();
  });
});
