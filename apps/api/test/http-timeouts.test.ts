import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadEnv } from '../src/config/env';
import { DEFAULT_HTTP_TIMEOUTS, DEFAULT_RATE_LIMIT } from '../src/server';
import { startApi, type TestApi } from './support/api';
import { useDatabase } from './support/database';

const db = useDatabase({ shared: true });
let api: TestApi;
// Short timeouts so the test is quick; production's defaults are checked below.
const TIMEOUTS = { headersMs: 1000, requestMs: 1500, keepAliveMs: 1000 };

beforeAll(async () => {
  api = await startApi(db.orm, { http: TIMEOUTS });
});
afterAll(async () => {
  await api.stop();
});

/** Opens a raw socket, writes `head`, then trickles `trickle` a byte per `everyMs`; resolves on close. */
function trickle(head: string, trickle: string, everyMs: number) {
  const { port, hostname } = new URL(api.url);
  return new Promise<{ ms: number; answer: string; bytesSent: number; idleMs: number }>((resolve) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname);
    let answer = '';
    let sent = 0;
    let answeredAt = started;
    let timer: NodeJS.Timeout | undefined;
    socket.on('data', (d) => {
      answer += d.toString();
      answeredAt = Date.now();
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ ms: Date.now() - started, answer, bytesSent: sent, idleMs: Date.now() - answeredAt });
    });
    socket.on('connect', () => {
      socket.write(head);
      timer = setInterval(() => {
        if (sent < trickle.length && !socket.destroyed) socket.write(trickle[sent++]!);
      }, everyMs);
    });
  });
}

describe('slow clients', () => {
  it('closes a connection whose body trickles in (408) within the request timeout', async () => {
    const body = JSON.stringify({ query: `{ viewer { givenName } } #${'x'.repeat(200)}` });
    const head = `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`;
    const r = await trickle(head, body, 200);
    console.log(
      `slow body: closed after ${r.ms} ms, ${r.bytesSent} of ${body.length} bytes sent, answer ${r.answer.split('\r\n')[0] || '(none)'}`,
    );
    expect(r.ms).toBeLessThan(TIMEOUTS.requestMs + 1500);
    expect(r.bytesSent).toBeLessThan(body.length);
    expect(r.answer === '' || r.answer.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('closes a connection whose headers trickle in within the headers timeout', async () => {
    const r = await trickle('POST /graphql HTTP/1.1\r\n', `Host: x\r\nX-Slow: ${'y'.repeat(100)}\r\n\r\n`, 200);
    console.log(
      `slow headers: closed after ${r.ms} ms, ${r.bytesSent} bytes of headers sent, answer ${r.answer.split('\r\n')[0] || '(none)'}`,
    );
    expect(r.ms).toBeLessThan(TIMEOUTS.headersMs + 1500);
    expect(r.answer === '' || r.answer.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('closes an idle kept-alive connection', async () => {
    const body = JSON.stringify({ query: '{ viewer { givenName } }' });
    const head = `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n${body}`;
    const r = await trickle(head, '', 1000);
    console.log(`idle keep-alive: closed ${r.idleMs} ms after the answer`);
    expect(r.answer.startsWith('HTTP/1.1 200')).toBe(true);
    // Node adds up to a second of grace to the keep-alive timeout.
    expect(r.idleMs).toBeLessThan(TIMEOUTS.keepAliveMs + 3000);
  });

  it('uses the configured defaults: 10 s for headers, 15 s for the request, 5 s keep-alive', () => {
    const env = loadEnv({});
    expect({
      headersMs: env.HTTP_HEADERS_TIMEOUT_MS,
      requestMs: env.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    }).toEqual(DEFAULT_HTTP_TIMEOUTS);
    expect(DEFAULT_HTTP_TIMEOUTS).toEqual({ headersMs: 10_000, requestMs: 15_000, keepAliveMs: 5_000 });
    expect({
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      perPerson: env.RATE_LIMIT_PER_PERSON,
      perAddress: env.RATE_LIMIT_PER_ADDRESS,
    }).toEqual(DEFAULT_RATE_LIMIT);
    expect(() => loadEnv({ HTTP_HEADERS_TIMEOUT_MS: '20000' })).toThrow(/HTTP_HEADERS_TIMEOUT_MS/);
  });
});
