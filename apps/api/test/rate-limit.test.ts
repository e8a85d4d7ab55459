import { PERSONAS } from '@spindeln/demo-personas';
import { describe, expect, it } from 'vitest';
import { type GraphQLResponse, startApi, tokenFor } from './support/api';
import { useDatabase } from './support/database';
import { loadDemo } from './support/world';

const db = useDatabase();

/** An hour-long window, so no test meets a window boundary halfway. */
const WINDOW = 3600;
const CLIENT = `query($id: ID!) { client(id: $id) { givenName } }`;

const tally = (answers: GraphQLResponse[]) => {
  const counts: Record<string, number> = {};
  for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
  return counts;
};

describe('request rate limit', () => {
  it('stops one token’s burst of denied reads with 429 and Retry-After, and keeps them out of the audit log', async () => {
    const w = await loadDemo(db.em());
    const api = await startApi(db.orm, { rateLimit: { windowSeconds: WINDOW, perPerson: 20, perAddress: 10_000 } });
    try {
      const token = { token: await tokenFor(PERSONAS.maria.personnummer) };
      const auditBefore = await db.sql<{ n: number }>(
        `SELECT count(*)::int n FROM audit_event WHERE outcome = 'DENIED'`,
      );
      const started = Date.now();
      const answers: GraphQLResponse[] = [];
      // Maria has no consent from Gunnar: every read is a denied, audited read.
      for (let i = 0; i < 300; i++) answers.push(await api.gql(CLIENT, { id: w.clients.gunnar.id }, token));
      const ms = Date.now() - started;
      const auditAfter = await db.sql<{ n: number }>(
        `SELECT count(*)::int n FROM audit_event WHERE outcome = 'DENIED'`,
      );
      const counts = tally(answers);
      console.log(
        `300 denied reads by one token in ${ms} ms: ${JSON.stringify(counts)}, denied audit rows written ${auditAfter[0]!.n - auditBefore[0]!.n}`,
      );
      expect(counts).toEqual({ 200: 20, 429: 280 });
      expect(auditAfter[0]!.n - auditBefore[0]!.n).toBe(20);
      const limited = answers.at(-1)!;
      expect(limited.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', retryable: true });
      expect(limited.data ?? null).toBeNull();
      const retryAfter = Number(limited.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(WINDOW);
      // Another person is not held back by Maria's burst.
      const elsa = await api.gql(CLIENT, { id: w.clients.elsa.id }, PERSONAS.elsa.personnummer);
      expect(elsa.status).toBe(200);
    } finally {
      await api.stop();
    }
  });

  it('limits one client address whoever it logs in as, anonymous requests included', async () => {
    await loadDemo(db.em());
    const api = await startApi(db.orm, { rateLimit: { windowSeconds: WINDOW, perPerson: 10_000, perAddress: 30 } });
    try {
      const people = [PERSONAS.elsa, PERSONAS.maria, PERSONAS.johan, PERSONAS.anna, PERSONAS.lena];
      const answers: GraphQLResponse[] = [];
      for (let i = 0; i < 40; i++) {
        const who = people[i % people.length]!;
        answers.push(await api.gql(`{ viewer { givenName } }`, {}, i % 4 === 3 ? undefined : who.personnummer));
      }
      console.log(`40 requests from one address as 5 people and anonymous: ${JSON.stringify(tally(answers))}`);
      expect(tally(answers)).toEqual({ 200: 30, 429: 10 });
    } finally {
      await api.stop();
    }
  });

  it('holds across API processes and under concurrency (the count lives in PostgreSQL, one atomic statement)', async () => {
    await loadDemo(db.em());
    const limit = { windowSeconds: WINDOW, perPerson: 25, perAddress: 10_000 };
    // Two API instances with their own connection pools, as behind a load balancer.
    const { openOrm } = await import('../src/orm');
    const otherOrm = await openOrm(db.url);
    const a = await startApi(db.orm, { rateLimit: limit });
    const b = await startApi(otherOrm, { rateLimit: limit });
    try {
      const token = { token: await tokenFor(PERSONAS.elsa.personnummer) };
      const answers = await Promise.all(
        Array.from({ length: 80 }, (_, i) => (i % 2 ? a : b).gql(`{ viewer { givenName } }`, {}, token)),
      );
      console.log(`80 parallel requests by one person over two API processes: ${JSON.stringify(tally(answers))}`);
      expect(tally(answers)).toEqual({ 200: 25, 429: 55 });
    } finally {
      await a.stop();
      await b.stop();
      await otherOrm.close(true);
    }
  });
});
