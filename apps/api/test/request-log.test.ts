import { Writable } from 'node:stream';
import { PERSONAS } from '@spindeln/demo-personas';
import { describe, expect, it } from 'vitest';
import { openOrm } from '../src/orm';
import { createLogger } from '../src/shared/log';
import { startApi, tokenFor } from './support/api';
import { useDatabase } from './support/database';
import { loadDemo } from './support/world';

const db = useDatabase();

/** A logger whose lines land in an array, as JSON, the way they would on stdout. */
function capture(level = 'info') {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { lines, logger: createLogger({ level, destination }) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('request log', () => {
  it('writes one JSON line per request with its id, person, operation, status and duration, and no personal data', async () => {
    const w = await loadDemo(db.em());
    const { lines, logger } = capture();
    const api = await startApi(db.orm, { logger });
    try {
      const body = 'Hemligt: nyckeln ligger under mattan 4711';
      const token = await tokenFor(PERSONAS.maria.personnummer);
      const res = await api.gql<{ sendMessage: { messageId: string } }>(
        `mutation SendToElsa($input: SendMessageInput!) { sendMessage(input: $input) { messageId error { code } } }`,
        { input: { clientId: w.clients.elsa.id, body, idempotencyKey: 'log-key-0001' } },
        { token },
      );
      expect(res.status).toBe(200);
      expect(res.data?.sendMessage.messageId).toBeTruthy();
      await settle();

      expect(lines).toHaveLength(1);
      const line = JSON.parse(lines[0]!) as Record<string, unknown>;
      console.log('request log line:', lines[0]);
      const [maria] = await db.sql<{ id: string }>(`SELECT id FROM person WHERE personnummer = ?`, [
        PERSONAS.maria.personnummer,
      ]);
      expect(line).toMatchObject({
        level: 'info',
        msg: 'request',
        requestId: res.headers.get('x-request-id'),
        personId: maria!.id,
        operation: 'SendToElsa',
        operationType: 'mutation',
        method: 'POST',
        path: '/graphql',
        status: 200,
      });
      expect(typeof line.durationMs).toBe('number');
      expect(line.durationMs as number).toBeGreaterThan(0);
      expect(typeof line.time).toBe('string');
      // Neither the personnummer (with or without its dash), nor the message, nor the token.
      for (const secret of [
        PERSONAS.maria.personnummer,
        PERSONAS.maria.personnummer.replace('-', ''),
        body,
        'mattan',
        token,
        token.split('.')[1]!,
      ]) {
        expect(lines[0]).not.toContain(secret);
      }
    } finally {
      await api.stop();
    }
  });

  it('logs an anonymous request, a refused body and a 404 once each, without a person', async () => {
    const { lines, logger } = capture();
    const api = await startApi(db.orm, { logger });
    try {
      await api.gql(`query Anonymous { __typename }`);
      await api.post('{"query": "not json', {});
      await fetch(`${api.url}/nothing`);
      await settle();
      const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(parsed.map((l) => [l.path, l.status, l.personId, l.operation])).toEqual([
        ['/graphql', 200, null, 'Anonymous'],
        ['/graphql', 400, null, null],
        ['/nothing', 404, null, null],
      ]);
      expect(new Set(parsed.map((l) => l.requestId)).size).toBe(3);
    } finally {
      await api.stop();
    }
  });

  it('reports a database outage once as an error, each refused request as a warning', async () => {
    const { lines, logger } = capture();
    const orm = await openOrm('postgres://nobody:wrong@127.0.0.1:1/none', { connect: false, logger: () => {} });
    const api = await startApi(orm, { logger, healthTimeoutMs: 300 });
    try {
      for (let i = 0; i < 3; i++) expect((await fetch(`${api.url}/health`)).status).toBe(503);
      await settle();
      const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
      expect(parsed.filter((l) => l.event === 'database_unavailable' && l.level === 'error')).toHaveLength(1);
      expect(parsed.filter((l) => l.msg === 'request' && l.level === 'warn' && l.status === 503)).toHaveLength(3);
    } finally {
      await api.stop();
      await orm.close();
    }
  });
});
